// Worker thread body of bootstrapParallel.
import { parentPort, workerData } from "node:worker_threads";
import { bootstrapRange } from "./bootstrap.js";
import { metricStatistic, type MetricName, type SurvivalColumns } from "./bootstrap-metrics.js";

const { metric, data, seed, from, to } = workerData as {
  metric: MetricName;
  data: SurvivalColumns;
  seed: number;
  from: number;
  to: number;
};
parentPort!.postMessage(bootstrapRange(data.time.length, metricStatistic(metric, data), seed, from, to));
