// Sign-in with e-mail and password, defended: failed attempts are limited per account and per client
// address (rate-limiter-flexible, counters in PostgreSQL so every API process shares them), an unknown
// e-mail costs the same scrypt as a known one, old hashes are upgraded on success, and every success and
// failure is audited (the e-mail only as a hash).
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@fracval/db";
import { recordAudit } from "./audit.js";
import { AppError, badInput, forbidden, unauthenticated } from "./errors.js";
import { decoyHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from "./passwords.js";
import { loadUserViewer } from "./users.js";
import type { UserViewer, Viewer } from "./viewer.js";

/** Failed sign-ins allowed per window before a block: per account, and per client address. */
export const SIGN_IN_LIMITS = {
  account: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  client: { points: 50, duration: 15 * 60, blockDuration: 15 * 60 },
} as const;

const limiters = new WeakMap<Db, { account: RateLimiterPrisma; client: RateLimiterPrisma }>();
function limitersFor(db: Db) {
  let pair = limiters.get(db);
  if (!pair) {
    const make = (keyPrefix: string, limits: { points: number; duration: number; blockDuration: number }) =>
      new RateLimiterPrisma({
        storeClient: db,
        tableName: "rateLimiterFlexible",
        keyPrefix,
        clearExpiredByTimeout: false,
        ...limits,
      });
    pair = {
      account: make("signin-account", SIGN_IN_LIMITS.account),
      client: make("signin-client", SIGN_IN_LIMITS.client),
    };
    limiters.set(db, pair);
  }
  return pair;
}

const hashed = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);
/** An account's key in the limiter: the e-mail as sign-in reads it, hashed (never the e-mail itself). */
const accountKeyOf = (email: string) => hashed(email.trim().toLowerCase());

/** Counts one failure against `key`; RATE_LIMITED once that exhausts the limiter's allowance. */
async function countFailure(limiter: RateLimiterPrisma, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(error);
    throw error;
  }
}

function tooMany(res: RateLimiterRes): AppError {
  const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError(
    "RATE_LIMITED",
    `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    { location: { retryAfter } },
  );
}

/** Blocked already? (Reading the counters consumes nothing.) */
async function assertNotBlocked(limiter: RateLimiterPrisma, key: string, limit: number): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limit) throw tooMany(res);
}

/**
 * Checks an e-mail and password (the portal's sign-in). The same error for an unknown e-mail and a wrong
 * password, after the same work; RATE_LIMITED (with retryAfter) once the account or the client address
 * has failed too often.
 */
export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
  options: { client?: string } = {},
): Promise<UserViewer> {
  const accountKey = accountKeyOf(email);
  const clientKey = hashed(options.client ?? "unknown");
  const { account, client } = limitersFor(db);
  await assertNotBlocked(account, accountKey, SIGN_IN_LIMITS.account.points);
  await assertNotBlocked(client, clientKey, SIGN_IN_LIMITS.client.points);
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const stored = user?.passwordHash && !user.disabledAt ? user.passwordHash : null;
  const ok = await verifyPassword(password, stored ?? (await decoyHash()));
  const viewer = ok && stored && user ? await loadUserViewer(db, user.id) : null;
  if (!viewer) {
    await recordAudit(db, null, {
      action: "auth.signin.failure",
      details: { account: accountKey, known: Boolean(user) },
    });
    await countFailure(account, accountKey);
    await countFailure(client, clientKey);
    throw unauthenticated("E-mail or password is wrong.");
  }
  await account.delete(accountKey);
  if (needsRehash(stored!))
    await db.user.update({ where: { id: user!.id }, data: { passwordHash: await hashPassword(password) } });
  await recordAudit(db, viewer, { action: "auth.signin.success" });
  return viewer;
}

/**
 * Forgets an account's failed sign-ins: after an ADMIN resets a password, the person signs in with the new one
 * at once instead of waiting out a lock their own guesses (or someone else's) set.
 */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await limitersFor(db).account.delete(accountKeyOf(email));
}

/**
 * A signed-in person replaces their password (the one-time password an ADMIN handed over, or a forgotten one
 * reset): the current one must be given, the new one must pass {@link passwordProblem}. Every session of
 * theirs ends, this one included (they sign in again with the new password), so a session someone else
 * holds ends too. A wrong current password counts against the account's sign-in limit. Audited; neither
 * password is ever stored in clear or logged.
 */
export async function changeOwnPassword(
  db: Db,
  viewer: Viewer,
  currentPassword: string,
  newPassword: string,
): Promise<boolean> {
  if (viewer.kind !== "user") throw forbidden("An API key has no password; a person changes their own.");
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  const accountKey = accountKeyOf(user.email);
  const { account } = limitersFor(db);
  await assertNotBlocked(account, accountKey, SIGN_IN_LIMITS.account.points);
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordAudit(db, viewer, { action: "auth.password.change.failure" });
    await countFailure(account, accountKey);
    throw badInput("currentPassword", "The current password is wrong.");
  }
  const problem = passwordProblem(newPassword, user);
  if (problem) throw badInput("newPassword", `The new password ${problem}.`);
  if (newPassword === currentPassword) throw badInput("newPassword", "The new password is the current one.");
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, viewer, { action: "auth.password.change" });
  });
  await account.delete(accountKey);
  return true;
}
