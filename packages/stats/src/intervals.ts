// Confidence intervals for a proportion-like statistic (C-index, AUC) on the logit scale.
import { Z_95 } from "./distributions.js";
import { InvalidValueError } from "./errors.js";

/**
 * 95 % interval of a C-statistic or AUC on the logit scale, by the delta method: the interval
 * logit(θ) ± z·SE/(θ(1 − θ)) back-transformed with the logistic function, so that it always lies
 * inside (0, 1) (validation papers and meta-analyses of C, Debray et al. BMJ 2017, pool on this scale).
 * `estimate` in (0, 1) and its `se` on the natural scale (≥ 0). Rejects an estimate of exactly 0 or 1
 * (no logit) and a negative or non-finite SE.
 * R: plogis(qlogis(theta) + c(-1, 1) * qnorm(0.975) * se / (theta * (1 - theta))), as metamisc::ccalc.
 */
export function logitCi(estimate: number, se: number): { lower: number; upper: number } {
  if (!(estimate > 0 && estimate < 1))
    throw new InvalidValueError("estimate", 0, estimate, "a logit interval needs an estimate strictly between 0 and 1");
  if (!(se >= 0) || !Number.isFinite(se))
    throw new InvalidValueError("se", 0, se, "must be a finite standard error ≥ 0");
  const centre = Math.log(estimate / (1 - estimate));
  const half = (Z_95 * se) / (estimate * (1 - estimate));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return { lower: expit(centre - half), upper: expit(centre + half) };
}

/** The method label stored beside a C or AUC row whose interval comes from logitCi. */
export const LOGIT_CI_METHOD = "logit (delta method)";
