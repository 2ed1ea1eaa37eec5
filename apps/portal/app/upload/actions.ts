"use server";
// Server actions of the upload page: each is one GraphQL call made with the user's session token; the
// API decides what this user may do.
import { graphql } from "@/gql";
import type { PortalDatasetProgressQuery } from "@/gql/graphql";
import { apiQuery, ApiError } from "@/lib/api";

const CreateDataset = graphql(`
  mutation PortalCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }
`);
const FinishUpload = graphql(
  `mutation PortalFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { status } }`,
);
const DatasetProgress = graphql(`
  query PortalDatasetProgress($id: ID!) {
    dataset(id: $id) {
      id status progressDone progressTotal progressState secondsSinceProgress
      patientCount eventCount imageCount
      validationReport { problemCount problems { row column value reason } }
    }
  }
`);

/** The dataset as the upload page follows it. */
export type DatasetStatus = PortalDatasetProgressQuery["dataset"];

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
  return attempt(async () => (await apiQuery(CreateDataset, { input })).createValidationDataset.id);
}

export async function finishUpload(id: string): Promise<Result<string>> {
  return attempt(async () => (await apiQuery(FinishUpload, { id })).finishValidationDatasetUpload.status);
}

export async function datasetStatus(id: string): Promise<Result<DatasetStatus>> {
  return attempt(async () => (await apiQuery(DatasetProgress, { id })).dataset);
}
