// A FRAX-like 10-year fracture probability. FRAX (University of Sheffield) is proprietary; this is a
// documented surrogate with FRAX's inputs and plausible effect sizes, so that synthetic sites can
// upload "FRAX" columns the way real sites do. It is NOT FRAX and must never be presented as such.
//
//   MOF:  p = 1 − exp(−exp(−2.60 + 0.040(age−65) − 0.020(BMI−24) + 0.45·prior + 0.25·parentalHip
//                          + 0.10·smoking + 0.30·glucocorticoids + 0.15·RA + 0.15·alcohol − 0.30·T))
//   hip:  p = 1 − exp(−exp(−4.20 + 0.070(age−65) − 0.030(BMI−24) + 0.40·prior + 0.30·parentalHip
//                          + 0.15·smoking + 0.35·glucocorticoids + 0.20·RA + 0.20·alcohol − 0.55·T))
// with T the femoral-neck T-score. As in FRAX with BMD, secondary osteoporosis adds nothing.

export interface FraxInputs {
  age: number;
  bmi: number;
  priorFracture: boolean;
  parentalHipFracture: boolean;
  currentSmoking: boolean;
  glucocorticoids: boolean;
  rheumatoidArthritis: boolean;
  alcohol3Plus: boolean;
  femoralNeckTScore: number;
}

const b = (x: boolean) => (x ? 1 : 0);

export function fraxLikeProbabilities(x: FraxInputs): { mof: number; hip: number } {
  const common = (w: number[]) =>
    w[0]! * b(x.priorFracture) +
    w[1]! * b(x.parentalHipFracture) +
    w[2]! * b(x.currentSmoking) +
    w[3]! * b(x.glucocorticoids) +
    w[4]! * b(x.rheumatoidArthritis) +
    w[5]! * b(x.alcohol3Plus);
  const mofLp =
    -2.6 +
    0.04 * (x.age - 65) -
    0.02 * (x.bmi - 24) +
    common([0.45, 0.25, 0.1, 0.3, 0.15, 0.15]) -
    0.3 * x.femoralNeckTScore;
  const hipLp =
    -4.2 +
    0.07 * (x.age - 65) -
    0.03 * (x.bmi - 24) +
    common([0.4, 0.3, 0.15, 0.35, 0.2, 0.2]) -
    0.55 * x.femoralNeckTScore;
  return { mof: 1 - Math.exp(-Math.exp(mofLp)), hip: 1 - Math.exp(-Math.exp(hipLp)) };
}
