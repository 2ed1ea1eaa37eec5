// Metrics of a finished run. The model on every scored patient with an outcome (analysis time: the
// fracture day for a fracture, the end of observation otherwise); FRAX MOF and hip and each registered
// clinical baseline of the study on the patients that have them, each with the model on exactly those
// patients for the paired comparisons. Harrell's and Uno's C, AUC(t) at 1, 5 and 10 years (censoring-
// weighted; the one at the study horizon is the headline), the complete-case AUROC at the horizon
// (DeLong, secondary), C and AUC intervals on the logit scale, ΔC, ΔAUROC and ΔAUC(t); for the model also
// calibration at the horizon (when it gives an absolute risk), classification at its declared threshold,
// the study's risk groups, and Harrell's C and AUROC by sex and age band. Stored as MetricResult rows
// with provenance, the run's flow of participants and its curves (run-curves.ts); recomputing replaces them
// with identical numbers.
import { Prisma, type ClinicalBaseline, type Db } from "@fracval/db";
import { ModelManifest } from "@fracval/inference";
import {
  assignRiskGroups,
  aurocAtHorizon,
  binaryCalibration,
  calibrationAtHorizon,
  compareConcordance,
  compareTimeDependentAuc,
  delongTest,
  harrellC,
  horizonLabels,
  LOGIT_CI_METHOD,
  logitCi,
  ifComputable,
  summariseRiskGroups,
  thresholdMetrics,
  timeDependentAuc,
  unoC,
  type RiskGroupRule,
  competingRisksAuc,
  competingRisksCalibration,
  cumulativeIncidence,
  cumulativeIncidenceAt,
  grayTest,
} from "@fracval/stats";
import { analysisTimeDays, competingOutcome } from "@fracval/upload-format";
import { runProvenance, type MetricName, type ParticipantFlow } from "@fracval/core";
import { computeRunCurves } from "./run-curves.js";

/** Age bands of the subgroup metrics (years, lower bound inclusive). */
export const AGE_BANDS = [
  { name: "age<65", from: 0, to: 65 },
  { name: "age65-74", from: 65, to: 75 },
  { name: "age>=75", from: 75, to: Infinity },
] as const;

/**
 * Scores the analysed patients with a registered clinical baseline (the worker does this with the
 * model's ONNX file): one score per patient, null where the baseline cannot score that patient (a missing
 * feature); the baseline is then compared with the model on the patients it scored.
 */
export type BaselineScorer = (
  modelVersion: { id: string; artifactStorageKey: string; manifest: unknown },
  patients: { id: string; baseline: ClinicalBaseline | null }[],
) => Promise<(number | null)[]>;

const TIMES = [365, 1826, 3652];

