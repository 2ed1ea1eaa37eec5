// Image writers for `fracval synth`, by modality.
import { xrayWriter, type ImageRef, type SiteProfile, type SynthModality, type SyntheticPatient } from "@fracval/synth";
import { UsageError } from "./usage-error.js";

export function imageWriterFor(modality: SynthModality, profile: SiteProfile, seed: number): ((patient: SyntheticPatient, dir: string) => ImageRef) | undefined {
  if (modality === "none") return undefined;
  if (modality === "xray") return xrayWriter(profile, seed);
  throw new UsageError(`--modality ${modality}: CT series generation is not available yet in this version; use xray or none`);
}
