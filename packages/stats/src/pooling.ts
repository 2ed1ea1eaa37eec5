// Pooling per-site estimates on the scale each kind of estimate is pooled on, reported back on the
// natural scale: C-statistics and AUCs on the logit scale, O/E ratios on the log scale, differences (ΔC,
// ΔAUC) as they are (Debray et al., BMJ 2017). The random-effects model itself is meta-analysis.ts.
import { Z_95 } from "./distributions.js";
import { StatsInputError } from "./errors.js";
import { randomEffectsMeta, type MetaMethod } from "./meta-analysis.js";

/** The analysis scale of each kind of estimate, and the maps between it and the natural scale. */
export const POOLING_SCALES = {
  // C-statistics and AUCs: logit, SE by the delta method (se / (p (1 − p))).
  logit: {
    check: (v: number) => (v > 0 && v < 1 ? null : "must lie strictly between 0 and 1 for the logit scale"),
    to: (p: number) => Math.log(p / (1 - p)),
    seTo: (p: number, se: number) => se / (p * (1 - p)),
    from: (y: number) => 1 / (1 + Math.exp(-y)),
  },
  // O/E ratios: log, SE by the delta method (se / ratio).
  log: {
    check: (v: number) => (v > 0 ? null : "must be positive for the log scale"),
    to: Math.log,
    seTo: (r: number, se: number) => se / r,
    from: Math.exp,
  },
  // Differences (ΔC, ΔAUC): as they are.
  identity: { check: () => null, to: (x: number) => x, seTo: (_: number, se: number) => se, from: (y: number) => y },
} as const;
export type PoolingScale = keyof typeof POOLING_SCALES;

export interface PooledOnScale {
  k: number;
  scale: PoolingScale;
  method: MetaMethod;
  hksj: boolean;
  /** Back-transformed estimate and CI; `se` on the analysis scale (as metafor reports it). */
  pooled: { estimate: number; ci: { lower: number; upper: number }; se: number };
  predictionInterval: { lower: number; upper: number };
  tau2: number;
  /** I² and the weights as fractions 0–1. */
  i2: number;
  q: number;
  qP: number;
  studies: { estimate: number; ci: { lower: number; upper: number }; weight: number }[];
}

/**
 * Random-effects pooling of estimates with standard errors on `scale` (REML by default, Hartung-Knapp-
 * Sidik-Jonkman on by default), back-transformed: metafor::rma.uni(yi = to(est), sei = seTo(est, se),
 * method, test = "knha" or "z") + predict(res, transf = from). Each study's CI is to(est) ± 1.96·sei,
 * back-transformed. Rejects an estimate outside the scale's domain or a non-positive SE, naming its index.
 */
export function poolOnScale(
  estimates: readonly number[],
  ses: readonly number[],
  scale: PoolingScale,
  options: { method?: MetaMethod; hksj?: boolean } = {},
): PooledOnScale {
  const map = POOLING_SCALES[scale];
  estimates.forEach((e, i) => {
    const problem = map.check(e);
    if (problem) throw new StatsInputError(`estimate ${i + 1} (${e}) ${problem}`);
    if (!(ses[i]! > 0)) throw new StatsInputError(`standard error ${i + 1} (${ses[i]}) must be positive`);
  });
  const method = options.method ?? "REML";
  const hksj = options.hksj ?? true;
  const yi = estimates.map((e) => map.to(e));
  const sei = estimates.map((e, i) => map.seTo(e, ses[i]!));
  const fit = randomEffectsMeta(yi, sei, { method, hksj });
  return {
    k: fit.k,
    scale,
    method,
    hksj,
    pooled: {
      estimate: map.from(fit.estimate),
      ci: { lower: map.from(fit.ci.lower), upper: map.from(fit.ci.upper) },
      se: fit.se,
    },
    predictionInterval: {
      lower: map.from(fit.predictionInterval.lower),
      upper: map.from(fit.predictionInterval.upper),
    },
    tau2: fit.tau2,
    i2: fit.i2,
    q: fit.q,
    qP: fit.qP,
    studies: estimates.map((estimate, i) => ({
      estimate,
      ci: { lower: map.from(yi[i]! - Z_95 * sei[i]!), upper: map.from(yi[i]! + Z_95 * sei[i]!) },
      weight: fit.weights[i]!,
    })),
  };
}
