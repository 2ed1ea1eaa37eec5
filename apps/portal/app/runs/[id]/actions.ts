"use server";
// The site release gate from the run page: one GraphQL mutation with the user's session token; the API
// decides whether this user is the site's lead (or an ADMIN) and audits the change with its comment.
import { revalidatePath } from "next/cache";
import { graphql } from "@/gql";
import { ApiError, apiQuery } from "@/lib/api";

const Release = graphql(`
  mutation PortalReleaseRun($id: ID!, $comment: String!) { releaseValidationRun(id: $id, comment: $comment) { id } }
`);
const Withdraw = graphql(`
  mutation PortalWithdrawRun($id: ID!, $comment: String!) { withdrawValidationRun(id: $id, comment: $comment) { id } }
`);

export interface ReleaseFormState {
  error: string | null;
}

export async function changeRelease(_state: ReleaseFormState, form: FormData): Promise<ReleaseFormState> {
  const id = String(form.get("runId") ?? "");
  const comment = String(form.get("comment") ?? "");
  try {
    if (form.get("change") === "withdraw") await apiQuery(Withdraw, { id, comment });
    else await apiQuery(Release, { id, comment });
  } catch (error) {
    return { error: error instanceof ApiError ? error.message : "The API could not be reached." };
  }
  revalidatePath(`/runs/${id}`);
  revalidatePath("/studies", "layout");
  return { error: null };
}
