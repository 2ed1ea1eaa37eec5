"use server";
// Server actions of the admin console: each one GraphQL mutation with the ADMIN's session token. The API
// checks the role, validates every field (its error names the field) and audits the change.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/action-form";
import { graphql } from "@/gql";
import type { ApiScope, ModelKind, ModelTask, UserRole } from "@/gql/graphql";
import { ApiError, apiQuery } from "@/lib/api";

const CreateUser = graphql(`
  mutation PortalCreateUser($input: CreateUserInput!) { createUser(input: $input) { user { email } initialPassword } }
`);
const DeactivateUser = graphql(`
  mutation PortalDeactivateUser($id: ID!, $reason: String!) { deactivateUser(id: $id, reason: $reason) { email } }
`);
const ResetPassword = graphql(`
  mutation PortalResetPassword($id: ID!, $reason: String!) {
    resetUserPassword(id: $id, reason: $reason) { user { email } initialPassword }
  }
`);
const Grant = graphql(`
  mutation PortalGrant($input: GrantSiteAccessInput!) { grantSiteAccess(input: $input) { site { code } } }
`);
const SetRole = graphql(`
  mutation PortalSetRole($id: ID!, $role: UserRole!, $reason: String!) { setUserRole(id: $id, role: $role, reason: $reason) { email role } }
`);
const Revoke = graphql(`mutation PortalRevoke($u: ID!, $s: ID!) { revokeSiteAccess(userId: $u, siteId: $s) }`);
const Onboard = graphql(`
  mutation PortalOnboard($input: OnboardSiteInput!) {
    onboardSite(input: $input) { site { code } lead { email } leadInitialPassword apiKey { key } }
  }
`);
const CreateKey = graphql(`
  mutation PortalCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { prefix } } }
`);
const RevokeKey = graphql(`mutation PortalRevokeKey($id: ID!) { revokeApiKey(id: $id) { prefix } }`);
const CheckModel = graphql(`
  mutation PortalCheckModel($input: RegisterModelVersionInput!) {
    checkModelVersion(input: $input) { accepted checks { name status detail } }
  }
`);
const Register = graphql(`
  mutation PortalRegisterModel($input: RegisterModelVersionInput!) {
    registerModelVersion(input: $input) { family version status artifactSha256 }
  }
`);
const Deprecate = graphql(`
  mutation PortalDeprecate($id: ID!, $reason: String!) { deprecateModelVersion(id: $id, reason: $reason) { family } }
`);

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

async function attempt(section: string, fn: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    const result = await fn();
    revalidatePath(`/admin/${section}`);
    return result;
  } catch (error) {
    return { error: error instanceof ApiError ? error.message : "The API could not be reached." };
  }
}

export async function createUserAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("users", async () => {
    const { createUser } = await apiQuery(CreateUser, {
      input: { email: text(form, "email"), name: text(form, "name"), role: text(form, "role") as UserRole },
    });
    return {
      error: null,
      message: `Created ${createUser.user.email}.`,
      secret: createUser.initialPassword,
      secretLabel: "One-time password, shown once: hand it over securely.",
    };
  });
}

export async function deactivateUserAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("users", async () => {
    const { deactivateUser } = await apiQuery(DeactivateUser, { id: text(form, "id"), reason: text(form, "reason") });
    return { error: null, message: `${deactivateUser.email} is deactivated; their sessions and keys have ended.` };
  });
}

export async function resetPasswordAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("users", async () => {
    const { resetUserPassword } = await apiQuery(ResetPassword, { id: text(form, "id"), reason: text(form, "reason") });
    return {
      error: null,
      message: `${resetUserPassword.user.email} has a new one-time password; their old one and sessions have ended.`,
      secret: resetUserPassword.initialPassword,
      secretLabel: "One-time password, shown once: hand it over securely.",
    };
  });
}

export async function grantAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("users", async () => {
    const { grantSiteAccess } = await apiQuery(Grant, {
      input: {
        userId: text(form, "userId"),
        siteId: text(form, "siteId"),
        patientData: form.get("patientData") === "on",
        lead: form.get("lead") === "on",
        reason: text(form, "reason"),
        // A date: the grant ends at the start of that day (UTC).
        ...(text(form, "expiresAt") ? { expiresAt: `${text(form, "expiresAt")}T00:00:00.000Z` } : {}),
      },
    });
    return { error: null, message: `Access to ${grantSiteAccess.site.code} granted.` };
  });
}

export async function revokeAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("users", async () => {
    await apiQuery(Revoke, { u: text(form, "userId"), s: text(form, "siteId") });
    return { error: null, message: "Membership removed." };
  });
}

