"use server";
// The signed-in person's own account: replacing their password. The API checks the current password and
// the new one's strength (its error names the field) and ends every session of theirs; the portal then
// clears its cookie and asks them to sign in with the new password.
import { signOut } from "@/auth";
import type { ActionResult } from "@/components/action-form";
import { graphql } from "@/gql";
import { ApiError, apiQuery } from "@/lib/api";

const ChangePassword = graphql(`
  mutation PortalChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next)
  }
`);

export async function changePasswordAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const current = String(form.get("currentPassword") ?? "");
  const next = String(form.get("newPassword") ?? "");
  if (next !== String(form.get("repeatPassword") ?? "")) return { error: "The two new passwords differ." };
  try {
    await apiQuery(ChangePassword, { current, next });
  } catch (error) {
    return { error: error instanceof ApiError ? error.message : "The API could not be reached." };
  }
  // Outside the try: signOut ends by redirecting, which it signals by throwing.
  await signOut({ redirectTo: "/login?changed=1" });
  return { error: null };
}
