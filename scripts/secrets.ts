// Secrets for a local platform, made once and kept in .data/secrets.json (mode 600). Environment
// variables win, so a real deployment injects its own.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface LocalSecrets {
  authSecret: string;
  pseudonymSecret: string;
}

export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, "secrets.json");
  const stored: Partial<LocalSecrets> = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>)
    : {};
  const secrets: LocalSecrets = {
    authSecret: process.env.AUTH_SECRET ?? stored.authSecret ?? randomBytes(32).toString("base64url"),
    pseudonymSecret:
      process.env.FRACVAL_PSEUDONYM_SECRET ?? stored.pseudonymSecret ?? randomBytes(32).toString("base64url"),
  };
  if (!stored.authSecret || !stored.pseudonymSecret)
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
