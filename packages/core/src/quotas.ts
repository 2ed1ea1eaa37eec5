// Daily quotas of what a partner API key can create for its site: datasets and runs each start work on the
// shared platform (ingestion, GPU scoring), so one partner cannot flood the queue for everyone.
import type { Db } from "@fracval/db";
import { AppError } from "./errors.js";
import type { Viewer } from "./viewer.js";

export const DAILY_QUOTAS = {
  datasets: Number(process.env.FRACVAL_DATASETS_PER_SITE_PER_DAY ?? 50),
  runs: Number(process.env.FRACVAL_RUNS_PER_SITE_PER_DAY ?? 200),
} as const;

const DAY_MS = 86_400_000;

/**
 * Throws RATE_LIMITED (with retryAfter, seconds until the oldest of the day's items is a day old) when the
 * site already created its quota of `what` in the last 24 hours through API keys. Users are not counted.
 */
export async function assertWithinDailyQuota(
  db: Db,
  viewer: Viewer,
  siteId: string,
  what: keyof typeof DAILY_QUOTAS,
  now = new Date(),
): Promise<void> {
  if (viewer.kind !== "apiKey") return;
  const since = new Date(now.getTime() - DAY_MS);
  const limit = DAILY_QUOTAS[what];
  const recent =
    what === "datasets"
      ? await db.validationDataset.findMany({
          where: { siteId, createdAt: { gte: since }, uploadedBy: { role: "PARTNER" } },
          select: { createdAt: true },
          orderBy: { createdAt: "asc" },
        })
      : await db.validationRun.findMany({
          where: { dataset: { siteId }, createdAt: { gte: since }, createdBy: { role: "PARTNER" } },
          select: { createdAt: true },
          orderBy: { createdAt: "asc" },
        });
  if (recent.length < limit) return;
  const retryAfter = Math.max(
    1,
    Math.ceil((recent[recent.length - limit]!.createdAt.getTime() + DAY_MS - now.getTime()) / 1000),
  );
  throw new AppError(
    "RATE_LIMITED",
    `This site's API keys created ${limit} ${what} in the last 24 hours, the daily quota; retry in ${Math.ceil(retryAfter / 3600)} hour(s).`,
    { location: { retryAfter } },
  );
}
