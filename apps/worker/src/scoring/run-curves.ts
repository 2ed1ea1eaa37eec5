// The curves of a run's plots, computed with its metrics from the same analysed patients: ROC at the
// horizon (complete case, like the AUROC rows) for the model and each comparator, AUC(t) on a half-yearly
// grid, incidence by risk group with numbers at risk, calibration by deciles with the flexible curve, and
// the decision curve. Aggregates only; thinned and pooled with the minimum cell count (core run-curves.ts).
import { MINIMUM_CELL_COUNT, type RunCurves } from "@fracval/core";
import {
  assignRiskGroups,
  competingRisksAuc,
  cumulativeIncidence,
  cumulativeIncidenceAt,
  flexibleCalibration,
  horizonLabels,
  kaplanMeier,
  netBenefit,
  quantileType7,
  rocCurve,
  ifComputable,
  survivalAt,
  timeDependentAuc,
  auroc,
  type RiskGroupRule,
} from "@fracval/stats";

const pick = <T>(values: readonly T[], idx: readonly number[]): T[] => idx.map((i) => values[i]!);

const DAYS_PER_YEAR = 365.25;
const MONTH = 30;
/** The AUC(t) grid: every half year from one year to ten (within follow-up). */
const AUC_GRID = Array.from({ length: 19 }, (_, k) => Math.round((1 + k / 2) * DAYS_PER_YEAR));
/** Risk thresholds of the decision curve: 1 % to 50 %. */
const DECISION_THRESHOLDS = Array.from({ length: 50 }, (_, k) => (k + 1) / 100);
/**
 * FRAX-style intervention thresholds marked on the decision curve (the US NOF/BHOF guidance: treat at a
 * 10-year probability of a major osteoporotic fracture ≥ 20 % or of a hip fracture ≥ 3 %).
 */
export const INTERVENTION_THRESHOLDS = [
  { label: "FRAX MOF ≥ 20 % (NOF)", threshold: 0.2 },
  { label: "FRAX hip ≥ 3 % (NOF)", threshold: 0.03 },
];

export interface CurveInputs {
  horizon: number;
  time: number[];
  event: number[];
  /** 0 censored, 1 fracture, 2 death first; null when deaths were not recorded. */
  status: number[] | null;
  /** Score per analysed patient, by source ("model", "frax_mof", "baseline:…"); null where missing. */
  scores: Record<string, (number | null)[]>;
  /** The model's absolute risk by the horizon per patient, when its card makes that possible. */
  modelRisk: number[] | null;
  /** The study's risk-group rule and the columns it may name; null: tertiles of the model score. */
  riskGroups: { rule: RiskGroupRule; columns: Record<string, number[]> } | null;
  min?: number;
}

/** Cumulative incidence by t: 1 − KM, or Aalen-Johansen with deaths competing. */
function incidenceFunction(time: number[], event: number[], status: number[] | null) {
  if (status) {
    const curve = cumulativeIncidence(time, status);
    return (t: number) => {
      if (t > curve.maxTime) return null;
      const at = cumulativeIncidenceAt(curve, t);
      return { estimate: at.estimate, lower: at.ci?.lower ?? null, upper: at.ci?.upper ?? null };
    };
  }
  const curve = kaplanMeier(time, event);
  const maxTime = Math.max(...time);
  return (t: number) => {
    if (t > maxTime) return null;
    const s = survivalAt(curve, t);
    return {
      estimate: 1 - s.survival,
      lower: s.upper === null ? null : 1 - s.upper,
      upper: s.lower === null ? null : 1 - s.lower,
    };
  };
}

const atRiskAt = (time: readonly number[], t: number) => time.reduce((n, ti) => n + (ti >= t ? 1 : 0), 0);

