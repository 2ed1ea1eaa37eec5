export { ModelManifest } from "./manifest.js";
export {
  checkModelContract,
  loadModel,
  scoreBatch,
  ModelContractError,
  CLINICAL_INPUT,
  type ContractCheck,
  type LoadedModel,
  type LoadModelOptions,
  type PatientTensors,
} from "./load-model.js";
export {
  buildPipeline,
  PIPELINE_NAMES,
  PipelineInputError,
  type PipelineInput,
  type PipelineOutput,
  type PipelineName,
} from "./pipelines.js";
export { preprocessImages, type PreprocessInput, type PreprocessResult } from "./preprocess.js";
export { PreprocessPool, type PreprocessFiles } from "./preprocess-pool.js";
export { movingBytes, ThreadPool } from "./thread-pool.js";
export { onnxruntimeVersion } from "./runtime-version.js";
