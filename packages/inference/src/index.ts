export { ModelManifest } from "./manifest.js";
export { loadModel, scoreBatch, ModelContractError, type LoadedModel, type LoadModelOptions } from "./load-model.js";
