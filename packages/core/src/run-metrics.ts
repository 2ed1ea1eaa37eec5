// Metrics of a finished run: for the model and, on exactly the same patients, FRAX MOF and hip —
// Harrell's and Uno's C, AUROC at the study horizon (DeLong), AUC(t) at 1, 5 and 10 years where
// follow-up allows — plus the paired comparisons model vs each FRAX (ΔC, DeLong, ΔAUC(t)). Stored as
// MetricResult rows with provenance; recomputing replaces them with identical numbers.
import type { Db, Prisma } from "@fracval/db";
import {
  aurocAtHorizon, compareConcordance, compareTimeDependentAuc, delongTest, harrellC, StatsInputError, timeDependentAuc, unoC,
} from "@fracval/stats";
import { CODE_VERSION } from "./runs-create.js";

const TIMES = [365, 1826, 3652];

interface Row {
  metric: string;
  scoreSource: string;
  horizonDays?: number;
  estimate: number;
  se?: number | null;
  ci?: { lower: number; upper: number } | null;
  n: number;
  events: number;
  details?: Prisma.InputJsonObject;
}

/** A statistic that cannot be computed on these patients (e.g. no case by 1 year) is left out. */
function attempt<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (error) {
    if (error instanceof StatsInputError) return null;
    throw error;
  }
}

export async function computeRunMetrics(db: Db, runId: string): Promise<number> {
  const run = await db.validationRun.findUniqueOrThrow({ where: { id: runId }, include: { modelVersion: true, dataset: { include: { study: true } } } });
  const predictions = await db.prediction.findMany({ where: { runId, score: { not: null } }, include: { patient: { include: { outcome: true, baseline: true } } }, orderBy: { patientId: "asc" } });
  // The comparison set: patients with a model score, an outcome and both FRAX values.
  const rows = predictions.filter((p) => p.patient.outcome && p.patient.baseline?.fraxMof10y != null && p.patient.baseline.fraxHip10y != null);
  const time = rows.map((p) => p.patient.outcome!.followUpDays);
  const event: number[] = rows.map((p) => (p.patient.outcome!.incidentVertebralFracture ? 1 : 0));
  const scores: Record<string, number[]> = {
    model: rows.map((p) => p.score!),
    frax_mof: rows.map((p) => p.patient.baseline!.fraxMof10y!),
    frax_hip: rows.map((p) => p.patient.baseline!.fraxHip10y!),
  };
  const n = rows.length;
  const events = event.reduce((s, e) => s + e, 0);
  const horizon = run.dataset.study.horizonDays ?? 1826;
  const out: Row[] = [];
  // Kept per source so that the paired comparisons reuse them instead of recomputing.
  const harrell: Record<string, ReturnType<typeof harrellC> | null> = {};
  const aurocs: Record<string, ReturnType<typeof aurocAtHorizon> | null> = {};
  const timeAucs: Record<string, Map<number, ReturnType<typeof timeDependentAuc>>> = {};
  for (const [source, score] of Object.entries(scores)) {
    const c = (harrell[source] = attempt(() => harrellC(time, event, score)));
    if (c) out.push({ metric: "harrellC", scoreSource: source, estimate: c.estimate, se: c.se, ci: c.ci, n, events, details: { concordant: c.concordant, discordant: c.discordant, tiedRisk: c.tiedRisk, tiedTime: c.tiedTime } });
    const u = attempt(() => unoC(time, event, score, horizon));
    if (u) out.push({ metric: "unoC", scoreSource: source, horizonDays: horizon, estimate: u.estimate, se: u.se, ci: u.ci, n, events, details: { tau: horizon } });
    const a = (aurocs[source] = attempt(() => aurocAtHorizon(time, event, score, horizon)));
    if (a) out.push({ metric: "auroc", scoreSource: source, horizonDays: horizon, estimate: a.estimate, se: a.se, ci: a.ci, n: a.n, events: a.cases });
    timeAucs[source] = new Map();
    for (const t of TIMES) {
      const td = attempt(() => timeDependentAuc(time, event, score, t));
      if (td) timeAucs[source]!.set(t, td);
      if (td) out.push({ metric: "timeDependentAuc", scoreSource: source, horizonDays: t, estimate: td.estimate, se: td.se, ci: td.ci, n, events: td.cases });
    }
  }
  for (const comparator of ["frax_mof", "frax_hip"]) {
    const a = harrell.model;
    const b = harrell[comparator];
    if (a && b) {
      const d = compareConcordance(a, b);
      out.push({ metric: "harrellCDiff", scoreSource: `model-vs-${comparator}`, estimate: d.estimate, se: d.se, ci: d.ci, n, events, details: { p: d.p, comparator } });
    }
    const ra = aurocs.model;
    const rb = aurocs[comparator];
    const test = ra && rb ? attempt(() => delongTest(ra, rb)) : null;
    if (test) out.push({ metric: "aurocDiff", scoreSource: `model-vs-${comparator}`, horizonDays: horizon, estimate: test.difference, se: test.se, n: ra!.n, events: ra!.cases, details: { p: test.p, z: test.z, comparator } });
    for (const t of TIMES) {
      const ta = timeAucs.model!.get(t);
      const tb = timeAucs[comparator]!.get(t);
      if (ta && tb) {
        const d = compareTimeDependentAuc(ta, tb);
        out.push({ metric: "timeDependentAucDiff", scoreSource: `model-vs-${comparator}`, horizonDays: t, estimate: d.estimate, se: d.se, ci: d.ci, n, events: ta.cases, details: { p: d.p, comparator } });
      }
    }
  }
  const provenance = { datasetSha256: run.dataset.sha256, modelSha256: run.modelVersion.artifactSha256, codeVersion: CODE_VERSION, seed: run.seed, patients: n };
  await db.$transaction(async (tx) => {
    await tx.metricResult.deleteMany({ where: { runId } });
    await tx.metricResult.createMany({
      data: out.map((r) => ({
        datasetId: run.datasetId,
        runId,
        scoreSource: r.scoreSource,
        metric: r.metric,
        horizonDays: r.horizonDays ?? null,
        estimate: r.estimate,
        se: r.se ?? null,
        ciLower: r.ci?.lower ?? null,
        ciUpper: r.ci?.upper ?? null,
        n: r.n,
        events: r.events,
        ...(r.details ? { details: r.details } : {}),
        provenance,
      })),
    });
  });
  return out.length;
}
