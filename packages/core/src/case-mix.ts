// Table 1 by site (case-mix): the baseline characteristics of each site's validation set side by side,
// tested across sites, with each site's standardized difference from the others; and the spread of the
// model's score per site (case-mix heterogeneity explains much of the difference in C between sites).
// Aggregates only. For viewers without patient-level access to a site, a count below the minimum cell
// count (and the count that would give it away) and a summary of fewer patients are withheld.
import type { Db, ModelVersion, Site, ValidationDataset, ValidationRun } from "@fracval/db";
import { caseMixTable, type CaseMixRow, type CaseMixVariable } from "@fracval/stats";
import { aggregateSiteIds, canReadPatientData } from "./access.js";
import { MINIMUM_CELL_COUNT } from "./disclosure.js";
import { notFound } from "./errors.js";
import { RunCurves } from "./run-curves.js";
import { studyComparison, studyResultDatasets, type ComparisonRow } from "./study-comparison.js";
import type { Viewer } from "./viewer.js";

const DAYS_PER_YEAR = 365.25;

export interface CaseMixCell {
  n: number | null;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  counts: (number | null)[] | null;
  percents: (number | null)[] | null;
  /** Patients of the site without this variable. */
  missing: number | null;
  withheld: boolean;
}

export interface CaseMixVariableRow {
  name: string;
  kind: "CONTINUOUS" | "CATEGORICAL";
  unit: string | null;
  levels: string[] | null;
  groups: CaseMixCell[];
  p: number | null;
  smd: (number | null)[];
}

export interface ScoreSpread {
  site: Site;
  modelVersion: ModelVersion;
  run: ValidationRun;
  n: number;
  mean: number;
  sd: number;
  q1: number;
  median: number;
  q3: number;
}

export interface CaseMix {
  sites: { site: Site; dataset: ValidationDataset; patients: number | null }[];
  variables: CaseMixVariableRow[];
  scoreSpread: ScoreSpread[];
}

type PatientRow = {
  baseline: {
    ageYears: number;
    sex: string;
    bmi: number | null;
    fraxMof10y: number | null;
    fraxHip10y: number | null;
    femoralNeckTScore: number | null;
    priorFragilityFracture: boolean | null;
    glucocorticoids: boolean | null;
  } | null;
  outcome: { followUpDays: number; incidentVertebralFracture: boolean } | null;
  images: { manufacturer: string | null }[];
};

const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? "yes" : "no");

/** The variables of Table 1: how to read each from a patient, and its unit. */
const VARIABLES: {
  name: string;
  unit: string | null;
  kind: "continuous" | "categorical";
  read: (p: PatientRow) => number | string | null;
}[] = [
  { name: "Age", unit: "years", kind: "continuous", read: (p) => p.baseline?.ageYears ?? null },
  {
    name: "Sex",
    unit: null,
    kind: "categorical",
    read: (p) => (p.baseline ? (p.baseline.sex === "FEMALE" ? "female" : "male") : null),
  },
  { name: "BMI", unit: "kg/m²", kind: "continuous", read: (p) => p.baseline?.bmi ?? null },
  {
    name: "FRAX MOF",
    unit: "%",
    kind: "continuous",
    read: (p) => ((p.baseline?.fraxMof10y ?? null) === null ? null : p.baseline!.fraxMof10y! * 100),
  },
  {
    name: "FRAX hip",
    unit: "%",
    kind: "continuous",
    read: (p) => ((p.baseline?.fraxHip10y ?? null) === null ? null : p.baseline!.fraxHip10y! * 100),
  },
  { name: "Femoral-neck T-score", unit: "SD", kind: "continuous", read: (p) => p.baseline?.femoralNeckTScore ?? null },
  {
    name: "Prior fragility fracture",
    unit: null,
    kind: "categorical",
    read: (p) => yesNo(p.baseline?.priorFragilityFracture),
  },
  { name: "Glucocorticoids", unit: null, kind: "categorical", read: (p) => yesNo(p.baseline?.glucocorticoids) },
  {
    name: "Follow-up",
    unit: "years",
    kind: "continuous",
    read: (p) => (p.outcome ? p.outcome.followUpDays / DAYS_PER_YEAR : null),
  },
  {
    name: "Incident vertebral fracture",
    unit: null,
    kind: "categorical",
    read: (p) => yesNo(p.outcome?.incidentVertebralFracture),
  },
  { name: "Image manufacturer", unit: null, kind: "categorical", read: (p) => p.images[0]?.manufacturer ?? null },
];

/**
 * A site's column as a viewer without patient-level access sees it: a summary of fewer than `min` patients
 * is withheld; a category count in (0, min) is withheld, and when that leaves exactly one withheld count
 * in the variable, the next smallest goes too (else n minus the others gives it back).
 */
function protect(row: CaseMixRow, group: number, missing: number, guarded: boolean, min: number): CaseMixCell {
  const none: CaseMixCell = {
    n: null,
    mean: null,
    sd: null,
    median: null,
    q1: null,
    q3: null,
    counts: null,
    percents: null,
    missing: null,
    withheld: true,
  };
  if (row.kind === "continuous") {
    const g = row.groups[group]!;
    if (guarded && g.n > 0 && g.n < min) return none;
    return {
      ...g,
      counts: null,
      percents: null,
      missing: guarded && missing > 0 && missing < min ? null : missing,
      withheld: false,
    };
  }
  const g = row.groups[group]!;
  const counts: (number | null)[] = [...g.counts];
  const percents: (number | null)[] = [...g.percents];
  if (guarded) {
    const small = counts.map((c) => c !== null && c > 0 && c < min);
    if (small.filter(Boolean).length === 1) {
      // Complementary suppression: the smallest other non-zero count.
      let next = -1;
      counts.forEach((c, k) => {
        if (!small[k] && c! > 0 && (next < 0 || c! < counts[next]!)) next = k;
      });
      if (next >= 0) small[next] = true;
    }
    small.forEach((s, k) => {
      if (s) {
        counts[k] = null;
        percents[k] = null;
      }
    });
  }
  return {
    n: g.n,
    mean: null,
    sd: null,
    median: null,
    q1: null,
    q3: null,
    counts,
    percents,
    missing: guarded && missing > 0 && missing < min ? null : missing,
    withheld: counts.some((c) => c === null),
  };
}

