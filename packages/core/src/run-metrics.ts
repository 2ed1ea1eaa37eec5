// Metrics of a finished run: for the model and, on exactly the same patients, FRAX MOF and hip and each
// registered clinical baseline of the study — Harrell's and Uno's C, AUROC at the study horizon (DeLong),
// AUC(t) at 1, 5 and 10 years where follow-up allows — plus the paired comparisons model vs each
// comparator (ΔC, DeLong, ΔAUC(t)); for the model also calibration at the horizon (when it gives an
// absolute risk), classification at its declared threshold, the study's risk groups, and Harrell's C
// and AUROC by sex and age band. Stored as MetricResult rows with provenance; recomputing replaces them
// with identical numbers.
import type { ClinicalBaseline, Db, Prisma } from "@fracval/db";
import { ModelManifest } from "@fracval/inference";
import {
  assignRiskGroups, aurocAtHorizon, calibrationAtHorizon, compareConcordance, compareTimeDependentAuc, delongTest, harrellC, horizonLabels,
  StatsInputError, summariseRiskGroups, thresholdMetrics, timeDependentAuc, unoC, type RiskGroupRule,
} from "@fracval/stats";
import { CODE_VERSION } from "./runs-create.js";

/** Age bands of the subgroup metrics (years, lower bound inclusive). */
export const AGE_BANDS = [{ name: "age<65", from: 0, to: 65 }, { name: "age65-74", from: 65, to: 75 }, { name: "age>=75", from: 75, to: Infinity }] as const;

/**
 * Scores the comparison patients with a registered clinical baseline (the worker does this with the
 * model's ONNX file); null when the baseline cannot score every one of them (a missing feature), so that
 * every comparison stays on exactly the same patients.
 */
export type BaselineScorer = (modelVersion: { id: string; artifactStorageKey: string; manifest: unknown }, patients: { id: string; baseline: ClinicalBaseline | null }[]) => Promise<number[] | null>;

const TIMES = [365, 1826, 3652];

