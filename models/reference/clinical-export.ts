// Shared by the clinical baseline builds (models/clinical-coxph, models/clinical-logistic): features
// standardised on the development cohort, and coefficients written and exported to ONNX by the family's
// export_onnx.py (Debian python3-onnx).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface StandardisedFeature {
  name: string;
  column: string;
  mean: number;
  /** Sample SD (n − 1). */
  sd: number;
  /** (x − mean)/sd per patient. */
  z: Float64Array;
}

export function standardiseFeatures<P>(
  patients: P[],
  names: string[],
  features: Record<string, { column: string; value: (p: P) => number }>,
): StandardisedFeature[] {
  return names.map((name) => {
    const x = patients.map(features[name]!.value);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
    return { name, column: features[name]!.column, mean, sd, z: Float64Array.from(x, (v) => (v - mean) / sd) };
  });
}

/** Writes <family>/1.0.0/coefficients.json, runs `<exporterDir>/export_onnx.py` on it; returns the folder and the ONNX sha256. */
export function exportCoefficients(
  exporterDir: string,
  family: string,
  coefficients: Record<string, unknown>,
): { dir: string; sha256: string } {
  const dir = join(exporterDir, "..", family, "1.0.0");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "coefficients.json"), `${JSON.stringify({ family, ...coefficients }, null, 2)}\n`);
  const exported = spawnSync("/usr/bin/python3", [join(exporterDir, "export_onnx.py"), dir], { encoding: "utf8" });
  if (exported.status !== 0) throw new Error(exported.stderr);
  return {
    dir,
    sha256: createHash("sha256")
      .update(readFileSync(join(dir, "model.onnx")))
      .digest("hex"),
  };
}
