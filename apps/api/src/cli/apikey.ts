// `fracval apikey create --site NAME --scopes s1,s2 [--expires-days N] [--name TEXT]`
// Runs with database access on the server (DATABASE_URL, or the embedded database of `npm start`).
import { ALL_SCOPES, createApiKey, getSiteByCode, AppError } from "@fracval/core";
import { createPrismaClient, resolveLocalDatabase, type ApiScope } from "@fracval/db";
import { UsageError } from "./usage-error.js";

export interface ApiKeyCreateFlags {
  site: string;
  scopes: string;
  expiresDays?: string;
  name?: string;
}

/** Accepts DATASETS_READ or datasets:read. */
export function parseScopes(text: string): ApiScope[] {
  const scopes = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.toUpperCase().replace(/[:.-]/g, "_"));
  if (!scopes.length) throw new UsageError(`--scopes: give at least one of ${ALL_SCOPES.join(", ")}`);
  for (const s of scopes) {
    if (!(ALL_SCOPES as readonly string[]).includes(s))
      throw new UsageError(`--scopes: unknown scope "${s}"; valid: ${ALL_SCOPES.join(", ")}`);
  }
  return scopes as ApiScope[];
}

export function parseExpiresDays(text: string | undefined): number | null {
  if (text === undefined) return null;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new UsageError(`--expires-days: "${text}" is not a whole number of days from 1 to 3650`);
  return days;
}

export async function apiKeyCreate(flags: ApiKeyCreateFlags): Promise<void> {
  const scopes = parseScopes(flags.scopes);
  const expiresInDays = parseExpiresDays(flags.expiresDays);
  const local = await resolveLocalDatabase();
  const db = createPrismaClient(local.url);
  try {
    const site = await getSiteByCode(db, flags.site).catch((e: unknown) => {
      throw e instanceof AppError && e.code === "NOT_FOUND"
        ? new UsageError(`--site: no site named "${flags.site}"`)
        : e;
    });
    const { apiKey, key } = await createApiKey(db, null, {
      siteId: site.id,
      name: flags.name ?? `${site.code} partner key`,
      scopes,
      expiresInDays,
    });
    process.stdout.write(`${key}\n`);
    process.stderr.write(
      `Created ${apiKey.prefix} for ${site.code} (${apiKey.scopes.join(", ")})` +
        `${apiKey.expiresAt ? `, expires ${apiKey.expiresAt.toISOString().slice(0, 10)}` : ", no expiry"}.\n` +
        "The key is shown only now; store it securely. Send it as `Authorization: Bearer <key>`.\n",
    );
  } finally {
    await db.$disconnect();
    await local.embedded?.stop();
  }
}