export interface MetricRowOut {
  metric: MetricName;
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

export interface RunMetricsSummary {
  rows: number;
  flow: ParticipantFlow;
}

type Discrimination = {
  harrell: ReturnType<typeof harrellC> | null;
  auroc: ReturnType<typeof aurocAtHorizon> | null;
  timeAucs: Map<number, ReturnType<typeof timeDependentAuc>>;
  rows: MetricRowOut[];
};

/**
 * C and AUC intervals on the logit scale (delta method), stored with their method; none where the
 * estimate is exactly 0 or 1 or there is no SE.
 */
function logitInterval(estimate: number, se: number | null | undefined) {
  const ci = se === null || se === undefined ? null : ifComputable(() => logitCi(estimate, se));
  return { ci, ciMethod: LOGIT_CI_METHOD };
}

/**
 * Under competing risks a patient who died before the horizon is a known control of the complete-case
 * AUROC (they cannot fracture by then): their time is moved past the horizon for that analysis only.
 */
function completeCaseTime(time: readonly number[], status: readonly number[] | null, horizon: number): number[] {
  return status ? time.map((t, i) => (status[i] === 2 ? Math.max(t, horizon + 1) : t)) : [...time];
}

/** What every row says about deaths: analysed as a competing event, or not recorded (counted as censoring). */
const outcomeModel = (status: readonly number[] | null) => ({ competingRisks: status !== null });

/**
 * Harrell's and Uno's C, AUROC at the horizon and AUC(t) of one score on the given patients. With `status`
 * (0 censored, 1 fracture, 2 death first), AUC(t) is the cause-specific one and the complete-case AUROC
 * counts early deaths as controls; the C-indices treat deaths as censoring (cause-specific).
 */
function discrimination(
  source: string,
  time: number[],
  event: number[],
  score: number[],
  horizon: number,
  extra: Record<string, number>,
  status: number[] | null = null,
): Discrimination {
  const n = time.length;
  const events = event.reduce((s, e) => s + e, 0);
  const rows: MetricRowOut[] = [];
  const harrell = ifComputable(() => harrellC(time, event, score));
  if (harrell) {
    const { ci, ciMethod } = logitInterval(harrell.estimate, harrell.se);
    const details = {
      concordant: harrell.concordant,
      discordant: harrell.discordant,
      tiedRisk: harrell.tiedRisk,
      tiedTime: harrell.tiedTime,
      ciMethod,
      ...extra,
    };
    rows.push({
      metric: "harrellC",
      scoreSource: source,
      estimate: harrell.estimate,
      se: harrell.se,
      ci,
      n,
      events,
      details,
    });
  }
  const uno = ifComputable(() => unoC(time, event, score, horizon));
  if (uno) {
    const { ci, ciMethod } = logitInterval(uno.estimate, uno.se);
    rows.push({
      metric: "unoC",
      scoreSource: source,
      horizonDays: horizon,
      estimate: uno.estimate,
      se: uno.se,
      ci,
      n,
      events,
      details: { tau: horizon, ciMethod, ...extra },
    });
  }
  const auroc = ifComputable(() => aurocAtHorizon(completeCaseTime(time, status, horizon), event, score, horizon));
  if (auroc) {
    // Secondary: complete case, everyone censored before the horizon left out. AUC(t) (IPCW) is the headline.
    const { ci, ciMethod } = logitInterval(auroc.estimate, auroc.se);
    const details = {
      analysis: "complete case (secondary)",
      excludedCensoredBeforeHorizon: n - auroc.n,
      ciMethod,
      ...outcomeModel(status),
      ...extra,
    };
    rows.push({
      metric: "auroc",
      scoreSource: source,
      horizonDays: horizon,
      estimate: auroc.estimate,
      se: auroc.se,
      ci,
      n: auroc.n,
      events: auroc.cases,
      details,
    });
  }
  const timeAucs = new Map<number, ReturnType<typeof timeDependentAuc>>();
  for (const t of TIMES) {
    const td = ifComputable(() =>
      status ? competingRisksAuc(time, status, score, t) : timeDependentAuc(time, event, score, t),
    );
    if (!td) continue;
    timeAucs.set(t, td);
    const { ci, ciMethod } = logitInterval(td.estimate, td.se);
    const analysis = `${status ? "cause-specific, death a competing event, " : ""}censoring-weighted${t === horizon ? " (headline)" : ""}`;
    const details = { analysis, ciMethod, ...outcomeModel(status), ...extra };
    rows.push({
      metric: "timeDependentAuc",
      scoreSource: source,
      horizonDays: t,
      estimate: td.estimate,
      se: td.se,
      ci,
      n,
      events: td.cases,
      details,
    });
  }
  return { harrell, auroc, timeAucs, rows };
}

/** Model minus comparator on the same patients: ΔC, ΔAUROC (DeLong) and ΔAUC(t). */
function pairedComparisons(
  comparator: string,
  model: Discrimination,
  other: Discrimination,
  n: number,
  events: number,
  horizon: number,
): MetricRowOut[] {
  const out: MetricRowOut[] = [];
  const scoreSource = `model-vs-${comparator}`;
  if (model.harrell && other.harrell) {
    const d = compareConcordance(model.harrell, other.harrell);
    out.push({
      metric: "harrellCDiff",
      scoreSource,
      estimate: d.estimate,
      se: d.se,
      ci: d.ci,
      n,
      events,
      details: { p: d.p, comparator },
    });
  }
  const ra = model.auroc;
  const rb = other.auroc;
  const test = ra && rb ? ifComputable(() => delongTest(ra, rb)) : null;
  if (test && ra) {
    const details = { p: test.p, z: test.z, comparator, analysis: "complete case (secondary)" };
    out.push({
      metric: "aurocDiff",
      scoreSource,
      horizonDays: horizon,
      estimate: test.difference,
      se: test.se,
      n: ra.n,
      events: ra.cases,
      details,
    });
  }
  for (const t of TIMES) {
    const ta = model.timeAucs.get(t);
    const tb = other.timeAucs.get(t);
    if (!ta || !tb) continue;
    const d = compareTimeDependentAuc(ta, tb);
    const details = {
      p: d.p,
      comparator,
      analysis: t === horizon ? "censoring-weighted (headline)" : "censoring-weighted",
    };
    out.push({
      metric: "timeDependentAucDiff",
      scoreSource,
      horizonDays: t,
      estimate: d.estimate,
      se: d.se,
      ci: d.ci,
      n,
      events: ta.cases,
      details,
    });
  }
  return out;
}

const pick = <T>(values: readonly T[], idx: readonly number[]): T[] => idx.map((i) => values[i]!);

export async function computeRunMetrics(
  db: Db,
  runId: string,
  options: { scoreBaseline?: BaselineScorer } = {},
): Promise<RunMetricsSummary> {
  const run = await db.validationRun.findUniqueOrThrow({
    where: { id: runId },
    include: { modelVersion: true, dataset: { include: { study: true } } },
  });
  const predictions = await db.prediction.findMany({
    where: { runId },
    include: {
      patient: {
        include: {
          outcome: true,
          baseline: true,
          providedScores: true,
          // The first image's manufacturer: a subgroup of the validation.
          images: { select: { manufacturer: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1 },
        },
      },
    },
    orderBy: { patientId: "asc" },
  });
  // Every scored patient with an outcome is analysed for the model; comparators on those that have them.
  const rows = predictions.filter((p) => p.score !== null && p.patient.outcome);
  const outcomes = rows.map((p) => p.patient.outcome!);
  const time = outcomes.map((o) =>
    analysisTimeDays({ followUpDays: o.followUpDays, event: o.incidentVertebralFracture, eventDays: o.eventDays }),
  );
  const event: number[] = outcomes.map((o) => (o.incidentVertebralFracture ? 1 : 0));
  // Deaths recorded (death_days): analysed as a competing event; else deaths count as censoring, said on every row.
  const competing = outcomes.some((o) => o.deathDays !== null);
  const status: number[] | null = competing
    ? outcomes.map(
        (o) =>
          competingOutcome({
            followUpDays: o.followUpDays,
            event: o.incidentVertebralFracture,
            eventDays: o.eventDays,
            deathDays: o.deathDays,
          }).status,
      )
    : null;
  const modelScore = rows.map((p) => p.score!);
  const comparators: Record<string, (number | null)[]> = {
    frax_mof: rows.map((p) => p.patient.baseline?.fraxMof10y ?? null),
    frax_hip: rows.map((p) => p.patient.baseline?.fraxHip10y ?? null),
  };
  // Registered clinical baselines of the study (not the run's own model), scored where their features exist.
  if (options.scoreBaseline) {
    const baselines = await db.modelVersion.findMany({
      where: {
        studyId: run.dataset.studyId,
        kind: "CLINICAL_BASELINE",
        status: "PUBLISHED",
        id: { not: run.modelVersionId },
      },
      orderBy: [{ family: "asc" }, { version: "asc" }],
    });
    for (const b of baselines)
      comparators[`baseline:${b.family}@${b.version}`] = await options.scoreBaseline(
        b,
        rows.map((p) => p.patient),
      );
  }
  const n = rows.length;
  const events = event.reduce((s, e) => s + e, 0);
  const horizon = run.dataset.study.horizonDays ?? 1826;
  const manifest = ModelManifest.parse(run.modelVersion.manifest);
  const model = discrimination("model", time, event, modelScore, horizon, {}, status);
  const out: MetricRowOut[] = [...model.rows];
  const comparatorFlow: ParticipantFlow["comparators"] = [];
  for (const [source, values] of Object.entries(comparators)) {
    const idx = values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [i] : []));
    if (idx.length === 0) continue;
    const excludedMissingScore = n - idx.length;
    comparatorFlow.push({ scoreSource: source, analysed: idx.length, excludedMissingScore });
    const t = pick(time, idx);
    const e = pick(event, idx);
    const st = status ? pick(status, idx) : null;
    const other = discrimination(source, t, e, pick(values, idx) as number[], horizon, { excludedMissingScore }, st);
    out.push(...other.rows);
    // The paired comparison needs the model on exactly the comparator's patients.
    const modelHere =
      excludedMissingScore === 0 ? model : discrimination("model", t, e, pick(modelScore, idx), horizon, {}, st);
    out.push(
      ...pairedComparisons(
        source,
        modelHere,
        other,
        idx.length,
        e.reduce((s, v) => s + v, 0),
        horizon,
      ),
    );
  }
  out.push(
    ...modelOnlyMetrics({
      manifest,
      rule: run.dataset.study.riskGroupRule as RiskGroupRule | null,
      horizon,
      time,
      event,
      score: modelScore,
      rows,
      n,
      events,
      status,
    }),
  );
  out.push(...subgroupMetrics({ horizon, time, event, score: modelScore, rows, status }));
  const notScored = new Map<string, number>();
  for (const p of predictions)
    if (p.score === null)
      notScored.set(p.failureReason ?? "not scored", (notScored.get(p.failureReason ?? "not scored") ?? 0) + 1);
  const flow: ParticipantFlow = {
    uploaded: run.dataset.patientCount,
    notScored: [...notScored]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    missingOutcome: predictions.filter((p) => p.score !== null && !p.patient.outcome).length,
    analysed: n,
    events,
    censoredBeforeHorizon: model.auroc
      ? n - model.auroc.n
      : time.filter((t, i) => t <= horizon && !event[i] && status?.[i] !== 2).length,
    competingRisks: competing,
    deathsBeforeFracture: status ? status.filter((s) => s === 2).length : null,
    horizonDays: horizon,
    comparators: comparatorFlow,
  };
  const rule = run.dataset.study.riskGroupRule as RiskGroupRule | null;
  const modelRisk = modelScore.map((s) => absoluteRisk(manifest, horizon, s));
  const groupColumns = rule ? riskGroupColumns(rule, modelScore, rows) : null;
  const curves =
    n > 0
      ? computeRunCurves({
          horizon,
          time,
          event,
          status,
          scores: { model: modelScore, ...comparators },
          modelRisk: modelRisk.every((r): r is number => r !== null) ? modelRisk : null,
          riskGroups: rule && groupColumns ? { rule, columns: groupColumns } : null,
        })
      : null;
  const provenance = { ...runProvenance(run), seed: run.seed, patients: n };
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
    await tx.validationRun.update({
      where: { id: runId },
      data: {
        participantFlow: flow as unknown as Prisma.InputJsonObject,
        curves: curves === null ? Prisma.DbNull : (curves as unknown as Prisma.InputJsonObject),
      },
    });
  });
  return { rows: out.length, flow };
}

