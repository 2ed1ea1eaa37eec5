export * from "./errors.js";
export * from "./distributions.js";
export { auroc, aurocAtHorizon, delongTest, horizonLabels, type AurocResult, type DelongTestResult } from "./auroc.js";
export {
  concordance,
  harrellC,
  unoC,
  compareConcordance,
  type ConcordanceResult,
  type ConcordanceOptions,
  type ConcordanceDifference,
} from "./concordance.js";
export {
  kaplanMeier,
  survivalAt,
  medianSurvival,
  type KaplanMeierCurve,
  type KaplanMeierStep,
} from "./kaplan-meier.js";
export { logRankTest, type LogRankResult } from "./logrank.js";
export { coxPH, coxPredictRisk, baselineHazardAt, type CoxResult } from "./cox.js";
export {
  bootstrap,
  bootstrapRange,
  summariseBootstrap,
  resampleIndices,
  mulberry32,
  quantileType7,
  type BootstrapOptions,
  type BootstrapResult,
} from "./bootstrap.js";
export { bootstrapParallel } from "./bootstrap-parallel.js";
export { metricStatistic, type MetricName, type SurvivalColumns } from "./bootstrap-metrics.js";
export {
  timeDependentAuc,
  compareTimeDependentAuc,
  type TimeDependentAucResult,
  type TimeDependentAucDifference,
} from "./time-dependent-auc.js";
export {
  wilson,
  thresholdMetrics,
  youdenThreshold,
  type Proportion,
  type ThresholdMetrics,
} from "./threshold-metrics.js";
export {
  calibrationAtHorizon,
  brierScore,
  netBenefit,
  censoringWeights,
  type CalibrationResult,
  type CalibrationGroup,
  type NetBenefitPoint,
} from "./calibration.js";
export { logisticRegression, binaryCalibration, type LogisticFit, type BinaryCalibration } from "./logistic.js";
export { tTest, chiSquareTest, regularizedBeta, studentTwoSidedP, type TTestResult } from "./tests-classic.js";
export { assignRiskGroups, summariseRiskGroups, type RiskGroupRule, type RiskGroupSummary } from "./risk-groups.js";
export { baselineTable, type BaselineVariable, type BaselineRow } from "./baseline-table.js";
export { logitCi, LOGIT_CI_METHOD } from "./intervals.js";
export {
  competingRisksData,
  cumulativeIncidence,
  cumulativeIncidenceAt,
  grayTest,
  competingRisksAuc,
  competingRisksBrier,
  competingRisksCalibration,
  type CompetingRisksData,
  type CumulativeIncidenceCurve,
  type CumulativeIncidencePoint,
  type GrayTestResult,
  type CompetingRisksBrier,
  type CompetingRisksCalibration,
  type StatusInput,
} from "./competing-risks.js";
export {
  randomEffectsMeta,
  studentTQuantile,
  type MetaAnalysisOptions,
  type MetaAnalysisResult,
  type MetaMethod,
} from "./meta-analysis.js";
export {
  rocCurve,
  flexibleCalibration,
  splineKnots3,
  splineTerm3,
  type RocCurve,
  type RocPoint,
  type FlexibleCalibration,
} from "./curves.js";
export { poolOnScale, POOLING_SCALES, type PoolingScale, type PooledOnScale } from "./pooling.js";
export {
  caseMixTable,
  onewayAnovaP,
  type CaseMixVariable,
  type CaseMixRow,
  type ContinuousSummary,
} from "./case-mix.js";
