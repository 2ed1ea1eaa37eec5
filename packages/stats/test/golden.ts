// Loads the golden values written by reference/golden.R.
import { readFileSync } from "node:fs";

export interface GoldenDataset {
  time: number[];
  event: number[];
  scores: Record<string, number[]>;
  group: string[];
  tau: number;
  horizons: number[];
  /** Predicted absolute risk at the first horizon (datasets with calibration goldens). */
  risk?: number[];
}

interface ConcordanceGolden {
  estimate: number;
  se: number;
  concordant: number;
  discordant: number;
  tiedRisk: number;
  tiedTime: number;
  tiedBoth: number;
}

export interface GoldenResults {
  harrell: Record<string, ConcordanceGolden>;
  uno: Record<string, ConcordanceGolden>;
  harrellDiff?: { a: string; b: string; estimate: number; se: number; p: number };
  auroc: {
    horizon: number;
    n: number;
    scores: Record<
      string,
      {
        estimate: number;
        se: number | "NA";
        lower: number | "NA";
        upper: number | "NA";
        cases: number;
        controls: number;
      }
    >;
    delong?: { a: string; b: string; z: number; p: number };
  }[];
  timeDependentAuc: { score: string; time: number; estimate: number; se: number; lower: number; upper: number }[];
  timeDependentAucDiff?: { a: string; b: string; time: number; estimate: number; se: number; p: number }[];
  thresholds?: {
    score: string;
    horizon: number;
    threshold: number;
    tp: number;
    fp: number;
    tn: number;
    fn: number;
    sensitivity: number[];
    specificity: number[];
    ppv: number[];
    npv: number[];
    accuracy: number[];
    youden: { threshold: number; sensitivity: number; specificity: number };
  };
  calibration?: {
    horizon: number;
    observed: number;
    expected: number;
    lowerS: number;
    upperS: number;
    slope: number;
    slopeSe: number;
    groups: { n: number; events: number; meanRisk: number; observed: number; lower: number; upper: number }[];
    brier: number;
    nullBrier: number;
    ipa: number;
    netBenefit: { threshold: number; model: number; treatAll: number }[];
  };
  km: {
    time: number[];
    nRisk: number[];
    nEvent: number[];
    nCensor: number[];
    survival: number[];
    stdErr: (number | "NA")[];
    lower: (number | "NA")[];
    upper: (number | "NA")[];
    median: number | "NA";
  };
  logrank: { groups: string[]; observed: number[]; expected: number[]; chisq: number; df: number; p: number };
  cox: {
    terms: string[];
    coef: number[];
    se: number[];
    loglik: number[];
    waldChisq: number;
    scoreChisq: number;
    lrChisq: number;
    baseline: { time: number[]; cumulativeHazard: number[] };
    predictRisk: { time: number; x: Record<string, number>; risk: number };
  };
}

export interface Golden {
  versions: Record<string, string>;
  datasets: Record<string, GoldenDataset>;
  results: Record<string, GoldenResults>;
}

export const golden: Golden = JSON.parse(
  readFileSync(new URL("../reference/golden.json", import.meta.url), "utf8"),
) as Golden;

/** R's NA (written by jsonlite as the string "NA") as null. */
export const na = (v: number | "NA"): number | null => (v === "NA" ? null : v);
