// `npm run bench:ingest`: ingests a 2,000- and a 10,000-patient X-ray dataset into embedded PostgreSQL
// and reports rows/s, MB/s and peak RSS; peak memory must not grow with the number of rows.
// (Images are small synthetic radiographs — 256×128 — so that generating them does not dominate.)
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { applyMigrations, createPrismaClient, startEmbeddedPostgres } from "@fracval/db";
import { FileContentStore, seedDemoData } from "@fracval/core";
import { ingestDatasetFolder } from "@fracval/worker";
import {
  findProfile,
  generateCohort,
  manifestHeader,
  manifestRow,
  SOP_CLASS,
  uidFor,
  writeDicom,
} from "@fracval/synth";

function buildDataset(n: number): { folder: string; bytes: number } {
  const folder = mkdtempSync(join(tmpdir(), `fracval-bench-ingest-${n}-`));
  mkdirSync(join(folder, "images"));
  const patients = generateCohort(findProfile("Severance"), { n, seed: 5 });
  const pixels = new Uint16Array(256 * 128).map((_, i) => (i * 7) % 4096);
  const rows = patients.map((p) => {
    const bytes = writeDicom(
      {
        SOPClassUID: SOP_CLASS.DX,
        SOPInstanceUID: uidFor(p.hospitalId),
        StudyInstanceUID: uidFor(`${p.hospitalId}/s`),
        Modality: "DX",
        BodyPartExamined: "LSPINE",
        PatientID: p.hospitalId,
        PatientName: `${p.name.family}^${p.name.given}`,
        PatientBirthDate: p.birthDate,
        StudyDate: p.studyDate,
        Rows: 256,
        Columns: 128,
        BitsAllocated: 16,
        BitsStored: 12,
        HighBit: 11,
        PixelRepresentation: 0,
        SamplesPerPixel: 1,
        PhotometricInterpretation: "MONOCHROME2",
        PixelSpacing: [1, 1],
      },
      pixels,
    );
    writeFileSync(join(folder, "images", `${p.hospitalId}.dcm`), bytes);
    return manifestRow(p, { path: `images/${p.hospitalId}.dcm` });
  });
  writeFileSync(join(folder, "manifest.csv"), stringify(rows, { header: true, columns: manifestHeader("none") }));
  const bytes = readdirSync(join(folder, "images")).reduce((s, f) => s + statSync(join(folder, "images", f)).size, 0);
  return { folder, bytes };
}

const dir = mkdtempSync(join(tmpdir(), "fracval-bench-pg-"));
const pg = await startEmbeddedPostgres({ dataDir: dir, port: 0, persistent: false });
try {
  await applyMigrations(pg.url);
  const db = createPrismaClient(pg.url);
  await seedDemoData(db, { pseudonymSecret: "bench-secret-0123456789", demoPatientsPerSite: 1 });
  const site = await db.site.findFirstOrThrow({ where: { code: "Severance" } });
  const study = await db.study.findFirstOrThrow({ where: { slug: "verte-x-pvf" } });
  const results: { n: number; seconds: number; peak: number }[] = [];
  for (const n of [2_000, 10_000]) {
    const { folder, bytes } = buildDataset(n);
    const dataset = await db.validationDataset.create({
      data: { name: `bench ${n}`, siteId: site.id, studyId: study.id, providedScoreNames: [] },
    });
    const store = new FileContentStore(mkdtempSync(join(tmpdir(), "fracval-bench-store-")));
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const start = performance.now();
    const result = await ingestDatasetFolder(db, store, {
      datasetId: dataset.id,
      folder,
      secrets: { pseudonym: "bench-secret-0123456789", deidentification: "bench-deid-0123456789" },
    });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    if (result.status !== "READY")
      throw new Error(`bench dataset rejected: ${JSON.stringify(result.validationReport).slice(0, 500)}`);
    results.push({ n, seconds, peak });
    console.log(
      `${String(n).padStart(6)} patients: ${seconds.toFixed(1)} s, ${(n / seconds).toFixed(0)} rows/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s of DICOM, peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`,
    );
    rmSync(folder, { recursive: true, force: true });
  }
  const [small, large] = results;
  console.log(
    `peak RSS at 10,000 rows / at 2,000 rows = ${(large!.peak / small!.peak).toFixed(2)} (flat memory: close to 1, far below 5)`,
  );
  await db.$disconnect();
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