function rocSeries(inputs: CurveInputs, min: number): RunCurves["roc"] {
  const { horizon, time, event, status } = inputs;
  // Complete case at the horizon, deaths before it known controls under competing risks (as the AUROC rows).
  const ccTime = status ? time.map((t, i) => (status[i] === 2 ? Math.max(t, horizon + 1) : t)) : time;
  const { label, included } = horizonLabels(ccTime, event, horizon);
  const out: RunCurves["roc"] = [];
  for (const [scoreSource, values] of Object.entries(inputs.scores)) {
    const idx = values.flatMap((v, i) => (included[i] && v !== null && Number.isFinite(v) ? [i] : []));
    const score = pick(values, idx) as number[];
    const labels = idx.map((i) => label[i]!);
    const curve = ifComputable(() => rocCurve(score, labels, { maxPoints: 200, minStep: min }));
    if (!curve) continue;
    out.push({ scoreSource, ...curve, auc: ifComputable(() => auroc(score, labels).estimate) });
  }
  return out;
}

function aucOverTime(inputs: CurveInputs): RunCurves["aucOverTime"] {
  const { time, event, status } = inputs;
  const maxTime = Math.max(...time);
  const out: RunCurves["aucOverTime"] = [];
  for (const scoreSource of ["model", "frax_mof", "frax_hip"]) {
    const values = inputs.scores[scoreSource];
    if (!values) continue;
    const idx = values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [i] : []));
    const t = pick(time, idx);
    const score = pick(values, idx) as number[];
    const points: RunCurves["aucOverTime"][number]["points"] = [];
    for (const days of AUC_GRID.filter((d) => d < maxTime)) {
      const r = ifComputable(() =>
        status
          ? competingRisksAuc(t, pick(status, idx), score, days)
          : timeDependentAuc(t, pick(event, idx), score, days),
      );
      if (r)
        points.push({
          days,
          estimate: r.estimate,
          lower: r.ci.lower,
          upper: r.ci.upper,
          cases: r.cases,
          controls: r.controls,
        });
    }
    if (points.length) out.push({ scoreSource, points });
  }
  return out;
}

function incidenceByGroup(inputs: CurveInputs): RunCurves["incidence"] {
  const { time, event, status } = inputs;
  const model = inputs.scores.model as number[];
  let grouping: string;
  let assigned: string[];
  if (inputs.riskGroups) {
    const groups = ifComputable(() => assignRiskGroups(inputs.riskGroups!.rule, inputs.riskGroups!.columns));
    if (!groups) return null;
    grouping = "the study's risk groups";
    assigned = groups;
  } else {
    const sorted = Float64Array.from(model).sort();
    const [t1, t2] = [quantileType7(sorted, 1 / 3), quantileType7(sorted, 2 / 3)];
    grouping = "tertiles of the model score";
    assigned = model.map((s) => (s <= t1 ? "low tertile" : s <= t2 ? "middle tertile" : "high tertile"));
  }
  const names = [...new Set(assigned)];
  if (!inputs.riskGroups)
    names.sort(
      (a, b) =>
        ["low", "middle", "high"].indexOf(a.split(" ")[0]!) - ["low", "middle", "high"].indexOf(b.split(" ")[0]!),
    );
  else
    names.sort(
      (a, b) =>
        inputs.riskGroups!.rule.groups.findIndex((g) => g.name === a) -
        inputs.riskGroups!.rule.groups.findIndex((g) => g.name === b),
    );
  const groups: NonNullable<RunCurves["incidence"]>["groups"] = [];
  for (const name of names) {
    const idx = assigned.flatMap((g, i) => (g === name ? [i] : []));
    const t = pick(time, idx);
    const e = pick(event, idx);
    const at = ifComputable(() => incidenceFunction(t, e, status ? pick(status, idx) : null));
    if (!at) continue;
    const maxTime = Math.max(...t);
    const points: NonNullable<RunCurves["incidence"]>["groups"][number]["points"] = [];
    for (let days = 0; days <= maxTime; days += MONTH) {
      const value = at(days);
      if (value)
        points.push({
          days,
          incidence: value.estimate,
          lower: value.lower,
          upper: value.upper,
          atRisk: atRiskAt(t, days),
        });
    }
    const ticks = [];
    for (let year = 0; year * DAYS_PER_YEAR <= maxTime; year++) {
      const days = Math.round(year * DAYS_PER_YEAR);
      ticks.push({ days, atRisk: atRiskAt(t, days) });
    }
    groups.push({ name, n: idx.length, events: e.reduce((s, v) => s + v, 0), points, atRisk: ticks });
  }
  return groups.length ? { grouping, groups } : null;
}

