// Kaplan-Meier survival with Greenwood variance and log-transformed confidence limits.
import { Z_95 } from "./distributions.js";
import { survivalData, type BinaryInput, type NumericInput } from "./validate.js";

export interface KaplanMeierStep {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  survival: number;
  /** Standard error of −log S (Greenwood): √Σ d/(n(n−d)). null once S = 0. */
  stdErr: number | null;
  /** 95% limits exp(log S ± 1.96·stdErr), upper capped at 1; null where undefined (S = 0). */
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeierCurve {
  n: number;
  events: number;
  /** One step per distinct time (events or censorings), as survfit reports them. */
  steps: KaplanMeierStep[];
}

/**
 * Kaplan-Meier estimator S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) with Greenwood's variance of log S and the
 * log confidence interval. Rejects negative or non-finite times and events other than 0/1.
 * R: survival::survfit(Surv(time, event) ~ 1) (conf.type = "log", the default).
 */
export function kaplanMeier(timeIn: NumericInput, eventIn: BinaryInput): KaplanMeierCurve {
  const { time, event } = survivalData(timeIn, eventIn);
  const order = Array.from(time.keys()).sort((a, b) => time[a]! - time[b]!);
  const steps: KaplanMeierStep[] = [];
  let atRisk = time.length;
  let survival = 1;
  let greenwood = 0;
  let events = 0;
  for (let k = 0; k < order.length; ) {
    const t = time[order[k]!]!;
    let d = 0;
    let c = 0;
    while (k < order.length && time[order[k]!] === t) {
      if (event[order[k]!]) d++;
      else c++;
      k++;
    }
    events += d;
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood = d < atRisk ? greenwood + d / (atRisk * (atRisk - d)) : Number.POSITIVE_INFINITY;
    }
    const stdErr = survival > 0 ? Math.sqrt(greenwood) : null;
    const lower = stdErr === null ? null : survival * Math.exp(-Z_95 * stdErr);
    const upper = stdErr === null ? null : Math.min(1, survival * Math.exp(Z_95 * stdErr));
    steps.push({ time: t, nRisk: atRisk, nEvent: d, nCensor: c, survival, stdErr, lower, upper });
    atRisk -= d + c;
  }
  return { n: time.length, events, steps };
}

/** S(t): the curve at the last step at or before t (1 before the first time). */
export function survivalAt(
  curve: KaplanMeierCurve,
  t: number,
): { survival: number; stdErr: number | null; lower: number | null; upper: number | null } {
  let current = { survival: 1, stdErr: 0 as number | null, lower: 1 as number | null, upper: 1 as number | null };
  for (const s of curve.steps) {
    if (s.time > t) break;
    current = { survival: s.survival, stdErr: s.stdErr, lower: s.lower, upper: s.upper };
  }
  return current;
}

/**
 * Median survival time: the first time S(t) ≤ ½; where S is exactly ½ over an interval, the midpoint
 * between that time and the next event time (R: print.survfit / quantile.survfit). null if never reached.
 */
export function medianSurvival(curve: KaplanMeierCurve): number | null {
  const tolerance = Math.sqrt(Number.EPSILON);
  const steps = curve.steps.filter((s) => s.nEvent > 0);
  for (let k = 0; k < steps.length; k++) {
    const s = steps[k]!;
    if (Math.abs(s.survival - 0.5) < tolerance) {
      const next = steps[k + 1];
      return next ? (s.time + next.time) / 2 : s.time;
    }
    if (s.survival < 0.5) return s.time;
  }
  return null;
}
