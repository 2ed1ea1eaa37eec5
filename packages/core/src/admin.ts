// Governance by ADMINs: users (list, create, deactivate) and onboarding a partner hospital as a new site
// with its lead and its first API key in one step. Every change is audited; nothing here reads patient data.
import { randomBytes } from "node:crypto";
import type { ApiScope, Db, Site, SiteAccess, User, UserRole } from "@fracval/db";
import { z } from "zod";
import { ALL_SCOPES, createApiKey, type CreatedApiKey } from "./api-keys.js";
import { recordAudit } from "./audit.js";
import { AppError, badInput, forbidden, notFound } from "./errors.js";
import { hashPassword } from "./passwords.js";
import { clearSignInFailures } from "./sign-in.js";
import { loadUserViewer } from "./users.js";
import type { Viewer } from "./viewer.js";

export function assertAdmin(viewer: Viewer, what = "manage users and sites"): void {
  if (viewer.kind !== "user" || viewer.role !== "ADMIN") throw forbidden(`Only an ADMIN may ${what}.`);
}

export type UserWithAccess = User & { siteAccess: (SiteAccess & { site: Site })[] };

/** Every user (PARTNER service identities too, they own the sites' keys), with their memberships. */
export async function listUsers(db: Db, viewer: Viewer): Promise<UserWithAccess[]> {
  assertAdmin(viewer);
  return db.user.findMany({
    include: { siteAccess: { include: { site: true }, orderBy: { site: { code: "asc" } } } },
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
  });
}

export const CreateUserOptions = z.object({
  email: z.string().trim().toLowerCase().email("a valid e-mail address"),
  name: z.string().trim().min(2, "the person's name").max(200),
  role: z.enum(["ADMIN", "PI", "INVESTIGATOR"], { message: "ADMIN, PI or INVESTIGATOR" }),
});
export type CreateUserOptions = z.input<typeof CreateUserOptions>;