export type MetricRow = {
  patient: {
    baseline: { sex: string; ageYears: number } | null;
    providedScores: { name: string; value: number }[];
    /** The patient's first image (its DICOM Manufacturer, kept by the de-identification profile). */
    images?: { manufacturer: string | null }[];
  };
};

/** The manufacturer subgroup of a patient: "manufacturer=<name>" (spaces collapsed), or "manufacturer=unknown". */
export function manufacturerSubgroup(row: MetricRow): string {
  const name = row.patient.images?.[0]?.manufacturer?.trim().replace(/\s+/g, " ");
  return `manufacturer=${name ? name : "unknown"}`;
}

/** Absolute risk by the horizon from the model's output, when its card makes that possible; else null. */
export function absoluteRisk(manifest: ModelManifest, horizon: number, score: number): number | null {
  if (manifest.task === "PROBABILITY_AT_HORIZON" && manifest.horizonDays === horizon) return score;
  if (manifest.task === "LOG_HAZARD") {
    const h0 = manifest.baselineCumulativeHazard.find((b) => b.days === horizon);
    return h0 ? 1 - Math.exp(-h0.value * Math.exp(score)) : null;
  }
  return null;
}

/** Calibration O/E of absolute risks at the horizon: Kaplan-Meier observed risk, or Aalen-Johansen's under competing risks. */
function calibrationRow(
  source: string,
  horizon: number,
  time: number[],
  event: number[],
  status: number[] | null,
  risks: number[],
  n: number,
  events: number,
  extra: Record<string, unknown>,
): MetricRowOut | null {
  if (status) {
    // 1 − KM would count the dead as still at risk of a fracture.
    const cal = ifComputable(() => competingRisksCalibration(time, status, risks, horizon));
    if (!cal) return null;
    const details = {
      observed: cal.observed,
      observedSe: cal.observedSe,
      expected: cal.expected,
      inTheLarge: cal.observed - cal.expected,
      brier: cal.brier,
      ipa: cal.ipa,
      analysis: "Aalen-Johansen observed risk, death a competing event",
      ...outcomeModel(status),
      ...extra,
    };
    return {
      metric: "calibrationOE",
      scoreSource: source,
      horizonDays: horizon,
      estimate: cal.oe,
      se: cal.oeSe,
      ci: cal.oeCi,
      n,
      events,
      details: details as Prisma.InputJsonObject,
    };
  }
  const cal = ifComputable(() => calibrationAtHorizon(time, event, risks, horizon));
  if (!cal) return null;
  const details = {
    observed: cal.observed,
    expected: cal.expected,
    inTheLarge: cal.inTheLarge,
    slope: cal.slope,
    slopeCiLower: cal.slopeCi.lower,
    slopeCiUpper: cal.slopeCi.upper,
    brier: cal.brier,
    ipa: cal.ipa,
    groups: cal.groups as unknown as Prisma.InputJsonArray,
    ...outcomeModel(status),
    ...extra,
  };
  return {
    metric: "calibrationOE",
    scoreSource: source,
    horizonDays: horizon,
    estimate: cal.oe,
    se: cal.oeSe,
    ci: cal.oeCi,
    n,
    events,
    details: details as Prisma.InputJsonObject,
  };
}

