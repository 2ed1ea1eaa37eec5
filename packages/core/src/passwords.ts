// Password hashing with scrypt from node:crypto (memory-hard; no native add-on to install).
// Stored form: scrypt$N$r$p$salt(base64)$hash(base64), so parameters can be raised later: a password
// stored with weaker parameters is re-hashed with the current ones at its next successful sign-in.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** OWASP Password Storage Cheat Sheet (2025): N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const PASSWORD_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const memory = 128 * Number(options.N) * Number(options.r) * Number(options.p ?? 1);
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize("NFKC"),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: memory + 32 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  if (password.length < 8) throw new Error("password must have at least 8 characters");
  const salt = randomBytes(16);
  const key = await derive(password, salt, PASSWORD_PARAMS);
  return [
    "scrypt",
    PASSWORD_PARAMS.N,
    PASSWORD_PARAMS.r,
    PASSWORD_PARAMS.p,
    salt.toString("base64"),
    key.toString("base64"),
  ].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash uses weaker parameters than PASSWORD_PARAMS (then re-hash it on sign-in). */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split("$");
  return (
    scheme !== "scrypt" ||
    Number(n) < PASSWORD_PARAMS.N ||
    Number(r) < PASSWORD_PARAMS.r ||
    Number(p) < PASSWORD_PARAMS.p
  );
}

let decoy: Promise<string> | null = null;
/**
 * A hash of nothing, verified when the e-mail is unknown: an unknown account costs the same scrypt as a
 * known one, so response times do not tell which e-mails have accounts.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString("base64"));
  return decoy;
}

/** The shortest password a person may choose (NIST SP 800-63B asks for 8 at least; 12 without a breach list). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Why a password a person chose for their account is not acceptable, or null when it is: too short or too long,
 * too few distinct characters ("aaaaaaaaaaaa", "abababababab"), or built from their e-mail name or "fracval".
 */
export function passwordProblem(password: string, account: { email: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `has ${password.length} characters; at least ${MIN_PASSWORD_LENGTH} are needed`;
  if (password.length > 256) return "has more than 256 characters";
  if (new Set(password).size < 5) return "has fewer than 5 different characters; it would be guessed";
  const lower = password.toLowerCase();
  const emailName = account.email.split("@")[0]!.toLowerCase();
  for (const word of [emailName, ...emailName.split(/[._+-]/), "fracval"].filter((w) => w.length >= 4))
    if (lower.includes(word)) return `contains "${word}" (from your e-mail address or the platform's name)`;
  return null;
}