type Bin = RunCurves["calibration"][number]["bins"][number];

/** Observed risk by the horizon in a set of patients, with its interval. */
function binOf(members: number[], inputs: CurveInputs, risk: number[]): Bin | null {
  const { horizon, time, event, status } = inputs;
  const t = pick(time, members);
  const e = pick(event, members);
  const at = ifComputable(() => incidenceFunction(t, e, status ? pick(status, members) : null)(horizon));
  if (!at) return null;
  return {
    n: members.length,
    events: e.reduce((s, v) => s + v, 0),
    meanRisk: members.reduce((s, i) => s + risk[i]!, 0) / members.length,
    observed: at.estimate,
    lower: at.lower,
    upper: at.upper,
  };
}

function calibrationCurves(inputs: CurveInputs, min: number): RunCurves["calibration"] {
  const risk = inputs.modelRisk;
  if (!risk) return [];
  // Deciles as calibrationAtHorizon cuts them (R: cut(risk, unique(quantile(risk, 0:10/10)), include.lowest)).
  const sorted = Float64Array.from(risk).sort();
  const breaks = [...new Set(Array.from({ length: 11 }, (_, k) => quantileType7(sorted, k / 10)))];
  const members: number[][] = Array.from({ length: Math.max(1, breaks.length - 1) }, () => []);
  risk.forEach((r, i) => {
    let b = 0;
    while (b < members.length - 1 && r > breaks[b + 1]!) b++;
    members[b]!.push(i);
  });
  const deciles = members.filter((m) => m.length > 0);
  const bins = deciles.map((m) => binOf(m, inputs, risk)).filter((b): b is Bin => b !== null);
  // Pooled: neighbours merged, lowest risk first, until each bin has `min` patients, events and non-events.
  const enough = (m: number[]) => {
    const events = m.reduce((s, i) => s + inputs.event[i]!, 0);
    return m.length >= min && events >= min && m.length - events >= min;
  };
  const pooledMembers: number[][] = [];
  let current: number[] = [];
  for (const m of deciles) {
    current = current.concat(m);
    if (enough(current)) {
      pooledMembers.push(current);
      current = [];
    }
  }
  if (current.length) {
    if (pooledMembers.length) pooledMembers[pooledMembers.length - 1] = pooledMembers.at(-1)!.concat(current);
    else if (enough(current)) pooledMembers.push(current);
  }
  const pooledBins = pooledMembers.map((m) => binOf(m, inputs, risk)).filter((b): b is Bin => b !== null);
  const flexible = inputs.status
    ? null
    : ifComputable(() => {
        const f = flexibleCalibration(inputs.time, inputs.event, risk, inputs.horizon);
        return { ici: f.ici, e50: f.e50, e90: f.e90, curve: f.curve };
      });
  const flexibleNote = inputs.status
    ? "Not drawn under competing risks: the Cox-based smoother would count deaths as censoring."
    : flexible
      ? null
      : "Not computable on these patients (too few distinct risks or events).";
  return [{ scoreSource: "model", bins, pooledBins, flexible, flexibleNote }];
}

/**
 * Net benefit of treating patients at or above each risk threshold (Vickers): observed risk by the horizon
 * among the positives from 1 − KM (R: the survfit expressions of stdca, packages/stats netBenefit) or,
 * under competing risks, from the Aalen-Johansen incidence among them.
 */