/**
 * Calibration of the model's absolute risks. A model whose card says its risks are not meant for the
 * target population (case-control development) gets its calibration labelled as what recalibration needs
 * — the logistic intercept and slope on the validation data (complete case at the horizon) — and the
 * recalibrated model, p* = expit(a + b·logit(p)), reported beside it as "model-recalibrated".
 */
function calibrationRows(input: {
  manifest: ModelManifest;
  horizon: number;
  time: number[];
  event: number[];
  status: number[] | null;
  risks: number[];
  n: number;
  events: number;
}): MetricRowOut[] {
  const { manifest, horizon, time, event, status, risks, n, events } = input;
  if (manifest.calibratedForTargetPopulation) {
    const row = calibrationRow("model", horizon, time, event, status, risks, n, events, {});
    return row ? [row] : [];
  }
  const { label, included } = horizonLabels(completeCaseTime(time, status, horizon), event, horizon);
  const idx = Array.from(label.keys()).filter((i) => included[i]);
  const needs = ifComputable(() =>
    binaryCalibration(
      pick(risks, idx),
      idx.map((i) => label[i]!),
    ),
  );
  const caveat = {
    calibratedForTargetPopulation: false,
    interpretation: "what recalibration needs: the model's risks are not meant for this population",
    ...(manifest.calibrationNote ? { note: manifest.calibrationNote } : {}),
    ...(needs
      ? {
          recalibrationIntercept: needs.intercept,
          recalibrationInterceptCi: [needs.interceptCi.lower, needs.interceptCi.upper],
          recalibrationSlope: needs.slope,
          recalibrationSlopeCi: [needs.slopeCi.lower, needs.slopeCi.upper],
          recalibrationN: needs.n,
        }
      : {}),
  };
  const out: MetricRowOut[] = [];
  const row = calibrationRow("model", horizon, time, event, status, risks, n, events, caveat);
  if (row) out.push(row);
  if (needs) {
    const { intercept, slope } = needs.recalibration;
    const recalibrated = risks.map((p) => 1 / (1 + Math.exp(-(intercept + slope * Math.log(p / (1 - p))))));
    const beside = calibrationRow("model-recalibrated", horizon, time, event, status, recalibrated, n, events, {
      recalibratedWith: { intercept, slope },
      method: "logistic recalibration of intercept and slope on this validation set (complete case at the horizon)",
    });
    if (beside) out.push(beside);
  }
  return out;
}