/** A one-time password for a new account, shown once to the ADMIN who hands it over. */
const initialPassword = () => randomBytes(15).toString("base64url");

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badInput(issue.path.join(".") || "input", `${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

async function createUserIn(
  tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
  viewer: Viewer,
  input: z.output<typeof CreateUserOptions>,
): Promise<{ user: User; initialPassword: string }> {
  if (await tx.user.findUnique({ where: { email: input.email } }))
    throw new AppError("CONFLICT", `A user with the e-mail ${input.email} exists already.`, {
      location: { field: "email" },
    });
  const password = initialPassword();
  const user = await tx.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(password) },
  });
  await recordAudit(tx, viewer, { action: "user.create", resource: user.id, details: { role: input.role } });
  return { user, initialPassword: password };
}

/** Creates an account; its one-time password is returned once (never stored in clear, never logged). */
export async function createUser(
  db: Db,
  viewer: Viewer,
  options: CreateUserOptions,
): Promise<{ user: User; initialPassword: string }> {
  assertAdmin(viewer);
  const input = parse(CreateUserOptions, options);
  return db.$transaction((tx) => createUserIn(tx, viewer, input));
}

/**
 * Deactivates an account: it can no longer sign in, its sessions end at once (session version), and the API
 * keys it created stop working (a key dies with its creator). Audited with the reason.
 */
export async function deactivateUser(db: Db, viewer: Viewer, userId: string, reason: string): Promise<User> {
  assertAdmin(viewer);
  const why = parse(z.string().trim().min(3, "say why (it is audited)").max(500), reason);
  if (userId === viewer.userId) throw badInput("id", "You cannot deactivate your own account.");
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("User", userId);
  if (user.disabledAt) throw new AppError("CONFLICT", `${user.email} is deactivated already.`);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: now, sessionVersion: { increment: 1 } },
    });
    const keys = await tx.apiKey.updateMany({
      where: { OR: [{ createdById: userId }, { principalId: userId }], revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAudit(tx, viewer, {
      action: "user.deactivate",
      resource: userId,
      details: { reason: why, keysRevoked: keys.count },
    });
    return updated;
  });
}

/**
 * Gives an account a new one-time password (a forgotten password; a password that may be known to someone
 * else): the old one stops working, every session of theirs ends, and the new one is returned once for the
 * ADMIN to hand over. Not for the ADMIN's own account (they change their own password). `viewer` null is an
 * operator with database access (`fracval user reset-password`): how the only ADMIN gets back in. Audited
 * with the reason; the password is never stored in clear or logged.
 */
export async function resetUserPassword(
  db: Db,
  viewer: Viewer | null,
  userId: string,
  reason: string,
): Promise<{ user: User; initialPassword: string }> {
  if (viewer) assertAdmin(viewer);
  const why = parse(z.string().trim().min(3, "say why (it is audited)").max(500), reason);
  if (viewer && userId === viewer.userId)
    throw badInput("id", "Change your own password on your account page instead.");
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.role === "PARTNER") throw notFound("User", userId);
  if (user.disabledAt) throw new AppError("CONFLICT", `${user.email} is deactivated.`);
  const password = initialPassword();
  const passwordHash = await hashPassword(password);
  const reset = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, viewer, {
      action: "user.password.reset",
      resource: userId,
      details: viewer ? { reason: why } : { reason: why, via: "command line" },
    });
    return { user: updated, initialPassword: password };
  });
  await clearSignInFailures(db, user.email); // a lock from failed sign-ins would refuse the new password too
  return reset;
}

/**
 * Changes a user's role. Their sessions end at once (they sign in again under the new role); keys they
 * created keep only what the new role still holds (checked on every request). Audited with the reason.
 */
export async function setUserRole(
  db: Db,
  viewer: Viewer,
  userId: string,
  role: UserRole,
  reason: string,
): Promise<User> {
  assertAdmin(viewer);
  const why = parse(z.string().trim().min(3, "say why (it is audited)").max(500), reason);
  if (!ROLES_CREATABLE.includes(role)) throw badInput("role", "role: ADMIN, PI or INVESTIGATOR", role);
  if (userId === viewer.userId) throw badInput("id", "You cannot change your own role.");
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.role === "PARTNER") throw notFound("User", userId);
  if (user.role === role) throw new AppError("CONFLICT", `${user.email} is ${role} already.`);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, viewer, {
      action: "user.role",
      resource: userId,
      details: { from: user.role, to: role, reason: why },
    });
    return updated;
  });
}

export const OnboardSiteOptions = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9-]{1,31}$/, "2–32 letters, digits or hyphens, starting with a letter"),
  name: z.string().trim().min(3, "the hospital's name").max(200),
  institution: z.string().trim().max(200).optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "a two-letter ISO country code"),
  lead: z.object({
    email: z.string().trim().toLowerCase().email("a valid e-mail address"),
    name: z.string().trim().min(2, "the lead's name").max(200),
  }),
  apiKey: z.object({
    name: z.string().trim().min(3, "a name for the key (who uses it, for what)").max(100),
    scopes: z.array(z.enum(ALL_SCOPES)).min(1, "at least one scope"),
    expiresInDays: z.number().int().min(1).max(730).optional(),
  }),
});
export type OnboardSiteOptions = z.input<typeof OnboardSiteOptions>;

export interface OnboardedSite {
  site: Site;
  lead: User;
  leadInitialPassword: string;
  apiKey: CreatedApiKey;
}

/**
 * A partner hospital joins the network: the site, its lead (a PI of the site with patient-level access and
 * the lead flag: releases the site's results, manages its keys) and its first API key, owned by the lead.
 * The site is created with its lead in one transaction; the key follows (shown once). Audited.
 */
export async function onboardSite(db: Db, viewer: Viewer, options: OnboardSiteOptions): Promise<OnboardedSite> {
  assertAdmin(viewer, "onboard a site");
  const input = parse(OnboardSiteOptions, options);
  if (await db.site.findFirst({ where: { code: { equals: input.code, mode: "insensitive" } } }))
    throw new AppError("CONFLICT", `A site with the code ${input.code} exists already.`, {
      location: { field: "code" },
    });
  const {
    site,
    lead,
    initialPassword: leadInitialPassword,
  } = await db.$transaction(async (tx) => {
    const site = await tx.site.create({
      data: {
        code: input.code,
        name: input.institution ? `${input.name} (${input.institution})` : input.name,
        country: input.country,
      },
    });
    const { user, initialPassword } = await createUserIn(tx, viewer, {
      email: input.lead.email,
      name: input.lead.name,
      role: "PI",
    });
    await tx.siteAccess.create({
      data: {
        userId: user.id,
        siteId: site.id,
        patientData: true,
        lead: true,
        grantedById: viewer.userId,
        reason: `lead of ${site.code}, onboarded`,
      },
    });
    await recordAudit(tx, viewer, {
      action: "site.onboard",
      siteId: site.id,
      resource: site.id,
      details: { code: site.code, lead: user.id },
    });
    return { site, lead: user, initialPassword };
  });
  // The key is the lead's (they hold every right at their site), so it lives as long as their access does.
  const leadViewer = (await loadUserViewer(db, lead.id))!;
  const apiKey = await createApiKey(
    db,
    leadViewer,
    {
      siteId: site.id,
      name: input.apiKey.name,
      scopes: input.apiKey.scopes as ApiScope[],
      ...(input.apiKey.expiresInDays ? { expiresInDays: input.apiKey.expiresInDays } : {}),
    },
    { actor: viewer }, // the ADMIN did it: the audit trail names them, the key is the lead's
  );
  return { site, lead, leadInitialPassword, apiKey };
}

export const ROLES_CREATABLE: readonly UserRole[] = ["ADMIN", "PI", "INVESTIGATOR"];