function netBenefitSeries(inputs: CurveInputs, risk: number[], idx: number[]) {
  const { horizon, time, event, status } = inputs;
  const t = pick(time, idx);
  const e = pick(event, idx);
  const r = pick(risk, idx);
  const n = idx.length;
  const positivesAt = (p: number) => r.reduce((k, v) => k + (v >= p ? 1 : 0), 0);
  if (!status) {
    const points = ifComputable(() => netBenefit(t, e, r, horizon, DECISION_THRESHOLDS));
    if (!points) return null;
    return {
      points: points.map((p) => ({ threshold: p.threshold, netBenefit: p.model, positives: positivesAt(p.threshold) })),
      treatAll: points.map((p) => ({ threshold: p.threshold, netBenefit: p.treatAll })),
    };
  }
  const st = pick(status, idx);
  const incidence = (members: number[]) =>
    ifComputable(() => incidenceFunction(pick(t, members), pick(e, members), pick(st, members))(horizon))?.estimate ??
    null;
  const all = incidence(Array.from(t.keys()));
  if (all === null) return null;
  const points = DECISION_THRESHOLDS.map((p) => {
    const odds = p / (1 - p);
    const positives = r.flatMap((v, i) => (v >= p ? [i] : []));
    const f = positives.length ? (incidence(positives) ?? 0) : 0;
    const share = positives.length / n;
    return { threshold: p, netBenefit: f * share - (1 - f) * share * odds, positives: positives.length };
  });
  const treatAll = DECISION_THRESHOLDS.map((p) => ({ threshold: p, netBenefit: all - (1 - all) * (p / (1 - p)) }));
  return { points, treatAll };
}

function decisionCurve(inputs: CurveInputs): RunCurves["decisionCurve"] {
  const n = inputs.time.length;
  const everyone = Array.from({ length: n }, (_, i) => i);
  const series: NonNullable<RunCurves["decisionCurve"]>["series"] = [];
  let treatAll: NonNullable<RunCurves["decisionCurve"]>["treatAll"] | null = null;
  if (inputs.modelRisk) {
    const model = netBenefitSeries(inputs, inputs.modelRisk, everyone);
    if (model) {
      series.push({
        scoreSource: "model",
        riskMeaning: "the model's absolute risk by the horizon",
        points: model.points,
      });
      treatAll = model.treatAll;
    }
  }
  // FRAX on the whole cohort's treat-all line: only when every analysed patient has it (else another cohort).
  for (const [source, meaning] of [
    ["frax_mof", "10-year FRAX probability of a major osteoporotic fracture, used as the risk"],
    ["frax_hip", "10-year FRAX probability of a hip fracture, used as the risk"],
  ] as const) {
    const values = inputs.scores[source];
    if (!values || values.some((v) => v === null || !(v >= 0 && v <= 1))) continue;
    const frax = netBenefitSeries(inputs, values as number[], everyone);
    if (!frax) continue;
    series.push({ scoreSource: source, riskMeaning: meaning, points: frax.points });
    treatAll ??= frax.treatAll;
  }
  if (!treatAll || series.length === 0) return null;
  return { n, treatAll, series, interventionThresholds: INTERVENTION_THRESHOLDS };
}

/** Mean, SD and quartiles (type 7) of the model's score. */
function scoreDistribution(score: number[]): RunCurves["scoreDistribution"] {
  if (score.length < 2) return null;
  const sorted = Float64Array.from(score).sort();
  const mean = score.reduce((s, v) => s + v, 0) / score.length;
  const sd = Math.sqrt(score.reduce((s, v) => s + (v - mean) ** 2, 0) / (score.length - 1));
  return {
    n: score.length,
    mean,
    sd,
    q1: quantileType7(sorted, 0.25),
    median: quantileType7(sorted, 0.5),
    q3: quantileType7(sorted, 0.75),
  };
}

/** Every curve of the run's plots. */
export function computeRunCurves(inputs: CurveInputs): RunCurves {
  const min = inputs.min ?? MINIMUM_CELL_COUNT;
  return {
    horizonDays: inputs.horizon,
    scoreDistribution: scoreDistribution(inputs.scores.model as number[]),
    competingRisks: inputs.status !== null,
    minimumCount: min,
    roc: rocSeries(inputs, min),
    aucOverTime: aucOverTime(inputs),
    incidence: incidenceByGroup(inputs),
    calibration: calibrationCurves(inputs, min),
    decisionCurve: decisionCurve(inputs),
  };
}
