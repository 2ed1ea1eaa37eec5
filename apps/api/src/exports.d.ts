import { type Router } from "express";
import type { Db } from "@fracval/db";
export declare function createExportRouter(options: {
    db: Db;
    authSecret: string;
}): Router;
