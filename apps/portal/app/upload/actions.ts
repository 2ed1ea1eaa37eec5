"use server";
// Server actions of the upload page: each is one GraphQL call made with the user's session token; the
// API decides what this user may do.
import { apiQuery, ApiError } from "@/lib/api";

export interface DatasetStatus {
  id: string;
  status: string;
  progressDone: number;
  progressState: "QUEUED" | "WORKING" | "WAITING_FOR_RETRY" | "FINISHED";
  secondsSinceProgress: number | null;
  progressTotal: number;
  /** Null only for a viewer without patient-level access (not the uploader). */
  patientCount: number | null;
  eventCount: number | null;
  imageCount: number | null;
  validationReport: {
    problemCount?: number;
    problems?: { row: number; column: string; value: string; reason: string }[];
  } | null;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error: error instanceof ApiError ? error.message : "The API could not be reached." };
  }
}

export async function createDataset(input: {
  studyId: string;
  siteId: string;
  name: string;
  providedScoreNames: string[];
}): Promise<Result<string>> {
  return attempt(
    async () =>
      (
        await apiQuery<{ createValidationDataset: { id: string } }>(
          "mutation($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }",
          { input },
        )
      ).createValidationDataset.id,
  );
}

export async function finishUpload(id: string): Promise<Result<string>> {
  return attempt(
    async () =>
      (
        await apiQuery<{ finishValidationDatasetUpload: { status: string } }>(
          "mutation($id: ID!) { finishValidationDatasetUpload(id: $id) { status } }",
          { id },
        )
      ).finishValidationDatasetUpload.status,
  );
}

export async function datasetStatus(id: string): Promise<Result<DatasetStatus>> {
  return attempt(
    async () =>
      (
        await apiQuery<{ dataset: DatasetStatus }>(
          "query($id: ID!) { dataset(id: $id) { id status progressDone progressTotal progressState secondsSinceProgress patientCount eventCount imageCount validationReport } }",
          { id },
        )
      ).dataset,
  );
}
