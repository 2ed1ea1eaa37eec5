// Finished, released validation results for a study, computed the real way: synthetic cohorts per site
// (packages/synth, SYNTHETIC), a DeepSurv-like log hazard per model version with its own noise, and the
// metrics job's computeRunMetrics (every metric and curve as in production). For the portal benchmark
// (3 sites × 11 model versions × 2 runs), the screenshots and `npm start`'s demo dashboard (SYNTHETIC,
// labelled so everywhere); never part of a real deployment.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "@fracval/db";
import { computeRunMetrics } from "@fracval/worker";
import { findProfile, generateCohort, Random } from "@fracval/synth";

export interface DemoResultsOptions {
  studySlug: string;
  sites: string[];
  models: number;
  runsPerModel: number;
  patientsPerSite: number;
  repoRoot: string;
}

/** Adds the results; returns the study id and the ids of the runs created. */
export async function populateDemoResults(db: Db, options: DemoResultsOptions) {
  const study = await db.study.findUniqueOrThrow({ where: { slug: options.studySlug } });
  const manifest = JSON.parse(
    readFileSync(join(options.repoRoot, "models/xray-deepsurv/1.0.0/manifest.json"), "utf8"),
  ) as Record<string, unknown>;
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const models = [];
  for (let m = 1; m <= options.models; m++) {
    const family = `demo-deepsurv-${String(m).padStart(2, "0")}`;
    models.push(
      await db.modelVersion.upsert({
        where: { family_version: { family, version: "1.0.0" } },
        update: {},
        create: {
          family,
          version: "1.0.0",
          studyId: study.id,
          kind: "IMAGE_MODEL",
          modality: study.modality,
          task: "LOG_HAZARD",
          horizonDays: 1826,
          outputSemantics: "log hazard of an incident vertebral fracture (SYNTHETIC demonstration model)",
          artifactSha256: "0".repeat(64),
          artifactStorageKey: "none",
          manifest: { ...manifest, family, version: "1.0.0" } as object,
          status: "PUBLISHED",
          publishedAt: new Date(),
          // Results only: there is no ONNX file behind it, so it is never offered for a new run.
          deprecatedAt: new Date(),
          deprecationReason: "demonstration results only (no ONNX artifact)",
        },
      }),
    );
  }
  const runIds: string[] = [];
  for (const [siteIndex, code] of options.sites.entries()) {
    const site = await db.site.findUniqueOrThrow({ where: { code } });
    const cohort = generateCohort(findProfile(code), { n: options.patientsPerSite, seed: 5000 + siteIndex });
    const dataset = await db.validationDataset.create({
      data: {
        name: `${code} benchmark cohort (SYNTHETIC)`,
        siteId: site.id,
        studyId: study.id,
        status: "READY",
        patientCount: cohort.length,
        eventCount: cohort.filter((p) => p.event).length,
        readyAt: new Date(),
      },
    });
    const ids = cohort.map(() => randomUUID());
    await db.patient.createMany({
      data: cohort.map((_, i) => ({
        id: ids[i]!,
        siteId: site.id,
        datasetId: dataset.id,
        pseudonym: `P${dataset.id.slice(-8)}${String(i).padStart(6, "0")}`,
        manifestRow: i + 1, // data rows from 1, as ingestion numbers them (the header is row 0)
      })),
    });
    await db.clinicalBaseline.createMany({
      data: cohort.map((p, i) => ({
        patientId: ids[i]!,
        ageYears: p.age,
        sex: p.female ? ("FEMALE" as const) : ("MALE" as const),
        bmi: p.bmi,
        glucocorticoids: p.glucocorticoids,
        priorFragilityFracture: p.priorFragilityFracture,
        femoralNeckTScore: p.femoralNeckTScore,
        fraxMof10y: p.fraxMof / 100, // synth gives percent, as the manifest does (frax_mof_pct)
        fraxHip10y: p.fraxHip / 100,
      })),
    });
    await db.outcome.createMany({
      data: cohort.map((p, i) => ({
        patientId: ids[i]!,
        followUpDays: p.followUpDays,
        incidentVertebralFracture: p.event,
        eventDays: p.eventDays,
        deathDays: p.deathDays,
      })),
    });
    for (const [modelIndex, model] of models.entries()) {
      for (let r = 0; r < options.runsPerModel; r++) {
        // Each model version sees the truth through its own noise: better versions, less noise.
        const random = new Random(100_000 + 1000 * siteIndex + 10 * modelIndex + r);
        const noise = 0.4 + 0.08 * modelIndex;
        const run = await db.validationRun.create({
          data: {
            modelVersionId: model.id,
            datasetId: dataset.id,
            createdById: admin.id,
            status: "COMPUTING_METRICS",
            codeVersion: "demo-results",
            progressTotal: cohort.length,
            progressDone: cohort.length,
            startedAt: new Date(),
          },
        });
        await db.prediction.createMany({
          data: cohort.map((p, i) => ({
            runId: run.id,
            patientId: ids[i]!,
            score: Math.log(-Math.log(1 - Math.min(0.95, p.truth.risk5y))) - Math.log(0.176) + noise * random.normal(),
          })),
        });
        await computeRunMetrics(db, run.id);
        await db.validationRun.update({
          where: { id: run.id },
          data: {
            status: "SUCCEEDED",
            finishedAt: new Date(),
            releaseState: "RELEASED",
            releaseChangedById: admin.id,
            releaseChangedAt: new Date(),
            releaseComment: "Demonstration results (SYNTHETIC)",
          },
        });
        runIds.push(run.id);
      }
    }
  }
  return { studyId: study.id, runIds };
}
