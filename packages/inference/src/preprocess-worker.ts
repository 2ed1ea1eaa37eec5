// The body of a PreprocessPool thread: one patient's images → tensors, with pipelines built once per card.
import { buildPipeline, type Pipeline } from "./pipelines.js";
import { preprocessImages, type PreprocessResult } from "./preprocess.js";
import { movingBytes } from "./thread-pool.js";
import type { PreprocessTask } from "./preprocess-pool.js";

const pipelines = new Map<string, Pipeline>();

export default async function preprocessTask(task: PreprocessTask): Promise<PreprocessResult> {
  const key = `${task.pipeline.name}\u0000${JSON.stringify(task.pipeline.options)}`;
  const pipeline = pipelines.get(key) ?? buildPipeline(task.pipeline.name, task.pipeline.options);
  pipelines.set(key, pipeline);
  const result = await preprocessImages(pipeline, task);
  return "tensors" in result ? movingBytes(result, Object.values(result.tensors)) : result;
}
