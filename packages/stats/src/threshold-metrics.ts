// Sensitivity, specificity, PPV, NPV, accuracy and F1 at score cut-offs, with Wilson intervals;
// and the Youden-optimal threshold.
import { SingleClassError } from "./errors.js";
import { Z_95 } from "./distributions.js";
import { sameLength, toFloat64, toIndicator, type BinaryInput, type NumericInput } from "./validate.js";

export interface Proportion {
  estimate: number | null;
  /** Wilson score interval; null when the denominator is 0. */
  ci: { lower: number; upper: number } | null;
  successes: number;
  total: number;
}

/**
 * Wilson score interval for x successes of n: (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 * R: prop.test(x, n, correct = FALSE)$conf.int.
 */
export function wilson(successes: number, total: number, z = Z_95): Proportion {
  if (total === 0) return { estimate: null, ci: null, successes, total };
  const p = successes / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const half = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  const denominator = 1 + z2 / total;
  return {
    estimate: p,
    ci: { lower: (centre - half) / denominator, upper: (centre + half) / denominator },
    successes,
    total,
  };
}

export interface ThresholdMetrics {
  threshold: number;
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
  sensitivity: Proportion;
  specificity: Proportion;
  ppv: Proportion;
  npv: Proportion;
  accuracy: Proportion;
  /** 2·TP/(2·TP + FP + FN); null when there is no positive at all. */
  f1: number | null;
}

/**
 * Classification at a cut-off: predicted positive when score ≥ threshold. `label`: 1 = case.
 * Rejects a single class. R: the 2×2 table, and prop.test(correct = FALSE) for each proportion.
 */
export function thresholdMetrics(scoreIn: NumericInput, labelIn: BinaryInput, threshold: number): ThresholdMetrics {
  sameLength({ score: scoreIn.length, label: labelIn.length });
  const score = toFloat64(scoreIn, "score");
  const label = toIndicator(labelIn, "label");
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < score.length; i++) {
    const positive = score[i]! >= threshold;
    if (label[i]) positive ? tp++ : fn++;
    else positive ? fp++ : tn++;
  }
  if (tp + fn === 0 || tn + fp === 0) throw new SingleClassError(tp + fn, tn + fp);
  return {
    threshold,
    truePositive: tp,
    falsePositive: fp,
    trueNegative: tn,
    falseNegative: fn,
    sensitivity: wilson(tp, tp + fn),
    specificity: wilson(tn, tn + fp),
    ppv: wilson(tp, tp + fp),
    npv: wilson(tn, tn + fn),
    accuracy: wilson(tp + tn, score.length),
    f1: 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : null,
  };
}

/**
 * Threshold maximising Youden's J = sensitivity + specificity − 1 over the ROC curve's cut-offs, which
 * lie midway between consecutive distinct scores (positive when score ≥ cut-off); ties in J go to the
 * lowest threshold. R: pROC::coords(roc(label, score, direction = "<"), "best", best.method = "youden").
 */
export function youdenThreshold(
  scoreIn: NumericInput,
  labelIn: BinaryInput,
): { threshold: number; youden: number; sensitivity: number; specificity: number } {
  sameLength({ score: scoreIn.length, label: labelIn.length });
  const score = toFloat64(scoreIn, "score");
  const label = toIndicator(labelIn, "label");
  const cases = label.reduce((s, l) => s + l, 0);
  const controls = label.length - cases;
  if (cases === 0 || controls === 0) throw new SingleClassError(cases, controls);
  const order = Array.from(score.keys()).sort((a, b) => score[a]! - score[b]!);
  // Walk thresholds upward: below the lowest score everyone is positive.
  let fnCount = 0;
  let tnCount = 0;
  let best = { threshold: Number.NEGATIVE_INFINITY, youden: -Infinity, sensitivity: 1, specificity: 0 };
  for (let k = 0; k <= order.length; ) {
    const threshold =
      k === 0
        ? Number.NEGATIVE_INFINITY
        : k === order.length
          ? Number.POSITIVE_INFINITY
          : (score[order[k - 1]!]! + score[order[k]!]!) / 2;
    const sensitivity = (cases - fnCount) / cases;
    const specificity = tnCount / controls;
    const j = sensitivity + specificity - 1;
    if (j > best.youden + 1e-12) best = { threshold, youden: j, sensitivity, specificity };
    if (k === order.length) break;
    const value = score[order[k]!]!;
    while (k < order.length && score[order[k]!] === value) {
      if (label[order[k]!]) fnCount++;
      else tnCount++;
      k++;
    }
  }
  return best;
}
