// Calibration of predicted absolute risks at a horizon for survival outcomes: KM observed vs expected,
// calibration slope, a grouped calibration table, and IPCW Brier score with IPA.
import { StatsInputError, InvalidValueError } from "./errors.js";
import { Z_95 } from "./distributions.js";
import { coxPH } from "./cox.js";
import { kaplanMeier, survivalAt } from "./kaplan-meier.js";
import { quantileType7 } from "./bootstrap.js";
import { censoringSurvivalBefore, groupByTime } from "./censoring.js";
import { upperBound } from "./fenwick.js";
import { sameLength, survivalData, toFloat64, type BinaryInput, type NumericInput } from "./validate.js";

function riskColumn(riskIn: NumericInput): Float64Array {
  const risk = toFloat64(riskIn, "risk");
  risk.forEach((r, i) => {
    if (r < 0 || r > 1) throw new InvalidValueError("risk", i, r, "a predicted risk must lie in [0, 1]");
  });
  return risk;
}

/** Censoring survival for IPCW at t: G(Tᵢ−) per subject and G(t) (see censoring.ts). */
export function censoringWeights(
  time: Float64Array,
  event: Uint8Array,
  t: number,
): { gBefore: Float64Array; gAt: number } {
  const byTime = groupByTime(time, event);
  const g = censoringSurvivalBefore(byTime);
  return { gBefore: Float64Array.from(byTime.ranks, (r) => g[r]!), gAt: g[upperBound(byTime.distinct, t)]! };
}

/**
 * Brier score at t with inverse-probability-of-censoring weights: (1/n) Σ [ I(Tᵢ ≤ t, Δᵢ = 1)(1 − rᵢ)²/G(Tᵢ−)
 * + I(Tᵢ > t) rᵢ²/G(t) ]; subjects censored by t contribute 0. IPA = 1 − Brier/Brier(null), the null model
 * predicting the Kaplan-Meier risk 1 − Ŝ(t) for everyone.
 * R: riskRegression::Score(list(risk), Hist(time, event) ~ 1, metrics = "brier", summary = "ipa", cens.model = "km").
 */
