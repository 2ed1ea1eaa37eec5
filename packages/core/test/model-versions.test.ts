// Model registration validates the ONNX artifact against its model card before freezing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@fracval/testing";
import { checkModelVersion, FileContentStore, registerModelDirectory, registerModelVersion } from "../src/index.js";

const modelsDir = fileURLToPath(new URL("../../../models/", import.meta.url));
let t: TestDatabase;
const store = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-models-store-")));

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("model registry", () => {
  it("registers the reference models in models/ once, PUBLISHED and content-addressed", async () => {
    const added = await registerModelDirectory(t.db, store, modelsDir);
    // Every committed version directory (clinical baselines and image models), in directory order.
    const committed = readdirSync(modelsDir)
      .sort()
      .flatMap((family) =>
        existsSync(join(modelsDir, family)) && statSync(join(modelsDir, family)).isDirectory()
          ? readdirSync(join(modelsDir, family))
              .sort()
              .filter((v) => existsSync(join(modelsDir, family, v, "model.onnx")))
              .map((v) => `${family}@${v}`)
          : [],
      );
    expect(added).toEqual(committed);
    expect(added).toEqual(
      expect.arrayContaining([
        "clinical-coxph-m1@1.0.0",
        "clinical-logistic-d@1.0.0",
        "ct-bone-muscle@1.0.0",
        "xray-deepsurv@1.0.0",
      ]),
    );
    expect(await registerModelDirectory(t.db, store, modelsDir)).toEqual([]); // idempotent
    const m1 = await t.db.modelVersion.findFirstOrThrow({
      where: { family: "clinical-coxph-m1" },
      include: { study: true },
    });
    expect(m1).toMatchObject({
      status: "PUBLISHED",
      kind: "CLINICAL_BASELINE",
      task: "LOG_HAZARD",
      study: { slug: "xray-deepsurv" },
    });
    expect(m1.artifactSha256).toBe(
      JSON.parse(readFileSync(join(modelsDir, "clinical-coxph-m1/1.0.0/manifest.json"), "utf8")).sha256,
    );
    expect(await store.has(m1.artifactSha256)).toBe(true);
  });

  it("refuses an artifact that is not the model its card describes, with the reason, storing nothing", async () => {
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "xray-deepsurv" } });
    const manifest = {
      ...JSON.parse(readFileSync(join(modelsDir, "clinical-coxph-m2/1.0.0/manifest.json"), "utf8")),
      version: "9.9.9",
    };
    const before = await t.db.modelVersion.count();
    await expect(
      registerModelVersion(t.db, store, null, {
        studyId: study.id,
        family: manifest.family,
        version: "9.9.9",
        kind: "CLINICAL_BASELINE",
        task: "LOG_HAZARD",
        outputSemantics: "log hazard",
        manifest: { ...manifest, inputs: [{ ...manifest.inputs[0], shape: ["batch", 7] }] },
        artifact: new Uint8Array(readFileSync(join(modelsDir, "clinical-coxph-m2/1.0.0/model.onnx"))),
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      userMessage: expect.stringMatching(
        /The model was refused: input "clinical" has shape \[batch, 7\]; manifest.clinicalFeatures lists 3 features/,
      ),
    });
    await expect(
      registerModelVersion(t.db, store, null, {
        studyId: study.id,
        family: manifest.family,
        version: "9.9.9",
        kind: "CLINICAL_BASELINE",
        task: "SCORE",
        outputSemantics: "log hazard",
        manifest,
        artifact: new Uint8Array(readFileSync(join(modelsDir, "clinical-coxph-m2/1.0.0/model.onnx"))),
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      userMessage: expect.stringMatching(/card says task = LOG_HAZARD/),
    });
    expect(await t.db.modelVersion.count()).toBe(before);
  });

  it("the contract check, item by item: a wrong sha256 fails its item and the rest is still checked", async () => {
    const study = await t.db.study.findFirstOrThrow({ where: { slug: "xray-deepsurv" } });
    const card = JSON.parse(readFileSync(join(modelsDir, "clinical-coxph-m2/1.0.0/manifest.json"), "utf8"));
    const onnx = new Uint8Array(readFileSync(join(modelsDir, "clinical-coxph-m2/1.0.0/model.onnx")));
    const registration = (manifest: Record<string, unknown>, artifact = onnx) => ({
      studyId: study.id,
      family: card.family,
      version: "8.0.0",
      kind: "CLINICAL_BASELINE" as const,
      task: "LOG_HAZARD" as const,
      outputSemantics: "log hazard",
      manifest: { ...manifest, version: "8.0.0" },
      artifact,
    });
    const before = await t.db.modelVersion.count();
    const summary = (r: Awaited<ReturnType<typeof checkModelVersion>>) => r.checks.map((c) => `${c.name}: ${c.status}`);
    const good = await checkModelVersion(t.db, registration(card));
    expect(good.accepted).toBe(true);
    expect(summary(good)).toEqual([
      "Registration fields: PASSED",
      "Study: PASSED",
      "New version: PASSED",
      "Card names the registration: PASSED",
      "Model card: PASSED",
      "Preprocessing pipeline: PASSED",
      "Every input fed: PASSED",
      "sha256 of the file: PASSED",
      "ONNX file loads: PASSED",
      "Input and output names: PASSED",
      "Input types and shapes: PASSED",
      "Dry run: PASSED",
    ]);
    const wrongHash = await checkModelVersion(t.db, registration({ ...card, sha256: "0".repeat(64) }));
    expect(wrongHash.accepted).toBe(false);
    expect(wrongHash.checks.filter((c) => c.status !== "PASSED")).toEqual([
      {
        name: "sha256 of the file",
        status: "FAILED",
        detail: `manifest.sha256 is ${"0".repeat(64)} but the ONNX file hashes to ${card.sha256}`,
      },
    ]);
    // Not an ONNX file: it fails to load, and what depends on the session is not checked.
    const notOnnx = await checkModelVersion(t.db, registration(card, new TextEncoder().encode("not a model")));
    expect(summary(notOnnx).slice(7)).toEqual([
      "sha256 of the file: FAILED",
      "ONNX file loads: FAILED",
      "Input and output names: NOT_CHECKED",
      "Input types and shapes: NOT_CHECKED",
      "Dry run: NOT_CHECKED",
    ]);
    expect(notOnnx.checks[8]!.detail).toMatch(/^the file is not a loadable ONNX model: /);
    // Nothing is stored by a check.
    expect(await t.db.modelVersion.count()).toBe(before);
    // Registration refuses with the first failure, named.
    await expect(
      registerModelVersion(t.db, store, null, registration({ ...card, sha256: "0".repeat(64) })),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      userMessage: expect.stringMatching(/^The model was refused: manifest.sha256 is 0{64}/),
    });
  });
});
