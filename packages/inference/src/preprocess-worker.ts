// The body of a PreprocessPool thread: one patient's images → tensors, with pipelines built once per card.
import { buildPipeline, type Pipeline } from "./pipelines.js";
import { preprocessImages, type PreprocessResult } from "./preprocess.js";
import { KeptReadBuffer, movingBytes } from "./thread-pool.js";
import type { PreprocessTask } from "./preprocess-pool.js";

const pipelines = new Map<string, Pipeline>();
/** This thread's read buffer, reused patient after patient (`PreprocessPool.runOnFiles`). */
const kept = new KeptReadBuffer();

export default async function preprocessTask(task: PreprocessTask): Promise<PreprocessResult> {
  const key = `${task.pipeline.name}\u0000${JSON.stringify(task.pipeline.options)}`;
  const pipeline = pipelines.get(key) ?? buildPipeline(task.pipeline.name, task.pipeline.options);
  pipelines.set(key, pipeline);
  const input = "files" in task ? { ...task, blobs: kept.read(task.files) } : task;
  const result = await preprocessImages(pipeline, input);
  if (!("tensors" in result)) return result;
  // A tensor must not be a view of the kept buffer, which the next patient overwrites (no pipeline makes one).
  for (const [name, tensor] of Object.entries(result.tensors))
    if (kept.holds(tensor)) result.tensors[name] = tensor.slice();
  return movingBytes(result, Object.values(result.tensors));
}
