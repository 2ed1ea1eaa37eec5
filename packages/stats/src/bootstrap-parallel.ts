// Runs the bootstrap of a named metric on worker threads. Each worker computes a contiguous range of
// replicates; results are identical to the single-threaded bootstrap with the same seed.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { summariseBootstrap, type BootstrapOptions, type BootstrapResult } from "./bootstrap.js";
import type { MetricName, SurvivalColumns } from "./bootstrap-metrics.js";

export async function bootstrapParallel(
  metric: MetricName,
  data: SurvivalColumns,
  options: BootstrapOptions & { threads?: number },
): Promise<BootstrapResult> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), options.replicates));
  const per = Math.ceil(options.replicates / threads);
  const ranges = Array.from(
    { length: threads },
    (_, t) => [t * per, Math.min(options.replicates, (t + 1) * per)] as const,
  ).filter(([a, b]) => b > a);
  const parts = await Promise.all(
    ranges.map(
      ([from, to]) =>
        new Promise<Float64Array>((resolve, reject) => {
          const worker = new Worker(new URL("./bootstrap-worker-entry.mjs", import.meta.url), {
            workerData: { metric, data, seed: options.seed, from, to },
          });
          worker.once("message", (values: Float64Array) => resolve(values));
          worker.once("error", reject);
          worker.once("exit", (code) => code !== 0 && reject(new Error(`bootstrap worker exited with ${code}`)));
        }),
    ),
  );
  const all = new Float64Array(options.replicates);
  ranges.forEach(([from], k) => all.set(parts[k]!, from));
  return summariseBootstrap(all, options.level);
}
