export * from "./image.js";
export * from "./intensity.js";
export * from "./geometry.js";
export * from "./decode-dicom.js";
export * from "./clahe.js";