export async function onboardAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("sites", async () => {
    const { onboardSite } = await apiQuery(Onboard, {
      input: {
        code: text(form, "code"),
        name: text(form, "name"),
        institution: text(form, "institution") || null,
        country: text(form, "country").toUpperCase(),
        lead: { email: text(form, "leadEmail"), name: text(form, "leadName") },
        apiKey: { name: text(form, "keyName"), scopes: form.getAll("scopes").map(String) as ApiScope[] },
      },
    });
    return {
      error: null,
      message: `${onboardSite.site.code} joined the network with ${onboardSite.lead.email} as its lead.`,
      secret: `lead password: ${onboardSite.leadInitialPassword}\nAPI key: ${onboardSite.apiKey.key}`,
      secretLabel: "The lead's one-time password and the site's first API key, shown once.",
    };
  });
}

export async function createKeyAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("keys", async () => {
    const days = Number(text(form, "expiresInDays"));
    const { createApiKey } = await apiQuery(CreateKey, {
      input: {
        siteId: text(form, "siteId"),
        name: text(form, "name"),
        scopes: form.getAll("scopes").map(String) as ApiScope[],
        ...(days > 0 ? { expiresInDays: days } : {}),
      },
    });
    return {
      error: null,
      message: `Key ${createApiKey.apiKey.prefix} created.`,
      secret: createApiKey.key,
      secretLabel: "The API key, shown once: store it in the partner's secret store now.",
    };
  });
}

export async function revokeKeyAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("keys", async () => {
    const { revokeApiKey } = await apiQuery(RevokeKey, { id: text(form, "id") });
    return { error: null, message: `Key ${revokeApiKey.prefix} revoked.` };
  });
}

export async function deprecateAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("models", async () => {
    const { deprecateModelVersion } = await apiQuery(Deprecate, { id: text(form, "id"), reason: text(form, "reason") });
    return { error: null, message: `${deprecateModelVersion.family} is deprecated.` };
  });
}

/**
 * Registers a model version from its ONNX file and model card (manifest.json): family, version, kind, task and
 * horizon are read from the card; the API checks the card against the ONNX (names, dtypes, shapes, a dry run,
 * the sha256) and refuses the version, publishing nothing, at the first thing that does not hold — named.
 */
export async function registerModelAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const onnx = form.get("onnx");
  const cardFile = form.get("manifest");
  if (!(onnx instanceof File) || onnx.size === 0) return { error: "onnx: choose the model's ONNX file." };
  if (!(cardFile instanceof File) || cardFile.size === 0)
    return { error: "manifest: choose the model card (manifest.json)." };
  let card: Record<string, unknown>;
  try {
    card = JSON.parse(await cardFile.text()) as Record<string, unknown>;
  } catch (error) {
    return { error: `manifest: not JSON (${(error as Error).message})` };
  }
  return attempt("models", async () => {
    const input = {
      studyId: text(form, "studyId"),
      family: String(card.family ?? ""),
      version: String(card.version ?? ""),
      // The API refuses a kind or task the card does not name correctly (the enum, then the card check).
      kind: String(card.kind ?? "") as ModelKind,
      task: String(card.task ?? "") as ModelTask,
      outputSemantics: text(form, "outputSemantics"),
      horizonDays: typeof card.horizonDays === "number" ? card.horizonDays : null,
      manifest: card,
      artifactBase64: Buffer.from(await onnx.arrayBuffer()).toString("base64"),
    };
    // The contract check first, to show every item; the API checks again when it registers.
    const { checkModelVersion: report } = await apiQuery(CheckModel, { input });
    if (!report.accepted) {
      const failed = report.checks.find((c) => c.status === "FAILED");
      return {
        error: `Refused, nothing published: ${failed ? `${failed.name}: ${failed.detail}` : "the contract check failed"}`,
        checklist: report.checks,
      };
    }
    const { registerModelVersion } = await apiQuery(Register, { input });
    return {
      error: null,
      message: `${registerModelVersion.family}@${registerModelVersion.version} passed the contract check and is ${registerModelVersion.status} (sha256 ${registerModelVersion.artifactSha256}).`,
      checklist: report.checks,
    };
  });
}

export async function setRoleAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt("users", async () => {
    const { setUserRole } = await apiQuery(SetRole, {
      id: text(form, "id"),
      role: text(form, "role") as UserRole,
      reason: text(form, "reason"),
    });
    return { error: null, message: `${setUserRole.email} is now ${setUserRole.role}; their sessions have ended.` };
  });
}
