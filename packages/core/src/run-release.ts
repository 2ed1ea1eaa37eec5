// The site release gate: a site's lead (or an ADMIN) releases a finished run's results to the network, or
// withdraws them again. Each change carries a comment and is audited; the run keeps the latest state, the
// audit trail keeps the history.
import type { Db, ReleaseState, ValidationRun } from "@fracval/db";
import { z } from "zod";
import { canReleaseResults, canSeeSiteAggregates, draftResultSiteIds, visibleResultsFilter } from "./access.js";
import { recordAudit } from "./audit.js";
import { AppError, badInput, forbidden, notFound } from "./errors.js";
import type { Viewer } from "./viewer.js";

const ReleaseComment = z
  .string()
  .trim()
  .min(3, "comment: say why (at least 3 characters; it is audited)")
  .max(2000, "comment: at most 2,000 characters");

/** Which state each change starts from, and where it leads. */
const CHANGES = {
  release: { from: ["DRAFT", "WITHDRAWN"], to: "RELEASED", audit: "run.release" },
  withdraw: { from: ["RELEASED"], to: "WITHDRAWN", audit: "run.withdraw" },
} as const satisfies Record<string, { from: readonly ReleaseState[]; to: ReleaseState; audit: string }>;

export type ReleaseChange = keyof typeof CHANGES;

export async function changeRunRelease(
  db: Db,
  viewer: Viewer,
  runId: string,
  change: ReleaseChange,
  comment: string,
): Promise<ValidationRun> {
  const parsed = ReleaseComment.safeParse(comment);
  if (!parsed.success) throw badInput("comment", parsed.error.issues[0]!.message, comment);
  const run = await db.validationRun.findUnique({
    where: { id: runId },
    include: { dataset: { include: { site: true } } },
  });
  if (!run || !canSeeSiteAggregates(viewer, run.dataset.siteId)) throw notFound("Run", runId);
  const { siteId, site } = run.dataset;
  if (!canReleaseResults(viewer, siteId))
    throw forbidden(`Only the lead of ${site.code} or an ADMIN may release or withdraw its results.`);
  if (run.status !== "SUCCEEDED")
    throw new AppError("CONFLICT", `Run ${runId} is ${run.status}; only a run whose metrics are stored is released.`);
  const { from, to, audit } = CHANGES[change];
  return db.$transaction(async (tx) => {
    // The state is checked in the update itself: of two leads pressing at once, one wins and one is told.
    const { count } = await tx.validationRun.updateMany({
      where: { id: runId, releaseState: { in: [...from] } },
      data: {
        releaseState: to,
        releaseChangedById: viewer.userId,
        releaseChangedAt: new Date(),
        releaseComment: parsed.data,
      },
    });
    if (!count)
      throw new AppError(
        "CONFLICT",
        `Run ${runId} is ${run.releaseState}; only a ${from.join(" or ")} run can be ${to}.`,
      );
    await recordAudit(tx, viewer, {
      action: audit,
      siteId,
      resource: runId,
      details: { from: run.releaseState, to, comment: parsed.data },
    });
    return tx.validationRun.findUniqueOrThrow({ where: { id: runId } });
  });
}

/**
 * Finished runs whose results wait for their site's release, on the sites whose drafts the viewer sees
 * (its own; every site for an ADMIN), oldest first.
 */
export function runsAwaitingRelease(db: Db, viewer: Viewer): Promise<ValidationRun[]> {
  const own = draftResultSiteIds(viewer);
  return db.validationRun.findMany({
    where: { status: "SUCCEEDED", releaseState: "DRAFT", ...(own ? { dataset: { siteId: { in: own } } } : {}) },
    orderBy: [{ finishedAt: "asc" }, { id: "asc" }],
  });
}

/** Whether this viewer may see the run's results; refuses with the reason when not. */
export async function assertRunResultsVisible(db: Db, viewer: Viewer, runId: string): Promise<void> {
  const filter = visibleResultsFilter(viewer);
  const run = await db.validationRun.findUnique({ where: { id: runId }, include: { dataset: true } });
  if (!run || !canSeeSiteAggregates(viewer, run.dataset.siteId)) throw notFound("Run", runId);
  if (!filter) return;
  const visible = await db.validationRun.count({ where: { AND: [{ id: runId }, filter] } });
  if (!visible)
    throw forbidden(
      run.releaseState === "WITHDRAWN"
        ? `The results of run ${runId} were withdrawn by its site.`
        : `The results of run ${runId} are not released by its site yet.`,
    );
}
