export * from "./manifest-columns.js";
