// Each reference image model, run by onnxruntime-node on the platform's preprocessing of a SYNTHETIC
// external-site cohort it never saw, beats the FRAX-like MOF column on its primary metric; the numbers
// in its model card are the ones recomputed here. Families sharing an external cohort are evaluated in
// one pass (each patient rendered once). Used by reference-*.test.ts.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { evaluateExternal, versionDir } from "../../reference/evaluate.js";
import { findFamily } from "../../reference/families.js";

/**
 * The card was computed on the build machine; onnxruntime's CPU kernels may round differently on
 * another CPU (float32, ~1e-6 relative on a score), which can reorder a near-tie: allow 0.002.
 */
const CARD_TOLERANCE = 0.002;

/** The checks of one group of families that share an external cohort (one file per group, so groups run in parallel). */
export function referenceModelChecks(families: string[]): void {
  describe(`reference models ${families.join(" and ")}`, () => {
    const specs = families.map(findFamily);
    it("are committed as ONNX under 10 MB whose sha256 the manifest states", () => {
      for (const spec of specs) {
        const onnx = readFileSync(join(versionDir(spec), "model.onnx"));
        expect(statSync(join(versionDir(spec), "model.onnx")).size).toBeLessThan(10 * 1024 * 1024);
        const manifest = JSON.parse(readFileSync(join(versionDir(spec), "manifest.json"), "utf8"));
        expect(manifest.sha256).toBe(createHash("sha256").update(onnx).digest("hex"));
        expect(manifest.trainingData).toMatch(/SYNTHETIC/);
      }
    });

    it("beat the FRAX-like column on the external cohort, with the card's numbers", async () => {
      const results = await evaluateExternal(specs);
      results.forEach((result, k) => {
        const spec = specs[k]!;
        const card = JSON.parse(readFileSync(join(versionDir(spec), "manifest.json"), "utf8"))
          .externalMetrics as Record<string, number>;
        expect(result.n).toBe(spec.external.n);
        expect(card).toMatchObject({ n: result.n, events: result.events, prevalent: result.prevalent });
        for (const metric of ["harrellC", "aurocAtHorizon", "aurocPrevalent"] as const) {
          expect(Math.abs(result.model[metric] - card[metric]!)).toBeLessThanOrEqual(CARD_TOLERANCE);
          expect(result.frax[metric]).toBe(card[`${metric}FraxMof`]); // no model involved: exact
        }
        expect(
          result.model[spec.primary],
          `${spec.family}: ${spec.primary} model ${result.model[spec.primary]} vs FRAX-like ${result.frax[spec.primary]}`,
        ).toBeGreaterThan(result.frax[spec.primary]);
      });
    }, 600_000);
  });
}
