// Every queue the worker consumes, one task per file (DESIGN.md: apps/worker/src/tasks/<entity__action>.ts).
import { datasetIngest } from "./dataset__ingest.js";
import { runMetrics } from "./run__metrics.js";
import { runScore } from "./run__score.js";
import type { AnyTask } from "./task.js";

export const TASKS: readonly AnyTask[] = [datasetIngest, runScore, runMetrics];
