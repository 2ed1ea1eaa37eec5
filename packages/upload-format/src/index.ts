export * from "./manifest-columns.js";
export { renderUploadFormatDoc } from "./render-docs.js";
export { analysisTimeDays, type RecordedOutcome } from "./outcomes.js";
