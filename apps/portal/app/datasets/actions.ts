"use server";
// The investigator's workspace actions: start a run, cancel it, withdraw a dataset — one GraphQL mutation
// each with the user's session token; the API decides whether this user acts for the dataset's site.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/action-form";
import { graphql } from "@/gql";
import { ApiError, apiQuery } from "@/lib/api";

const StartRun = graphql(`
  mutation PortalStartRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }
`);
const CancelRun = graphql(`mutation PortalCancelRun($id: ID!) { cancelValidationRun(id: $id) { status } }`);
const Withdraw = graphql(`
  mutation PortalWithdrawDataset($id: ID!, $r: String!) { withdrawValidationDataset(id: $id, reason: $r) { status } }
`);

async function attempt(fn: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    const result = await fn();
    revalidatePath("/datasets");
    return result;
  } catch (error) {
    return { error: error instanceof ApiError ? error.message : "The API could not be reached." };
  }
}

export async function startRunAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(async () => {
    const { createValidationRun } = await apiQuery(StartRun, {
      m: String(form.get("modelVersionId")),
      d: String(form.get("datasetId")),
    });
    return { error: null, message: `Run ${createValidationRun.id} queued: its progress shows below.` };
  });
}

export async function cancelRunAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(async () => {
    await apiQuery(CancelRun, { id: String(form.get("runId")) });
    return { error: null, message: "Run cancelled." };
  });
}

export async function withdrawDatasetAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(async () => {
    await apiQuery(Withdraw, { id: String(form.get("datasetId")), r: String(form.get("reason") ?? "") });
    return { error: null, message: "Dataset withdrawn: its patients, images and predictions are deleted." };
  });
}