export interface MetricRowOut {
  metric: string;
  scoreSource: string;
  /** "all", or the subgroup the row is computed on ("sex=F", "age>=75", "group=HIGH"). */
  subgroup?: string;
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

export async function computeRunMetrics(db: Db, runId: string, options: { scoreBaseline?: BaselineScorer } = {}): Promise<number> {
  const run = await db.validationRun.findUniqueOrThrow({ where: { id: runId }, include: { modelVersion: true, dataset: { include: { study: true } } } });
  const predictions = await db.prediction.findMany({ where: { runId, score: { not: null } }, include: { patient: { include: { outcome: true, baseline: true, providedScores: true } } }, orderBy: { patientId: "asc" } });
  // The comparison set: patients with a model score, an outcome and both FRAX values.
  const rows = predictions.filter((p) => p.patient.outcome && p.patient.baseline?.fraxMof10y != null && p.patient.baseline.fraxHip10y != null);
  const time = rows.map((p) => p.patient.outcome!.followUpDays);
  const event: number[] = rows.map((p) => (p.patient.outcome!.incidentVertebralFracture ? 1 : 0));
  const scores: Record<string, number[]> = {
    model: rows.map((p) => p.score!),
    frax_mof: rows.map((p) => p.patient.baseline!.fraxMof10y!),
    frax_hip: rows.map((p) => p.patient.baseline!.fraxHip10y!),
  };
  // Registered clinical baselines of the study (not the run's own model), scored on the same patients.
  if (options.scoreBaseline) {
    const baselines = await db.modelVersion.findMany({ where: { studyId: run.dataset.studyId, kind: "CLINICAL_BASELINE", status: "PUBLISHED", id: { not: run.modelVersionId } }, orderBy: [{ family: "asc" }, { version: "asc" }] });
    for (const b of baselines) {
      const baselineScores = await options.scoreBaseline(b, rows.map((p) => p.patient)); // already loaded with their baselines
      if (baselineScores) scores[`baseline:${b.family}@${b.version}`] = baselineScores;
    }
  }
  const n = rows.length;
  const events = event.reduce((s, e) => s + e, 0);
  const horizon = run.dataset.study.horizonDays ?? 1826;
  const manifest = ModelManifest.parse(run.modelVersion.manifest);
  const out: MetricRowOut[] = [];
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
  for (const comparator of Object.keys(scores).filter((source) => source !== "model")) {
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
  out.push(...modelOnlyMetrics({ manifest, rule: run.dataset.study.riskGroupRule as RiskGroupRule | null, horizon, time, event, score: scores.model!, rows, n, events }));
  out.push(...subgroupMetrics({ horizon, time, event, score: scores.model!, rows }));
  const provenance = { datasetSha256: run.dataset.sha256, modelSha256: run.modelVersion.artifactSha256, codeVersion: CODE_VERSION, seed: run.seed, patients: n };
  await db.$transaction(async (tx) => {
    await tx.metricResult.deleteMany({ where: { runId } });
    await tx.metricResult.createMany({
      data: out.map((r) => ({
        datasetId: run.datasetId,
        runId,
        scoreSource: r.scoreSource,
        subgroup: r.subgroup ?? "all",
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

export type MetricRow = { patient: { baseline: { sex: string; ageYears: number } | null; providedScores: { name: string; value: number }[] } };

/** Absolute risk by the horizon from the model's output, when its card makes that possible; else null. */
export function absoluteRisk(manifest: ModelManifest, horizon: number, score: number): number | null {
  if (manifest.task === "PROBABILITY_AT_HORIZON" && manifest.horizonDays === horizon) return score;
  if (manifest.task === "LOG_HAZARD") {
    const h0 = manifest.baselineCumulativeHazard.find((b) => b.days === horizon);
    return h0 ? 1 - Math.exp(-h0.value * Math.exp(score)) : null;
  }
  return null;
}

/** Calibration at the horizon, classification at the declared threshold, and the study's risk groups. */
export function modelOnlyMetrics(input: { manifest: ModelManifest; rule: RiskGroupRule | null; horizon: number; time: number[]; event: number[]; score: number[]; rows: MetricRow[]; n: number; events: number }): MetricRowOut[] {
  const { manifest, rule, horizon, time, event, score, rows, n, events } = input;
  const out: MetricRowOut[] = [];
  const risks = score.map((s) => absoluteRisk(manifest, horizon, s));
  if (risks.every((r): r is number => r !== null)) {
    const cal = attempt(() => calibrationAtHorizon(time, event, risks, horizon));
    if (cal) {
      const details = { observed: cal.observed, expected: cal.expected, inTheLarge: cal.inTheLarge, slope: cal.slope, slopeCiLower: cal.slopeCi.lower, slopeCiUpper: cal.slopeCi.upper, brier: cal.brier, ipa: cal.ipa, groups: cal.groups as unknown as Prisma.InputJsonArray };
      out.push({ metric: "calibrationOE", scoreSource: "model", horizonDays: horizon, estimate: cal.oe, ci: cal.oeCi, n, events, details });
    }
  }
  if (manifest.threshold !== null) {
    const { label, included } = horizonLabels(time, event, horizon);
    const idx = Array.from(label.keys()).filter((i) => included[i]);
    const tm = attempt(() => thresholdMetrics(idx.map((i) => score[i]!), idx.map((i) => label[i]!), manifest.threshold!));
    if (tm) {
      const counts = { threshold: tm.threshold, truePositive: tm.truePositive, falsePositive: tm.falsePositive, trueNegative: tm.trueNegative, falseNegative: tm.falseNegative };
      for (const [metric, p] of [["sensitivity", tm.sensitivity], ["specificity", tm.specificity], ["ppv", tm.ppv], ["npv", tm.npv]] as const) {
        if (p.estimate !== null) out.push({ metric, scoreSource: "model", horizonDays: horizon, estimate: p.estimate, ci: p.ci, n: idx.length, events: tm.truePositive + tm.falseNegative, details: counts });
      }
    }
  }
  if (rule) {
    // Scores the rule can name: "model" and the dataset's provided columns ("provided:<name>").
    const provided = new Set(rows.flatMap((r) => r.patient.providedScores.map((p) => p.name)));
    const columns: Record<string, number[]> = { model: score };
    for (const name of provided) columns[`provided:${name}`] = rows.map((r) => r.patient.providedScores.find((p) => p.name === name)?.value ?? Number.NaN);
    const usable = rule.groups.every((g) => g.when === "otherwise" || (columns[g.when.score] && columns[g.when.score]!.every(Number.isFinite)));
    if (usable) {
      const summary = attempt(() => summariseRiskGroups(time, event, assignRiskGroups(rule, columns), { reference: rule.reference, horizon }));
      if (summary) {
        const lr = summary.cox.lrChisq;
        for (const g of summary.groups) {
          if (!g.risk) continue;
          const hrIndex = summary.cox.terms.indexOf(`${g.name} vs ${rule.reference}`);
          out.push({
            metric: "riskGroupRisk", scoreSource: "model", subgroup: `group=${g.name}`, horizonDays: horizon, estimate: g.risk.estimate,
            ci: g.risk.lower !== null && g.risk.upper !== null ? { lower: g.risk.lower, upper: g.risk.upper } : null, n: g.n, events: g.events,
            details: { group: g.name, share: g.share, hazardRatio: hrIndex >= 0 ? summary.cox.hr[hrIndex]! : 1, hrCiLower: hrIndex >= 0 ? summary.cox.hrCi[hrIndex]!.lower : null, hrCiUpper: hrIndex >= 0 ? summary.cox.hrCi[hrIndex]!.upper : null, logRankP: summary.logRank.p, lrChisq: lr },
          });
        }
      }
    }
  }
  return out;
}

/** Harrell's C and AUROC of the model by sex and age band (each subgroup on its own patients). */
export function subgroupMetrics(input: { horizon: number; time: number[]; event: number[]; score: number[]; rows: MetricRow[] }): MetricRowOut[] {
  const { horizon, time, event, score, rows } = input;
  const subgroups: { name: string; member: (r: MetricRow) => boolean }[] = [
    { name: "sex=F", member: (r) => r.patient.baseline?.sex === "FEMALE" },
    { name: "sex=M", member: (r) => r.patient.baseline?.sex === "MALE" },
    ...AGE_BANDS.map((b) => ({ name: b.name, member: (r: MetricRow) => r.patient.baseline !== null && r.patient.baseline.ageYears >= b.from && r.patient.baseline.ageYears < b.to })),
  ];
  const out: MetricRowOut[] = [];
  for (const g of subgroups) {
    const idx = rows.flatMap((r, i) => (g.member(r) ? [i] : []));
    const t = idx.map((i) => time[i]!);
    const e = idx.map((i) => event[i]!);
    const s = idx.map((i) => score[i]!);
    const ev = e.reduce((a, b) => a + b, 0);
    const c = attempt(() => harrellC(t, e, s));
    if (c) out.push({ metric: "harrellC", scoreSource: "model", subgroup: g.name, estimate: c.estimate, se: c.se, ci: c.ci, n: idx.length, events: ev, details: { subgroup: g.name } });
    const a = attempt(() => aurocAtHorizon(t, e, s, horizon));
    if (a) out.push({ metric: "auroc", scoreSource: "model", subgroup: g.name, horizonDays: horizon, estimate: a.estimate, se: a.se, ci: a.ci, n: a.n, events: a.cases, details: { subgroup: g.name } });
  }
  return out;
}
