export * from "./errors.js";
export * from "./distributions.js";
export { auroc, aurocAtHorizon, delongTest, horizonLabels, type AurocResult, type DelongTestResult } from "./auroc.js";
export { concordance, harrellC, unoC, compareConcordance, type ConcordanceResult, type ConcordanceOptions, type ConcordanceDifference } from "./concordance.js";
export { kaplanMeier, survivalAt, medianSurvival, type KaplanMeierCurve, type KaplanMeierStep } from "./kaplan-meier.js";
export { logRankTest, type LogRankResult } from "./logrank.js";
export { coxPH, type CoxResult } from "./cox.js";
