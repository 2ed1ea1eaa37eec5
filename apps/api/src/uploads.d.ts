import { type Router } from "express";
import type { Db } from "@fracval/db";
export declare const MAX_FILE_BYTES: number;
export declare function datasetUploadFolder(uploadsDir: string, datasetId: string): string;
export declare function createUploadRouter(options: {
    db: Db;
    authSecret: string;
    uploadsDir: string;
    maxFileBytes?: number;
}): Router;
