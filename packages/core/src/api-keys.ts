// Partner API keys: "fv_" + 8-char prefix + "_" + 32 random bytes (base64url). Only the prefix and a
// SHA-256 of the whole key are stored; the key itself is shown once, at creation.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { ApiKey, ApiScope, Db, SiteAccess, User } from "@fracval/db";
import { assertCanManageApiKeys, canManageApiKeys, scopesHeldFor } from "./access.js";
import { activeGrant } from "./users.js";
import { recordAudit } from "./audit.js";
import { forbidden, notFound, unauthenticated } from "./errors.js";
import type { ApiKeyViewer, Viewer } from "./viewer.js";

export const API_KEY_PATTERN = /^fv_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
export const ALL_SCOPES = [
  "DATASETS_READ",
  "DATASETS_WRITE",
  "PATIENTS_READ",
  "RUNS_READ",
  "RUNS_WRITE",
  "METRICS_READ",
  "PREDICTIONS_READ",
] as const satisfies readonly ApiScope[];

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export const CreateApiKeyOptions = z.object({
  siteId: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(ALL_SCOPES)).min(1, "give at least one scope"),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export type CreateApiKeyOptions = z.infer<typeof CreateApiKeyOptions>;

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** The secret, returned exactly once. */
  key: string;
}

function newKey(): { key: string; prefix: string } {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const prefixId = [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join("");
  const secret = randomBytes(32).toString("base64url");
  return { key: `fv_${prefixId}_${secret}`, prefix: `fv_${prefixId}` };
}

/** The PARTNER service user a site's keys act as; created on first use. */
async function partnerPrincipal(db: Db, siteId: string, siteCode: string): Promise<string> {
  const email = `partner+${siteCode.toLowerCase()}@service.fracval.local`;
  const user = await db.user.upsert({
    where: { email },
    update: {},
    create: {
      email,
      name: `${siteCode} partner service`,
      role: "PARTNER",
      siteAccess: { create: { siteId, patientData: true } },
    },
  });
  return user.id;
}

/**
 * Creates a key for a site. `viewer` null means a trusted operator (the `fracval apikey create` CLI,
 * run with database access on the server); otherwise ADMIN, or a PI of that site.
 */
export async function createApiKey(
  db: Db,
  viewer: Viewer | null,
  options: CreateApiKeyOptions,
  /** Who the audit trail names, when another creates the key for `viewer` (an ADMIN onboarding a site). */
  actingFor?: { actor: Viewer },
): Promise<CreatedApiKey> {
  const input = CreateApiKeyOptions.parse(options);
  const site = await db.site.findUnique({ where: { id: input.siteId } });
  if (!site) throw notFound("Site", input.siteId);
  if (viewer) {
    assertCanManageApiKeys(viewer, site.id, site.code);
    // A key is owned by its creator and never carries more than the creator holds for the site.
    const held = scopesHeldFor(viewer, site.id);
    const excess = input.scopes.filter((s) => !held.has(s));
    if (excess.length)
      throw forbidden(
        `You cannot give a key ${excess.join(", ")} for ${site.code}: you do not hold ${excess.length > 1 ? "these rights" : "this right"} there yourself.`,
      );
  }
  const principalId = await partnerPrincipal(db, site.id, site.code);
  const { key, prefix } = newKey();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const apiKey = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        prefix,
        hash: hashApiKey(key),
        name: input.name,
        siteId: site.id,
        principalId,
        createdById: viewer?.userId ?? null,
        scopes: input.scopes,
        expiresAt,
      },
    });
    await recordAudit(tx, actingFor?.actor ?? viewer, {
      action: "apikey.create",
      siteId: site.id,
      resource: created.id,
      details: { prefix, scopes: input.scopes, ...(actingFor && viewer ? { owner: viewer.userId } : {}) },
    });
    return created;
  });
  return { apiKey, key };
}

export async function revokeApiKey(db: Db, viewer: Viewer, apiKeyId: string): Promise<ApiKey> {
  const existing = await db.apiKey.findUnique({ where: { id: apiKeyId }, include: { site: true } });
  // A key this viewer may not manage is answered like a key that does not exist.
  if (!existing || !canManageApiKeys(viewer, existing.siteId)) throw notFound("API key", apiKeyId);
  if (existing.revokedAt) return existing;
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, viewer, { action: "apikey.revoke", siteId: existing.siteId, resource: apiKeyId });
    return revoked;
  });
}

/** A site's keys (ADMIN, or a PI of the site); every site's when `siteId` is left out (ADMIN only). */
export async function listApiKeys(db: Db, viewer: Viewer, siteId?: string): Promise<ApiKey[]> {
  if (siteId === undefined) {
    if (viewer.kind !== "user" || viewer.role !== "ADMIN")
      throw forbidden("Only an ADMIN may list the keys of every site; name the site.");
    return db.apiKey.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  }
  const site = await db.site.findUnique({ where: { id: siteId } });
  if (!site) throw notFound("Site", siteId);
  assertCanManageApiKeys(viewer, siteId, site.code);
  return db.apiKey.findMany({ where: { siteId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Turns a presented key into a viewer, or says precisely why it is not accepted. */
export async function authenticateApiKey(db: Db, presented: string, now = new Date()): Promise<ApiKeyViewer> {
  if (!API_KEY_PATTERN.test(presented)) throw unauthenticated("The API key is malformed.");
  const key = await db.apiKey.findUnique({
    where: { hash: hashApiKey(presented) },
    // A key never outlives its creator's grant: expired grants are not held.
    include: { createdBy: { include: { siteAccess: { where: activeGrant(now) } } } },
  });
  if (!key) throw unauthenticated("The API key is not recognised.");
  if (key.revokedAt) throw unauthenticated(`The API key ${key.prefix} was revoked.`);
  if (key.expiresAt && key.expiresAt <= now)
    throw unauthenticated(`The API key ${key.prefix} expired on ${key.expiresAt.toISOString().slice(0, 10)}.`);
  const scopes = effectiveScopes(key);
  // lastUsedAt at minute resolution: one write per key per minute, not per request.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "apiKey",
    apiKeyId: key.id,
    userId: key.principalId,
    role: "PARTNER",
    siteId: key.siteId,
    scopes: new Set(scopes),
    sites: new Map([[key.siteId, { siteId: key.siteId, patientData: scopes.includes("PATIENTS_READ"), lead: false }]]),
  };
}

type KeyWithCreator = ApiKey & { createdBy: (User & { siteAccess: SiteAccess[] }) | null };

/**
 * The scopes a key carries at this moment: its own, cut to what its creator holds for the key's site now.
 * A key dies with its creator's access (account disabled, or no right left at the site). Keys made by
 * the server operator (`fracval apikey create`, no creator) carry their scopes as issued.
 */
function effectiveScopes(key: KeyWithCreator): ApiScope[] {
  if (key.createdById === null) return key.scopes;
  const creator = key.createdBy;
  if (!creator || creator.disabledAt)
    throw unauthenticated(`The API key ${key.prefix} died with its creator's account.`);
  const held = scopesHeldFor(
    {
      role: creator.role,
      sites: new Map(
        creator.siteAccess.map((g) => [g.siteId, { siteId: g.siteId, patientData: g.patientData, lead: g.lead }]),
      ),
    },
    key.siteId,
  );
  const scopes = key.scopes.filter((s) => held.has(s));
  if (scopes.length === 0)
    throw unauthenticated(
      `The API key ${key.prefix} carries no right any more: its creator no longer holds any at the key's site.`,
    );
  return scopes;
}
