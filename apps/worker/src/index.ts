// What tests and benchmarks use of the worker: the tasks, the ingestion and the scoring, in process.
export { startWorker, type RunningWorker, type WorkerOptions } from "./worker.js";
export { workerConfig, type WorkerConfig } from "./config.js";
export { TASKS } from "./tasks/index.js";
export { datasetIngest, ingestDatasetJob, ingestSecretsFrom } from "./tasks/dataset__ingest.js";
export { runScore, scoreRunBatch } from "./tasks/run__score.js";
export { runMetrics, computeRunMetricsJob, noMetricsReason } from "./tasks/run__metrics.js";
export { ModelCache } from "./scoring/model-cache.js";
export { computeRunMetrics } from "./scoring/run-metrics.js";
export * from "./ingest/ingest-dataset.js";
export * from "./ingest/deidentify-dicom.js";
export * from "./ingest/inspect-dicom.js";
export { computeRunCurves, INTERVENTION_THRESHOLDS, type CurveInputs } from "./scoring/run-curves.js";
