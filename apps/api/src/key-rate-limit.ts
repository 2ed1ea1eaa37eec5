// Per-key request rate of partner API keys on /graphql and /exports (rate-limiter-flexible, counters in
// PostgreSQL shared by every API process): a partner cannot flood the API. Over the limit: 429 with
// Retry-After. Uploads are not counted here (a dataset is thousands of tus requests); datasets and runs
// per site and day are capped by quotas in the domain services instead.
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@fracval/db";

export const KEY_REQUESTS_PER_MINUTE = Number(process.env.FRACVAL_KEY_REQUESTS_PER_MINUTE ?? 300);

export function keyRateLimit(db: Db, perMinute = KEY_REQUESTS_PER_MINUTE): RequestHandler {
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix: "apikey",
    points: perMinute,
    duration: 60,
    clearExpiredByTimeout: false,
  });
  return (req, res, next) => {
    const key = req.headers.authorization?.match(/^Bearer\s+(fv_\S+)$/i)?.[1];
    if (!key) return next();
    // Keyed by the whole key's hash: a stranger who knows a key's prefix cannot spend its budget.
    limiter.consume(createHash("sha256").update(key).digest("hex")).then(
      () => next(),
      (error: unknown) => {
        if (!(error instanceof RateLimiterRes)) return next(error);
        const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        res
          .set("Retry-After", String(retryAfter))
          .status(429)
          .json({
            error: `This API key sent more than ${perMinute} requests in a minute; retry in ${retryAfter} s.`,
            code: "RATE_LIMITED",
            retryAfter,
          });
      },
    );
  };
}
