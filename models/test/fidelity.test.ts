// The training tooling hands the pipelines images as the DICOM decoder would return them, without the
// disk round trip. Here that shortcut is checked: writing the synthetic images as DICOM (as an upload
// would carry them), decoding them with the platform's decoder and taking the landmarks from the written
// manifest gives exactly the same model inputs.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeDicom } from "@fracval/imaging";
import { buildPipeline, preprocessImages, PreprocessPool } from "@fracval/inference";
import { ctWriter, findProfile, manifestRow, xrayWriter } from "@fracval/synth";
import { cohortOf, ctInput, radiographInput } from "../reference/cohort-tensors.js";
import { findFamily } from "../reference/families.js";

const landmarksFromRow = (row: Record<string, string>, names: [string, string, string][]) =>
  Object.fromEntries(
    names.filter(([, x]) => row[x]).map(([name, x, y]) => [name, [Number(row[x]), Number(row[y])] as [number, number]]),
  );

describe("training inputs = upload inputs", () => {
  it("radiographs: decoded DICOM + manifest centres give the same patches and full frames", async () => {
    const cohort = { profile: "Boramae", n: 3, seed: 4242 };
    const dir = mkdtempSync(join(tmpdir(), "fracval-fidelity-x-"));
    const write = xrayWriter(findProfile(cohort.profile), cohort.seed);
    for (const patient of cohortOf(cohort)) {
      const ref = write(patient, dir);
      const row = manifestRow(patient, ref);
      const decoded = await decodeDicom(new Uint8Array(readFileSync(join(dir, ref.path.replace("images/", "")))));
      const uploaded = {
        images: [decoded],
        landmarks: landmarksFromRow(
          row,
          ["T11", "T12", "L1", "L2", "L3", "L4", "L5"].map((l) => [l, `${l.toLowerCase()}_x`, `${l.toLowerCase()}_y`]),
        ),
      };
      const direct = radiographInput(patient, cohort.seed);
      expect(uploaded.landmarks).toEqual(direct.landmarks);
      expect(decoded.pixelSpacing).toEqual(direct.images[0]!.pixelSpacing);
      expect(decoded.image.data).toEqual(direct.images[0]!.image.data);
      for (const family of ["xray-deepsurv", "verte-x-pvf"]) {
        const { pipeline } = findFamily(family);
        const run = buildPipeline(pipeline.name, pipeline.options).run;
        const a = run(uploaded);
        const b = run(direct);
        for (const name of Object.keys(b)) expect(a[name]).toEqual(b[name]);
      }
    }
  }, 60_000);

  it("CT series: decoded slices (cranial → caudal) + manifest body centre give the same crops", async () => {
    const cohort = { profile: "Boramae", n: 2, seed: 4243 };
    const dir = mkdtempSync(join(tmpdir(), "fracval-fidelity-ct-"));
    const write = ctWriter(findProfile(cohort.profile), cohort.seed);
    const { pipeline } = findFamily("ct-bone-muscle");
    const { run, imagesRead } = buildPipeline(pipeline.name, pipeline.options);
    for (const patient of cohortOf(cohort)) {
      const ref = write(patient, dir);
      const row = manifestRow(patient, ref);
      const folder = join(dir, ref.path.replace("images/", ""));
      const slices: Awaited<ReturnType<typeof decodeDicom>>[] = [];
      for (const file of readdirSync(folder).sort())
        slices.push(await decodeDicom(new Uint8Array(readFileSync(join(folder, file)))));
      const uploaded = { images: slices, landmarks: landmarksFromRow(row, [["body", "ct_body_x", "ct_body_y"]]) };
      const direct = ctInput(patient, cohort.seed);
      expect(uploaded.landmarks).toEqual(direct.landmarks);
      expect(slices.map((s) => s.image.data)).toEqual(direct.images.map((s) => s.image.data));
      const a = run(uploaded);
      const b = run(direct);
      expect(a.bone).toEqual(b.bone);
      expect(a.bone_muscle).toEqual(b.bone_muscle);
      // Scoring decodes only the slices the pipeline reads: the same tensors, bit for bit.
      const read = imagesRead(slices.length);
      expect(read).toHaveLength(14);
      expect(slices.length).toBeGreaterThan(14);
      const selected = run({ ...uploaded, images: read.map((k) => slices[k]!) });
      expect(selected.bone).toEqual(a.bone);
      expect(selected.bone_muscle).toEqual(a.bone_muscle);
    }
  }, 60_000);

  it("the preprocessing threads give the tensors of the calling thread, bit for bit, and the same reasons", async () => {
    const pool = new PreprocessPool(2);
    try {
      const xdir = mkdtempSync(join(tmpdir(), "fracval-fidelity-pool-x-"));
      const cohort = { profile: "Severance", n: 1, seed: 4244 };
      const writeX = xrayWriter(findProfile(cohort.profile), cohort.seed);
      const writeCt = ctWriter(findProfile(cohort.profile), cohort.seed);
      const levels = ["T11", "T12", "L1", "L2", "L3", "L4", "L5"];
      for (const patient of cohortOf(cohort)) {
        const ref = writeX(patient, xdir);
        const row = manifestRow(patient, ref);
        const bytes = () => new Uint8Array(readFileSync(join(xdir, ref.path.replace("images/", ""))));
        const landmarks = landmarksFromRow(
          row,
          levels.map((l) => [l, `${l.toLowerCase()}_x`, `${l.toLowerCase()}_y`]),
        );
        for (const family of ["xray-deepsurv", "verte-x-pvf"]) {
          const { pipeline: card } = findFamily(family);
          const pipeline = buildPipeline(card.name, card.options);
          const here = await preprocessImages(pipeline, { blobs: [bytes()], positions: null, landmarks });
          // The pool is handed its own copy: the blob moves to the thread.
          const there = await pool.run(pipeline, { blobs: [bytes()], positions: null, landmarks });
          // Or the thread reads the file itself, into the buffer it keeps.
          const path = join(xdir, ref.path.replace("images/", ""));
          const read = await pool.runOnFiles(pipeline, { files: [path], positions: null, landmarks });
          if (!("tensors" in here) || !("tensors" in there) || !("tensors" in read))
            throw new Error("expected tensors");
          expect(Object.keys(there.tensors)).toEqual(Object.keys(here.tensors));
          expect(Object.keys(read.tensors)).toEqual(Object.keys(here.tensors));
          for (const name of Object.keys(here.tensors)) {
            expect(Buffer.from(there.tensors[name]!.buffer)).toEqual(Buffer.from(here.tensors[name]!.buffer));
            expect(Buffer.from(read.tensors[name]!.buffer)).toEqual(Buffer.from(here.tensors[name]!.buffer));
          }
          expect(there.images).toBe(1);
          expect(read.images).toBe(1);
        }
        const cdir = mkdtempSync(join(tmpdir(), "fracval-fidelity-pool-ct-"));
        const cref = writeCt(patient, cdir);
        const crow = manifestRow(patient, cref);
        const folder = join(cdir, cref.path.replace("images/", ""));
        const files = readdirSync(folder).sort();
        const { pipeline: card } = findFamily("ct-bone-muscle");
        const pipeline = buildPipeline(card.name, card.options);
        const positions = pipeline.imagesRead(files.length);
        const input = () => ({
          blobs: positions.map((k) => new Uint8Array(readFileSync(join(folder, files[k]!)))),
          positions,
          landmarks: landmarksFromRow(crow, [["body", "ct_body_x", "ct_body_y"]]),
        });
        const here = await preprocessImages(pipeline, input());
        const there = await pool.run(pipeline, input());
        const slicePaths = positions.map((k) => join(folder, files[k]!));
        const body = input().landmarks;
        const read = await pool.runOnFiles(pipeline, { files: slicePaths, positions, landmarks: body });
        if (!("tensors" in here) || !("tensors" in there) || !("tensors" in read)) throw new Error("expected tensors");
        for (const name of ["bone", "bone_muscle"]) {
          expect(Buffer.from(there.tensors[name]!.buffer)).toEqual(Buffer.from(here.tensors[name]!.buffer));
          expect(Buffer.from(read.tensors[name]!.buffer)).toEqual(Buffer.from(here.tensors[name]!.buffer));
        }
        expect(there.images).toBe(14);
        expect(read.images).toBe(14);

        // A slice that does not decode, and an image without a landmark: the same reason on both threads.
        const broken = input();
        broken.blobs[3] = new Uint8Array([1, 2, 3, 4]);
        const reasonHere = await preprocessImages(pipeline, broken);
        expect(reasonHere).toEqual({
          reason: expect.stringMatching(new RegExp(`^image: slice ${positions[3]! + 1}: `)),
        });
        expect(await pool.run(pipeline, { ...broken, blobs: broken.blobs.map((b) => b.slice()) })).toEqual(reasonHere);
        const brokenPath = join(cdir, "broken.dcm");
        writeFileSync(brokenPath, broken.blobs[3]!);
        const brokenFiles = slicePaths.map((p, k) => (k === 3 ? brokenPath : p));
        expect(await pool.runOnFiles(pipeline, { files: brokenFiles, positions, landmarks: body })).toEqual(reasonHere);
        // A file that is not there is not the patient's problem: it rejects, as a failed read of the store does.
        const gone = slicePaths.map((p, k) => (k === 5 ? join(cdir, "gone.dcm") : p));
        await expect(pool.runOnFiles(pipeline, { files: gone, positions, landmarks: body })).rejects.toThrow(
          /ENOENT.*gone/,
        );
        const noLandmark = { ...input(), landmarks: {} };
        const missing = await preprocessImages(pipeline, noLandmark);
        expect(missing).toEqual({ reason: expect.stringMatching(/^image: /) });
        expect(await pool.run(pipeline, noLandmark)).toEqual(missing);
      }
    } finally {
      await pool.close();
    }
  }, 120_000);
});
