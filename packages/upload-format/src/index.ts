export * from "./manifest-columns.js";
export { renderUploadFormatDoc } from "./render-docs.js";
export { analysisTimeDays, competingOutcome, type CompetingStatus, type RecordedOutcome } from "./outcomes.js";
