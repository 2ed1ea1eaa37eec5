// A stored metric's details (JSON written by the metrics job, then filtered by the disclosure rules) as the
// SDL's MetricDetails: named fields, nested objects for the calibration bins, the threshold table, the risk
// group and recalibration. Only known keys pass; a field that does not apply is null.
type Json = Record<string, unknown>;

export interface CalibrationBin {
  n: number;
  events: number;
  meanRisk: number;
  observed: number;
  observedCiLower: number | null;
  observedCiUpper: number | null;
}

export interface Recalibration {
  intercept: number;
  interceptCiLower: number | null;
  interceptCiUpper: number | null;
  slope: number;
  slopeCiLower: number | null;
  slopeCiUpper: number | null;
  n: number | null;
}

export interface MetricDetails {
  ciMethod: string | null;
  analysis: string | null;
  competingRisks: boolean | null;
  comparator: string | null;
  p: number | null;
  z: number | null;
  concordant: number | null;
  discordant: number | null;
  tiedRisk: number | null;
  tiedTime: number | null;
  tau: number | null;
  excludedCensoredBeforeHorizon: number | null;
  excludedMissingScore: number | null;
  observed: number | null;
  observedSe: number | null;
  expected: number | null;
  inTheLarge: number | null;
  slope: number | null;
  slopeCiLower: number | null;
  slopeCiUpper: number | null;
  brier: number | null;
  ipa: number | null;
  calibrationBins: CalibrationBin[] | null;
  calibratedForTargetPopulation: boolean | null;
  interpretation: string | null;
  note: string | null;
  recalibrationNeeded: Recalibration | null;
  recalibratedWith: Recalibration | null;
  method: string | null;
  confusion: {
    threshold: number;
    truePositive: number;
    falsePositive: number;
    trueNegative: number;
    falseNegative: number;
  } | null;
  riskGroup: {
    group: string;
    share: number | null;
    hazardRatio: number | null;
    hazardRatioCiLower: number | null;
    hazardRatioCiUpper: number | null;
    lrChisq: number | null;
    logRankP: number | null;
    grayP: number | null;
    incidence: string | null;
  } | null;
  subgroup: string | null;
  binsWithheld: boolean | null;
  countsWithheld: boolean | null;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === "string" ? v : null);
const bool = (v: unknown) => (typeof v === "boolean" ? v : null);
const pair = (v: unknown): [number | null, number | null] => (Array.isArray(v) ? [num(v[0]), num(v[1])] : [null, null]);

export function metricDetails(stored: unknown): MetricDetails | null {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return null;
  const d = stored as Json;
  const groups = Array.isArray(d.groups) ? (d.groups as Json[]) : null;
  const [interceptLower, interceptUpper] = pair(d.recalibrationInterceptCi);
  const [slopeLower, slopeUpper] = pair(d.recalibrationSlopeCi);
  const applied = d.recalibratedWith && typeof d.recalibratedWith === "object" ? (d.recalibratedWith as Json) : null;
  const hasConfusion = typeof d.truePositive === "number" && typeof d.threshold === "number";
  return {
    ciMethod: str(d.ciMethod),
    analysis: str(d.analysis),
    competingRisks: bool(d.competingRisks),
    comparator: str(d.comparator),
    p: num(d.p),
    z: num(d.z),
    concordant: num(d.concordant),
    discordant: num(d.discordant),
    tiedRisk: num(d.tiedRisk),
    tiedTime: num(d.tiedTime),
    tau: num(d.tau),
    excludedCensoredBeforeHorizon: num(d.excludedCensoredBeforeHorizon),
    excludedMissingScore: num(d.excludedMissingScore),
    observed: num(d.observed),
    observedSe: num(d.observedSe),
    expected: num(d.expected),
    inTheLarge: num(d.inTheLarge),
    slope: num(d.slope),
    slopeCiLower: num(d.slopeCiLower),
    slopeCiUpper: num(d.slopeCiUpper),
    brier: num(d.brier),
    ipa: num(d.ipa),
    calibrationBins: groups
      ? groups.map((g) => {
          const ci = g.observedCi && typeof g.observedCi === "object" ? (g.observedCi as Json) : null;
          return {
            n: num(g.n) ?? 0,
            events: num(g.events) ?? 0,
            meanRisk: num(g.meanRisk) ?? 0,
            observed: num(g.observed) ?? 0,
            observedCiLower: num(ci?.lower),
            observedCiUpper: num(ci?.upper),
          };
        })
      : null,
    calibratedForTargetPopulation: bool(d.calibratedForTargetPopulation),
    interpretation: str(d.interpretation),
    note: str(d.note),
    recalibrationNeeded:
      typeof d.recalibrationIntercept === "number" && typeof d.recalibrationSlope === "number"
        ? {
            intercept: d.recalibrationIntercept,
            interceptCiLower: interceptLower,
            interceptCiUpper: interceptUpper,
            slope: d.recalibrationSlope,
            slopeCiLower: slopeLower,
            slopeCiUpper: slopeUpper,
            n: num(d.recalibrationN),
          }
        : null,
    recalibratedWith:
      applied && typeof applied.intercept === "number" && typeof applied.slope === "number"
        ? {
            intercept: applied.intercept,
            interceptCiLower: null,
            interceptCiUpper: null,
            slope: applied.slope,
            slopeCiLower: null,
            slopeCiUpper: null,
            n: null,
          }
        : null,
    method: str(d.method),
    confusion: hasConfusion
      ? {
          threshold: d.threshold as number,
          truePositive: d.truePositive as number,
          falsePositive: num(d.falsePositive) ?? 0,
          trueNegative: num(d.trueNegative) ?? 0,
          falseNegative: num(d.falseNegative) ?? 0,
        }
      : null,
    riskGroup:
      typeof d.group === "string"
        ? {
            group: d.group,
            share: num(d.share),
            hazardRatio: num(d.hazardRatio),
            hazardRatioCiLower: num(d.hrCiLower),
            hazardRatioCiUpper: num(d.hrCiUpper),
            lrChisq: num(d.lrChisq),
            logRankP: num(d.logRankP),
            grayP: num(d.grayP),
            incidence: str(d.incidence),
          }
        : null,
    subgroup: str(d.subgroup),
    binsWithheld: bool(d.groupsWithheld),
    countsWithheld: bool(d.countsWithheld),
  };
}
