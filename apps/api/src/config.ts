// Environment of the API process, parsed once at start-up.
import { z } from "zod";
import { secretWeakness } from "@fracval/core";

const Env = z
  .object({
    DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must have at least 32 characters (share it with the portal)"),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    PORTAL_URL: z.string().url().default("http://localhost:3000"),
    FRACVAL_STORAGE_DIR: z.string().min(1),
    FRACVAL_UPLOAD_DIR: z.string().min(1),
    NODE_ENV: z.string().default("development"),
  })
  .superRefine((env, ctx) => {
    // In production a placeholder or guessable secret would let anyone forge sessions or re-identify pseudonyms.
    if (env.NODE_ENV !== "production") return;
    // The pseudonym secret is the workers' alone (apps/worker/src/config.ts): the API never pseudonymises.
    for (const name of ["AUTH_SECRET"] as const) {
      const weakness = secretWeakness(env[name]);
      if (weakness) ctx.addIssue({ code: "custom", path: [name], message: `${name} ${weakness}` });
    }
  });
export type ApiConfig = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid API environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