/** Calibration at the horizon, classification at the declared threshold, and the study's risk groups. */
export function modelOnlyMetrics(input: {
  manifest: ModelManifest;
  rule: RiskGroupRule | null;
  horizon: number;
  time: number[];
  event: number[];
  score: number[];
  rows: MetricRow[];
  n: number;
  events: number;
  status?: number[] | null;
}): MetricRowOut[] {
  const { manifest, rule, horizon, time, event, score, rows, n, events } = input;
  const status = input.status ?? null;
  const out: MetricRowOut[] = [];
  const risks = score.map((s) => absoluteRisk(manifest, horizon, s));
  if (risks.every((r): r is number => r !== null))
    out.push(...calibrationRows({ manifest, horizon, time, event, status, risks, n, events }));
  if (manifest.threshold !== null) {
    const { label, included } = horizonLabels(completeCaseTime(time, status, horizon), event, horizon);
    const idx = Array.from(label.keys()).filter((i) => included[i]);
    const tm = ifComputable(() =>
      thresholdMetrics(
        idx.map((i) => score[i]!),
        idx.map((i) => label[i]!),
        manifest.threshold!,
      ),
    );
    if (tm) {
      const counts = {
        threshold: tm.threshold,
        truePositive: tm.truePositive,
        falsePositive: tm.falsePositive,
        trueNegative: tm.trueNegative,
        falseNegative: tm.falseNegative,
      };
      for (const [metric, p] of [
        ["sensitivity", tm.sensitivity],
        ["specificity", tm.specificity],
        ["ppv", tm.ppv],
        ["npv", tm.npv],
      ] as const) {
        if (p.estimate !== null)
          out.push({
            metric,
            scoreSource: "model",
            horizonDays: horizon,
            estimate: p.estimate,
            ci: p.ci,
            n: idx.length,
            events: tm.truePositive + tm.falseNegative,
            details: counts,
          });
      }
    }
  }
  if (rule) {
    const columns = riskGroupColumns(rule, score, rows);
    if (columns) {
      const summary = ifComputable(() =>
        summariseRiskGroups(time, event, assignRiskGroups(rule, columns), { reference: rule.reference, horizon }),
      );
      if (summary) {
        const lr = summary.cox.lrChisq;
        const assigned = assignRiskGroups(rule, columns);
        // Under competing risks: each group's Aalen-Johansen incidence and Gray's test instead of 1 − KM and log-rank.
        const gray = status ? ifComputable(() => grayTest(time, status, assigned)) : null;
        for (const g of summary.groups) {
          if (!g.risk) continue;
          if (status) {
            const idx = assigned.flatMap((x, i) => (x === g.name ? [i] : []));
            const curve = ifComputable(() => cumulativeIncidence(pick(time, idx), pick(status, idx)));
            const at = curve && horizon <= curve.maxTime ? cumulativeIncidenceAt(curve, horizon) : null;
            g.risk = at ? { estimate: at.estimate, lower: at.ci?.lower ?? null, upper: at.ci?.upper ?? null } : null;
            if (!g.risk) continue;
          }
          const hrIndex = summary.cox.terms.indexOf(`${g.name} vs ${rule.reference}`);
          out.push({
            metric: "riskGroupRisk",
            scoreSource: "model",
            subgroup: `group=${g.name}`,
            horizonDays: horizon,
            estimate: g.risk.estimate,
            ci: g.risk.lower !== null && g.risk.upper !== null ? { lower: g.risk.lower, upper: g.risk.upper } : null,
            n: g.n,
            events: g.events,
            details: {
              group: g.name,
              share: g.share,
              hazardRatio: hrIndex >= 0 ? summary.cox.hr[hrIndex]! : 1,
              hrCiLower: hrIndex >= 0 ? summary.cox.hrCi[hrIndex]!.lower : null,
              hrCiUpper: hrIndex >= 0 ? summary.cox.hrCi[hrIndex]!.upper : null,
              lrChisq: lr,
              ...outcomeModel(status),
              ...(status
                ? { grayP: gray?.p ?? null, incidence: "Aalen-Johansen" }
                : { logRankP: summary.logRank.p, incidence: "1 − Kaplan-Meier" }),
            },
          });
        }
      }
    }
  }
  return out;
}

