export * from "./manifest-columns.js";
export { renderUploadFormatDoc } from "./render-docs.js";