export function brierScore(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  riskIn: NumericInput,
  t: number,
): { brier: number; nullBrier: number; ipa: number } {
  sameLength({ time: timeIn.length, event: eventIn.length, risk: riskIn.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const risk = riskColumn(riskIn);
  const { gBefore, gAt } = censoringWeights(time, event, t);
  const nullRisk = 1 - survivalAt(kaplanMeier(time, event), t).survival;
  let brier = 0;
  let nullBrier = 0;
  for (let i = 0; i < time.length; i++) {
    if (time[i]! <= t && event[i]) {
      brier += (1 - risk[i]!) ** 2 / gBefore[i]!;
      nullBrier += (1 - nullRisk) ** 2 / gBefore[i]!;
    } else if (time[i]! > t) {
      brier += risk[i]! ** 2 / gAt;
      nullBrier += nullRisk ** 2 / gAt;
    }
  }
  brier /= time.length;
  nullBrier /= time.length;
  return { brier, nullBrier, ipa: nullBrier > 0 ? 1 - brier / nullBrier : 0 };
}

export interface CalibrationGroup {
  n: number;
  events: number;
  meanRisk: number;
  /** Kaplan-Meier risk 1 − Ŝ(t) in the group, with its log-interval of Ŝ turned around. */
  observed: number;
  observedCi: { lower: number; upper: number } | null;
}

export interface CalibrationResult {
  horizon: number;
  n: number;
  /** Kaplan-Meier risk 1 − Ŝ(horizon). */
  observed: number;
  /** Mean predicted risk. */
  expected: number;
  oe: number;
  /** Observed/expected with the KM interval of the observed risk. */
  oeCi: { lower: number; upper: number } | null;
  /**
   * SE of O/E with E held fixed: SE(Ŝ(h)) / E, SE(Ŝ) = Ŝ · Greenwood SE of −log Ŝ (summary(survfit)$std.err).
   * What pooling across sites uses (on the log scale: SE / (O/E)); null where Ŝ(h) = 0.
   */
  oeSe: number | null;
  /** Calibration-in-the-large: observed − expected. */
  inTheLarge: number;
  /** Cox coefficient of log(−log(1 − risk)): 1 is ideal. */
  slope: number;
  slopeCi: { lower: number; upper: number };
  brier: number;
  ipa: number;
  groups: CalibrationGroup[];
}

/**
 * Calibration of predicted risks at `horizon`: observed = KM 1 − Ŝ(h) (survfit, log CI), expected = mean
 * risk, O/E and its CI ((1 − Ŝ_upper)/E, (1 − Ŝ_lower)/E); slope = coxph(Surv ~ log(−log(1 − risk)))
 * coefficient with Wald CI; groups = `groups` quantile bins of risk (R: cut(risk, unique(quantile(risk,
 * 0:g/g)), include.lowest = TRUE)), KM observed per bin; Brier and IPA as `brierScore`.
 * Rejects risks outside [0, 1], and risks of exactly 0 or 1 for the slope (log(−log) undefined).
 */
export function calibrationAtHorizon(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  riskIn: NumericInput,
  horizon: number,
  groups = 10,
): CalibrationResult {
  sameLength({ time: timeIn.length, event: eventIn.length, risk: riskIn.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const risk = riskColumn(riskIn);
  const n = time.length;
  const km = survivalAt(kaplanMeier(time, event), horizon);
  const observed = 1 - km.survival;
  const expected = risk.reduce((s, r) => s + r, 0) / n;
  if (!(expected > 0)) throw new StatsInputError("every predicted risk is 0: O/E is undefined");
  const lp = Float64Array.from(risk, (r, i) => {
    if (r <= 0 || r >= 1)
      throw new InvalidValueError("risk", i, r, "the calibration slope needs risks strictly between 0 and 1");
    return Math.log(-Math.log(1 - r));
  });
  const cox = coxPH(time, event, { lp });
  const slope = cox.coef[0]!;
  const { brier, ipa } = brierScore(time, event, risk, horizon);

  const sorted = Float64Array.from(risk).sort();
  const breaks = [...new Set(Array.from({ length: groups + 1 }, (_, k) => quantileType7(sorted, k / groups)))];
  const bins: number[][] = Array.from({ length: Math.max(1, breaks.length - 1) }, () => []);
  for (let i = 0; i < n; i++) {
    let b = 0;
    while (b < bins.length - 1 && risk[i]! > breaks[b + 1]!) b++;
    bins[b]!.push(i);
  }
  const groupRows = bins
    .filter((b) => b.length > 0)
    .map((members) => {
      const curve = kaplanMeier(
        members.map((i) => time[i]!),
        members.map((i) => event[i]!),
      );
      const s = survivalAt(curve, horizon);
      return {
        n: members.length,
        events: curve.events,
        meanRisk: members.reduce((sum, i) => sum + risk[i]!, 0) / members.length,
        observed: 1 - s.survival,
        observedCi: s.lower === null || s.upper === null ? null : { lower: 1 - s.upper, upper: 1 - s.lower },
      };
    });
  return {
    horizon,
    n,
    observed,
    expected,
    oe: observed / expected,
    oeSe: km.stdErr === null ? null : (km.survival * km.stdErr) / expected,
    oeCi:
      km.lower === null || km.upper === null
        ? null
        : { lower: (1 - km.upper) / expected, upper: (1 - km.lower) / expected },
    inTheLarge: observed - expected,
    slope,
    slopeCi: { lower: slope - Z_95 * cox.se[0]!, upper: slope + Z_95 * cox.se[0]! },
    brier,
    ipa,
    groups: groupRows,
  };
}

export interface NetBenefitPoint {
  threshold: number;
  model: number;
  treatAll: number;
  treatNone: 0;
}

/**
 * Decision-curve net benefit at risk thresholds p for survival outcomes (Vickers et al., KM-based):
 * model NB(p) = (1 − Ŝ₊(h))·π₊ − Ŝ₊(h)·π₊·p/(1 − p), with π₊ the share with risk ≥ p and Ŝ₊ the KM
 * survival among them (0 when nobody is positive); treat-all NB(p) = (1 − Ŝ(h)) − Ŝ(h)·p/(1 − p).
 * R: the same expressions from survfit (as in stdca).
 */
export function netBenefit(
  timeIn: NumericInput,
  eventIn: BinaryInput,
  riskIn: NumericInput,
  horizon: number,
  thresholds: readonly number[],
): NetBenefitPoint[] {
  sameLength({ time: timeIn.length, event: eventIn.length, risk: riskIn.length });
  const { time, event } = survivalData(timeIn, eventIn);
  const risk = riskColumn(riskIn);
  const n = time.length;
  const all = survivalAt(kaplanMeier(time, event), horizon).survival;
  return thresholds.map((p) => {
    if (!(p > 0 && p < 1)) throw new StatsInputError(`net benefit threshold ${p} must lie strictly between 0 and 1`);
    const odds = p / (1 - p);
    const positives: number[] = [];
    for (let i = 0; i < n; i++) if (risk[i]! >= p) positives.push(i);
    let model = 0;
    if (positives.length) {
      const s = survivalAt(
        kaplanMeier(
          positives.map((i) => time[i]!),
          positives.map((i) => event[i]!),
        ),
        horizon,
      ).survival;
      const share = positives.length / n;
      model = (1 - s) * share - s * share * odds;
    }
    return { threshold: p, model, treatAll: 1 - all - all * odds, treatNone: 0 };
  });
}
