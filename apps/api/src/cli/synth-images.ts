// Image writers for `fracval synth`, by modality.
import type { ImageRef, SynthModality, SyntheticPatient } from "@fracval/synth";
import { UsageError } from "./usage-error.js";

export function imageWriterFor(modality: SynthModality): ((patient: SyntheticPatient, dir: string) => ImageRef) | undefined {
  if (modality === "none") return undefined;
  throw new UsageError(`--modality ${modality}: image generation is not available yet in this version; use --modality none`);
}
