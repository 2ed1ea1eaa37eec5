// The onnxruntime-node version the workers score with, for the provenance of every metric.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Version of the installed onnxruntime-node package (read from its package.json, without loading it). */
export function onnxruntimeVersion(): string {
  return (require("onnxruntime-node/package.json") as { version: string }).version;
}
