// The reproducibility bundle of a run: everything a reviewer needs to check the headline numbers — the
// stored metrics, curves and flow (as this viewer may see them), the model card, the provenance with the
// exact code version, and an R script that recomputes Harrell's C, AUC(t) and the complete-case AUROC from
// the site's own exported predictions and manifest (the bundle itself holds no patient rows).
import type { Db } from "@fracval/db";
import { canReadPatientData } from "./access.js";
import { notFound } from "./errors.js";
import { listMetricResults } from "./metrics.js";
import { runProvenance } from "./provenance.js";
import { assertRunResultsVisible } from "./run-release.js";
import { runCurves } from "./run-curves.js";
import { runParticipantFlow } from "./runs.js";
import type { Viewer } from "./viewer.js";

export interface BundleFile {
  name: string;
  content: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The R script: reads predictions.csv (this run's export) and the site's manifest.csv, joined by row. */
export function recomputeScript(options: {
  runId: string;
  horizon: number;
  stored: { harrellC: number | null; auct: number | null; auroc: number | null };
}): string {
  const value = (x: number | null) => (x === null ? "NA" : String(x));
  return `# Recomputes the headline numbers of FracVal run ${options.runId} from the site's own files.
# Needs: predictions.csv (the run's "Predictions with manifest rows" download: manifest_row, pseudonym, score,
# failure_reason) and the site's manifest.csv as uploaded (followup_days, incident_vertebral_fracture,
# event_days, death_days). Run:  Rscript recompute.R predictions.csv manifest.csv
# Debian: apt-get install r-base-core r-cran-survival r-cran-proc r-cran-riskregression
suppressPackageStartupMessages({ library(survival); library(pROC); library(riskRegression) })
args <- commandArgs(trailingOnly = TRUE)
predictions <- read.csv(if (length(args) >= 1) args[1] else "predictions.csv")
manifest <- read.csv(if (length(args) >= 2) args[2] else "manifest.csv")
manifest$manifest_row <- seq_len(nrow(manifest))  # data rows from 1, as FracVal numbers them
d <- merge(predictions[!is.na(predictions$score), ], manifest, by = "manifest_row")
d <- d[!is.na(d$followup_days) & !is.na(d$incident_vertebral_fracture), ]
event <- as.integer(d$incident_vertebral_fracture == 1)
# Analysis time: the fracture day for a fracture, the end of observation otherwise.
time <- ifelse(event == 1 & !is.na(d$event_days), d$event_days, d$followup_days)
horizon <- ${options.horizon}
harrell <- concordance(Surv(time, event) ~ d$score, reverse = TRUE)$concordance
score <- Score(list(model = d$score), Hist(time, event) ~ 1, data = data.frame(time, event),
               metrics = "auc", times = horizon, cens.model = "km", null.model = FALSE)
auct <- score$AUC$score$AUC[1]
included <- !(time <= horizon & event == 0)
auroc <- as.numeric(auc(roc(as.integer(time[included] <= horizon & event[included] == 1), d$score[included],
                            direction = "<", quiet = TRUE)))
stored <- c(harrellC = ${value(options.stored.harrellC)}, auct = ${value(options.stored.auct)}, auroc = ${value(options.stored.auroc)})
recomputed <- c(harrellC = harrell, auct = auct, auroc = auroc)
print(data.frame(stored, recomputed, difference = recomputed - stored), digits = 10)
cat("Deaths, when recorded (death_days), are analysed as a competing event by FracVal; this script treats them",
    "as censoring, so AUC(t) can differ slightly where deaths occur before the horizon.\\n")
`;
}

export async function runReproducibilityBundle(db: Db, viewer: Viewer, runId: string): Promise<BundleFile[]> {
  await assertRunResultsVisible(db, viewer, runId); // the release gate, and NOT_FOUND outside the viewer's sites
  const run = await db.validationRun.findUnique({
    where: { id: runId },
    include: { modelVersion: true, dataset: { include: { site: true, study: true } } },
  });
  if (!run) throw notFound("Run", runId);
  const metrics = await listMetricResults(db, viewer, { runId });
  const curves = await runCurves(db, viewer, run);
  const flow = await runParticipantFlow(db, viewer, run);
  const horizon = run.dataset.study.horizonDays ?? 1826;
  const headline = (metric: string, h: number | null) =>
    metrics.find(
      (m) =>
        m.metric === metric && m.scoreSource === "model" && m.subgroup === "all" && (h === null || m.horizonDays === h),
    )?.estimate ?? null;
  // What the metrics job recorded when it computed these numbers (not what runs here today).
  const recorded = (metrics[0]?.provenance ?? {}) as Record<string, unknown>;
  const provenance = {
    ...runProvenance(run),
    ...recorded,
    codeVersion: run.codeVersion,
    runId: run.id,
    seed: run.seed,
    site: run.dataset.site.code,
    study: run.dataset.study.slug,
    model: `${run.modelVersion.family}@${run.modelVersion.version}`,
    releaseState: run.releaseState,
    finishedAt: run.finishedAt,
  };
  const ownSite = canReadPatientData(viewer, run.dataset.siteId);
  return [
    {
      name: "README.md",
      content: `# FracVal run ${run.id}: ${provenance.model} at ${run.dataset.site.code}

- \`metrics.json\`: every stored metric as you may see it (rows resting on fewer than the minimum cell count are
  withheld from readers without patient-level access to the site).
- \`curves.json\`, \`participant-flow.json\`: the plots' data and the flow of participants.
- \`model-card.json\`: the model version's manifest; \`provenance.json\`: dataset and model sha256, the exact code
  version, statistics and onnxruntime versions, seed, execution provider.
- \`recompute.R\`: recomputes Harrell's C, AUC(${horizon} days) and the complete-case AUROC from the run's
  predictions export and the site's own manifest.csv, printed beside the stored values.${
    ownSite ? "" : "\n  (The predictions export is patient-level: only the site's own members can download it.)"
  }
`,
    },
    { name: "metrics.json", content: json(metrics) },
    { name: "curves.json", content: json(curves) },
    { name: "participant-flow.json", content: json(flow) },
    { name: "model-card.json", content: json(run.modelVersion.manifest) },
    { name: "provenance.json", content: json(provenance) },
    {
      name: "recompute.R",
      content: recomputeScript({
        runId: run.id,
        horizon,
        stored: {
          harrellC: headline("harrellC", null),
          auct: headline("timeDependentAuc", horizon),
          auroc: headline("auroc", horizon),
        },
      }),
    },
  ];
}
