// `fracval synth --site NAME --n N --seed S --out DIR [--modality xray|ct|none] [--matched] [--profiles DIR]`
import { findProfile, writeDataset, type SynthModality } from "@fracval/synth";
import { UsageError } from "./usage-error.js";
import { imageWriterFor } from "./synth-images.js";

export interface SynthFlags {
  site: string;
  n: string;
  seed: string;
  out: string;
  modality: string;
  matched?: boolean;
  profiles?: string;
}

export function synth(flags: SynthFlags): void {
  const n = Number(flags.n);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new UsageError(`--n: "${flags.n}" is not a whole number from 1 to 1,000,000`);
  const seed = Number(flags.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: "${flags.seed}" is not an integer`);
  if (!["xray", "ct", "none"].includes(flags.modality))
    throw new UsageError(`--modality: "${flags.modality}" must be xray, ct or none`);
  let profile: ReturnType<typeof findProfile>;
  try {
    profile = findProfile(flags.site, flags.profiles);
  } catch (error) {
    throw new UsageError(`--site: ${(error as Error).message}`);
  }
  const modality = flags.modality as SynthModality;
  const started = Date.now();
  const { patients, manifestPath } = writeDataset({
    profile,
    n,
    seed,
    out: flags.out,
    modality,
    matched: flags.matched ?? false,
    writeImages: imageWriterFor(modality, profile, seed),
    onProgress: (done, total) => {
      if (process.stderr.isTTY && (done % 10 === 0 || done === total))
        process.stderr.write(`\r  ${done}/${total} patients`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  const events = patients.filter((p) => p.event).length;
  process.stderr.write(
    `Wrote ${patients.length} SYNTHETIC ${profile.site} patients (${events} incident fractures, modality ${modality}) to ${manifestPath} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
