// Regenerates the example previews committed in docs/ (npm run preview -w @fracval/synth).
import { writeFileSync } from "node:fs";
import { findProfile, generateCohort, Random, renderAbdominalCt, renderLateralSpine } from "../src/index.js";
import { previewPng } from "../src/preview.js";

const cohort = generateCohort(findProfile("Severance"), { n: 60, seed: 3 });
const fractured = cohort.find((p) => p.prevalentDeformities.some((d) => d.grade >= 2))!;
const image = renderLateralSpine(fractured, new Random(3).child(100_000 + fractured.index));
writeFileSync(
  new URL("../docs/xray-preview.png", import.meta.url),
  await previewPng(image.pixels, image.rows, image.columns, { center: 1600, width: 2600 }, 240),
);
console.log(
  `docs/xray-preview.png: ${fractured.hospitalId}, deformities ${fractured.prevalentDeformities.map((d) => `${d.level} grade ${d.grade} ${d.shape}`).join(", ")}`,
);

const ctPatient = generateCohort(findProfile("Boramae"), { n: 1, seed: 3 })[0]!;
const series = renderAbdominalCt(ctPatient, new Random(3).child(200_000));
const k = series.levels.indexOf("L3") + 1;
writeFileSync(
  new URL("../docs/ct-preview.png", import.meta.url),
  await previewPng(series.slices[k]!, series.rows, series.columns, { center: 40, width: 400 }, 240),
);
console.log(`docs/ct-preview.png: ${ctPatient.hospitalId}, slice ${k + 1} (${series.levels[k]})`);
