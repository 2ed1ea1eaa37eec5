// The bundle's recompute.R, run by R (where R with survival, pROC and riskRegression is installed, as on
// the development machine; CI checks the script's text through the API test): from a site's predictions
// export and manifest it recomputes exactly the numbers FracVal stored.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aurocAtHorizon, harrellC, mulberry32, timeDependentAuc } from "@fracval/stats";
import { recomputeScript } from "../src/reproducibility-bundle.js";

const hasR =
  spawnSync("Rscript", ["-e", "suppressMessages({library(survival); library(pROC); library(riskRegression)})"], {
    encoding: "utf8",
  }).status === 0;

describe("recompute.R", () => {
  const random = mulberry32(77);
  const n = 300;
  const rows = Array.from({ length: n }, () => {
    const risk = random();
    const eventTime = Math.ceil(-Math.log(1 - random()) / (0.0002 + 0.0008 * risk));
    const followUp = 300 + Math.floor(random() * 3000);
    const event = eventTime <= followUp;
    return { score: risk + 0.5 * random(), followUp, event, eventDays: event ? eventTime : null };
  });
  const time = rows.map((r) => r.eventDays ?? r.followUp);
  const event = rows.map((r) => (r.event ? 1 : 0));
  const score = rows.map((r) => r.score);
  const stored = {
    harrellC: harrellC(time, event, score).estimate,
    auct: timeDependentAuc(time, event, score, 1826).estimate,
    auroc: aurocAtHorizon(time, event, score, 1826).estimate,
  };
  const script = recomputeScript({ runId: "run-test", horizon: 1826, stored });

  it("carries the stored values and reads the site's own files by manifest row", () => {
    expect(script).toContain(`harrellC = ${stored.harrellC}`);
    expect(script).toContain('merge(predictions[!is.na(predictions$score), ], manifest, by = "manifest_row")');
  });

  it.runIf(hasR)("R recomputes Harrell's C, AUC(t) and the complete-case AUROC to 1e-8", () => {
    const dir = mkdtempSync(join(tmpdir(), "fracval-recompute-"));
    // The export lists patients in manifest order with their row; the manifest is the site's own upload.
    writeFileSync(
      join(dir, "predictions.csv"),
      `manifest_row,pseudonym,score,failure_reason\n${rows.map((r, i) => `${i + 1},P${i},${r.score},`).join("\n")}\n`,
    );
    writeFileSync(
      join(dir, "manifest.csv"),
      `patient_id,followup_days,incident_vertebral_fracture,event_days\n${rows
        .map((r, i) => `H${i},${r.followUp},${r.event ? 1 : 0},${r.eventDays ?? ""}`)
        .join("\n")}\n`,
    );
    writeFileSync(join(dir, "recompute.R"), script);
    const out = spawnSync("Rscript", ["recompute.R", "predictions.csv", "manifest.csv"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(out.status, out.stderr).toBe(0);
    const differences = out.stdout
      .split("\n")
      .filter((l) => /^(harrellC|auct|auroc)\s/.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[3]));
    expect(differences).toHaveLength(3);
    for (const d of differences) expect(Math.abs(d)).toBeLessThan(1e-8);
  });
});
