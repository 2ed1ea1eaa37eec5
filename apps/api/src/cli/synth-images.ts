// Image writers for `fracval synth`, by modality.
import {
  ctWriter,
  xrayWriter,
  type ImageRef,
  type SiteProfile,
  type SynthModality,
  type SyntheticPatient,
} from "@fracval/synth";

export function imageWriterFor(
  modality: SynthModality,
  profile: SiteProfile,
  seed: number,
): ((patient: SyntheticPatient, dir: string) => ImageRef) | undefined {
  if (modality === "none") return undefined;
  return modality === "xray" ? xrayWriter(profile, seed) : ctWriter(profile, seed);
}