export async function studyCaseMix(
  db: Db,
  viewer: Viewer,
  studyId: string,
  options: {
    min?: number;
    comparison?: Promise<ComparisonRow[]>;
    designatedDatasets?: readonly string[];
    /** Only the sites with results released to the network (the study report's Table 1). */
    releasedOnly?: boolean;
  } = {},
): Promise<CaseMix> {
  const min = options.min ?? MINIMUM_CELL_COUNT;
  const study = await db.study.findUnique({ where: { id: studyId } });
  if (!study) throw notFound("Study", studyId);
  const visible = aggregateSiteIds(viewer);
  // Table 1 describes the cohorts the dashboard analyses: each site's designated dataset (as the comparison
  // chooses it), and for a site without results yet its latest READY validation set.
  const designated = new Set(options.designatedDatasets ?? []);
  const releasedOnly = options.releasedOnly ?? false;
  const siteChoices = await studyResultDatasets(db, viewer, studyId, { releasedOnly });
  const datasetOfSite = new Map(
    siteChoices.map((c) => [c.site.id, (c.datasets.find((d) => designated.has(d.id)) ?? c.defaultDataset).id]),
  );
  const datasets = await db.validationDataset.findMany({
    where: { studyId, status: "READY", ...(visible ? { siteId: { in: visible } } : {}) },
    include: { site: true },
    orderBy: [{ readyAt: "desc" }, { createdAt: "desc" }],
  });
  const latest = new Map<string, (typeof datasets)[number]>();
  for (const d of datasets) {
    const wanted = datasetOfSite.get(d.siteId);
    if (wanted === undefined && releasedOnly) continue;
    if (wanted === undefined ? !latest.has(d.siteId) : d.id === wanted) latest.set(d.siteId, d);
  }
  const chosen = [...latest.values()].sort((a, b) => a.site.code.localeCompare(b.site.code));
  const patientsBySite = await Promise.all(
    chosen.map((d) =>
      db.patient.findMany({
        where: { datasetId: d.id },
        select: {
          baseline: {
            select: {
              ageYears: true,
              sex: true,
              bmi: true,
              fraxMof10y: true,
              fraxHip10y: true,
              femoralNeckTScore: true,
              priorFragilityFracture: true,
              glucocorticoids: true,
            },
          },
          outcome: { select: { followUpDays: true, incidentVertebralFracture: true } },
          images: { select: { manufacturer: true }, take: 1 },
        },
      }),
    ),
  );
  const guarded = chosen.map((d) => !canReadPatientData(viewer, d.siteId));
  const variables: CaseMixVariableRow[] = [];
  for (const v of VARIABLES) {
    const values = patientsBySite.map((patients) => patients.map(v.read).filter((x) => x !== null));
    const missing = patientsBySite.map((patients, k) => patients.length - values[k]!.length);
    if (values.every((x) => x.length === 0)) continue; // not recorded anywhere: not a row
    const input: CaseMixVariable =
      v.kind === "continuous"
        ? { name: v.name, kind: "continuous", groups: values as number[][] }
        : { name: v.name, kind: "categorical", groups: values as string[][] };
    const [row] = caseMixTable([input]);
    variables.push({
      name: v.name,
      kind: v.kind === "continuous" ? "CONTINUOUS" : "CATEGORICAL",
      unit: v.unit,
      levels: row!.kind === "categorical" ? row!.levels : null,
      groups: chosen.map((_, k) => protect(row!, k, missing[k]!, guarded[k]!, min)),
      p: row!.p,
      smd: row!.smd,
    });
  }
  // The model's score spread per site, from each site × model version's run on the designated dataset.
  const rows = await (options.comparison ??
    studyComparison(db, viewer, studyId, { designatedDatasets: options.designatedDatasets ?? [], releasedOnly }));
  const scoreSpread: ScoreSpread[] = [];
  const stored = await db.validationRun.findMany({
    where: { id: { in: rows.map((r) => r.run.id) } },
    select: { id: true, curves: true },
  });
  const curvesOf = new Map(stored.map((r) => [r.id, r.curves]));
  for (const row of rows) {
    const curves = curvesOf.get(row.run.id);
    const parsed = curves ? RunCurves.safeParse(curves) : null;
    const spread = parsed?.success ? parsed.data.scoreDistribution : null;
    if (!spread) continue;
    if (!canReadPatientData(viewer, row.site.id) && spread.n < min) continue;
    scoreSpread.push({ site: row.site, modelVersion: row.modelVersion, run: row.run, ...spread });
  }
  return {
    sites: chosen.map((d, k) => {
      const { site, ...dataset } = d;
      const n = patientsBySite[k]!.length;
      return { site, dataset, patients: guarded[k] && n > 0 && n < min ? null : n };
    }),
    variables,
    scoreSpread,
  };
}