/**
 * The score columns a risk-group rule may name — "model" and the dataset's provided columns
 * ("provided:<name>") — or null when a column the rule needs is missing for some patient.
 */
export function riskGroupColumns(rule: RiskGroupRule, score: number[], rows: MetricRow[]) {
  const provided = new Set(rows.flatMap((r) => r.patient.providedScores.map((p) => p.name)));
  const columns: Record<string, number[]> = { model: score };
  for (const name of provided)
    columns[`provided:${name}`] = rows.map(
      (r) => r.patient.providedScores.find((p) => p.name === name)?.value ?? Number.NaN,
    );
  const usable = rule.groups.every(
    (g) => g.when === "otherwise" || (columns[g.when.score] && columns[g.when.score]!.every(Number.isFinite)),
  );
  return usable ? columns : null;
}

/**
 * Harrell's C and AUROC of the model by sex, age band and image manufacturer (each subgroup on its own
 * patients). Manufacturers are subgroups only where the images come from more than one; every row of that
 * set names the whole set (details.subgroupSet), so that the disclosure rules know when a member is missing.
 */
export function subgroupMetrics(input: {
  horizon: number;
  time: number[];
  event: number[];
  score: number[];
  rows: MetricRow[];
  status?: number[] | null;
}): MetricRowOut[] {
  const { horizon, time, event, score, rows } = input;
  const status = input.status ?? null;
  const subgroups: { name: string; member: (r: MetricRow, i: number) => boolean; set?: string[] }[] = [
    { name: "sex=F", member: (r) => r.patient.baseline?.sex === "FEMALE" },
    { name: "sex=M", member: (r) => r.patient.baseline?.sex === "MALE" },
    ...AGE_BANDS.map((b) => ({
      name: b.name,
      member: (r: MetricRow) =>
        r.patient.baseline !== null && r.patient.baseline.ageYears >= b.from && r.patient.baseline.ageYears < b.to,
    })),
  ];
  const manufacturers = rows.map(manufacturerSubgroup);
  const manufacturerSet = [...new Set(manufacturers)].sort();
  if (manufacturerSet.length > 1)
    for (const name of manufacturerSet)
      subgroups.push({ name, member: (_, i) => manufacturers[i] === name, set: manufacturerSet });
  const out: MetricRowOut[] = [];
  for (const g of subgroups) {
    const idx = rows.flatMap((r, i) => (g.member(r, i) ? [i] : []));
    const set = g.set ? { subgroupSet: g.set } : {};
    const t = idx.map((i) => time[i]!);
    const e = idx.map((i) => event[i]!);
    const s = idx.map((i) => score[i]!);
    const ev = e.reduce((a, b) => a + b, 0);
    const c = ifComputable(() => harrellC(t, e, s));
    if (c) {
      const { ci, ciMethod } = logitInterval(c.estimate, c.se);
      out.push({
        metric: "harrellC",
        scoreSource: "model",
        subgroup: g.name,
        estimate: c.estimate,
        se: c.se,
        ci,
        n: idx.length,
        events: ev,
        details: { subgroup: g.name, ciMethod, ...set },
      });
    }
    const a = ifComputable(() =>
      aurocAtHorizon(completeCaseTime(t, status ? idx.map((i) => status[i]!) : null, horizon), e, s, horizon),
    );
    if (a) {
      const { ci, ciMethod } = logitInterval(a.estimate, a.se);
      const details = { subgroup: g.name, ciMethod, analysis: "complete case (secondary)", ...set };
      out.push({
        metric: "auroc",
        scoreSource: "model",
        subgroup: g.name,
        horizonDays: horizon,
        estimate: a.estimate,
        se: a.se,
        ci,
        n: a.n,
        events: a.cases,
        details,
      });
    }
  }
  return out;
}
