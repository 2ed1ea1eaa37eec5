// Disclosure control of stored metrics: the one policy every output path calls (GraphQL, exports,
// dashboards). OHDSI-style minimum cell count (FRACVAL_MIN_CELL_COUNT, default 10), applied per metric
// row and per count for viewers without patient-level access to the site, with complementary
// suppression so that no withheld number can be derived from shown ones. Worked examples in SECURITY.md.
//
// 1. Own counts: a row is withheld when its patients, its events or its non-events are fewer than the
//    minimum (each is shown or derivable as n − events). Threshold rows are withheld when any cell of
//    their 2×2 table is; calibration rows lose their decile table when any decile is small.
// 2. Subgroup sets: sex (F, M), age bands, risk groups and image manufacturers each partition the cohort,
//    whose counts are shown on the whole-cohort rows. When exactly one member of a set is withheld (or absent), it could
//    be recovered by subtraction, so the smallest shown member is withheld as well.
// 3. Comparators on fewer patients (FRAX missing for some): when the model's row and a comparator's
//    differ by fewer than the minimum patients or events, the comparator's counts (and its paired
//    comparison's) are withheld — the estimate stays — so that "the 3 without FRAX had 1 fracture"
//    cannot be read off the difference.
import type { MetricResult, Prisma } from "@fracval/db";

export const MINIMUM_CELL_COUNT = minimumFromEnv(process.env.FRACVAL_MIN_CELL_COUNT);

function minimumFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 10;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`FRACVAL_MIN_CELL_COUNT must be a whole number ≥ 1; got ${raw}`);
  return value;
}

/** A metric row as a viewer sees it: counts can be withheld (null) while the estimate is shown. */
export type ShownMetric<T extends MetricResult = MetricResult> = Omit<T, "n" | "events"> & {
  n: number | null;
  events: number | null;
};

export interface DisclosedMetrics<T extends MetricResult> {
  rows: ShownMetric<T>[];
  /** Rows withheld entirely. */
  withheld: number;
  /** Rows shown with their counts withheld. */
  countsWithheld: number;
}

const FAMILIES: { name: string; members: (subgroup: string) => boolean; expected: string[] }[] = [
  { name: "sex", members: (s) => s.startsWith("sex="), expected: ["sex=F", "sex=M"] },
  { name: "age", members: (s) => s.startsWith("age"), expected: ["age<65", "age65-74", "age>=75"] },
  { name: "group", members: (s) => s.startsWith("group="), expected: [] },
  // The manufacturers of a run's images: each row names the whole set in details.subgroupSet.
  { name: "manufacturer", members: (s) => s.startsWith("manufacturer="), expected: [] },
];

/** The members a subgroup set should have: the family's fixed list, and any a row of the set names. */
function expectedMembers(family: (typeof FAMILIES)[number], members: readonly MetricResult[]): string[] {
  const named = members.flatMap((m) => {
    const set = detailsOf(m)?.subgroupSet;
    return Array.isArray(set) ? set.filter((x): x is string => typeof x === "string") : [];
  });
  return [...new Set([...family.expected, ...named])];
}

const PAIRED_BASE: Record<string, string> = {
  harrellCDiff: "harrellC",
  aurocDiff: "auroc",
  timeDependentAucDiff: "timeDependentAuc",
};
const THRESHOLD_METRICS = new Set(["sensitivity", "specificity", "ppv", "npv"]);

type Details = Record<string, unknown> | null;
const detailsOf = (row: MetricResult): Details =>
  row.details && typeof row.details === "object" && !Array.isArray(row.details)
    ? (row.details as Record<string, unknown>)
    : null;

/** Rule 1: the row's own counts, its 2×2 table, and its deciles. */
function ownCountsSmall(row: MetricResult, min: number): boolean {
  const small = (x: number) => x < min;
  if (small(row.n) || small(row.events) || small(row.n - row.events)) return true;
  if (THRESHOLD_METRICS.has(row.metric)) {
    const d = detailsOf(row);
    const cells = ["truePositive", "falsePositive", "trueNegative", "falseNegative"].map((k) => d?.[k]);
    if (cells.some((c) => typeof c === "number" && c > 0 && c < min)) return true;
  }
  return false;
}

function withoutSmallDeciles(row: MetricResult, min: number): MetricResult {
  const d = detailsOf(row);
  const groups = d?.groups;
  if (!Array.isArray(groups)) return row;
  const small = groups.some((g) => {
    const { n, events } = g as { n: number; events: number };
    return n < min || events < min || n - events < min;
  });
  if (!small) return row;
  const { groups: _groups, ...rest } = d!;
  return { ...row, details: { ...rest, groupsWithheld: true } as Prisma.JsonObject };
}

const keyOf = (row: Pick<MetricResult, "runId" | "datasetId" | "metric" | "scoreSource" | "horizonDays">) =>
  `${row.runId ?? `dataset:${row.datasetId}`}|${row.metric}|${row.scoreSource}|${row.horizonDays ?? ""}`;

/**
 * The rows of one or more runs as a viewer may see them. `mayReadPatientData(row)` says whether the viewer
 * has patient-level access to the row's site; such viewers see everything.
 */
export function discloseMetrics<T extends MetricResult>(
  rows: readonly T[],
  mayReadPatientData: (row: T) => boolean,
  min = MINIMUM_CELL_COUNT,
): DisclosedMetrics<T> {
  const guarded = rows.filter((r) => !mayReadPatientData(r));
  const isGuarded = new Set(guarded);
  const withheld = new Set<T>(guarded.filter((r) => ownCountsSmall(r, min)));
  // Rule 2: complementary suppression within each subgroup set of the same statistic.
  const bySet = new Map<string, T[]>();
  for (const row of guarded) {
    const family = FAMILIES.find((f) => f.members(row.subgroup));
    if (!family) continue;
    const key = `${keyOf(row)}|${family.name}`;
    bySet.set(key, [...(bySet.get(key) ?? []), row]);
  }
  for (const [key, members] of bySet) {
    const family = FAMILIES.find((f) => key.endsWith(`|${f.name}`))!;
    const present = new Set(members.map((m) => m.subgroup));
    const absent = expectedMembers(family, members).filter((s) => !present.has(s)).length;
    const hidden = members.filter((m) => withheld.has(m)).length + absent;
    const shown = members.filter((m) => !withheld.has(m)).sort((a, b) => a.n - b.n);
    if (hidden === 1 && shown.length > 0) withheld.add(shown[0]!);
  }
  // Rule 3: comparators on a subset of the model's patients.
  const modelRow = new Map<string, T>();
  for (const row of guarded) if (row.scoreSource === "model" && row.subgroup === "all") modelRow.set(keyOf(row), row);
  const countsWithheld = new Set<T>();
  for (const row of guarded) {
    if (withheld.has(row) || row.subgroup !== "all" || row.scoreSource === "model") continue;
    const base = PAIRED_BASE[row.metric] ?? row.metric;
    const model = modelRow.get(keyOf({ ...row, metric: base, scoreSource: "model" }));
    if (!model) continue;
    const dn = model.n - row.n;
    const de = model.events - row.events;
    if ((dn > 0 && dn < min) || (de > 0 && de < min)) countsWithheld.add(row);
  }
  const shownRows: ShownMetric<T>[] = [];
  for (const row of rows) {
    if (withheld.has(row)) continue;
    if (!isGuarded.has(row)) {
      shownRows.push(row);
      continue;
    }
    const clean = withoutSmallDeciles(row, min) as T;
    if (!countsWithheld.has(row)) {
      shownRows.push(clean);
      continue;
    }
    const d = detailsOf(clean);
    const { excludedMissingScore: _excluded, ...rest } = d ?? {};
    shownRows.push({
      ...clean,
      n: null,
      events: null,
      ...(d ? { details: { ...rest, countsWithheld: true } as Prisma.JsonObject } : {}),
    });
  }
  return { rows: shownRows, withheld: withheld.size, countsWithheld: countsWithheld.size };
}

const smallCount = (x: number, min: number) => x > 0 && x < min;

/**
 * The counts of a dataset summary as a viewer without patient-level access to its site may see them:
 * patients below the minimum are withheld (and the images with them); events are withheld when they or
 * the patients without one are below it (each is the other's complement). Example: 12 patients, 3
 * fractures → patients 12, events withheld; 8 patients → everything withheld.
 */
export function shownDatasetCounts(
  d: { patientCount: number; eventCount: number; imageCount: number },
  mayReadPatientData: boolean,
  min = MINIMUM_CELL_COUNT,
) {
  if (mayReadPatientData) return { patientCount: d.patientCount, eventCount: d.eventCount, imageCount: d.imageCount };
  const fewPatients = smallCount(d.patientCount, min);
  const fewEvents = fewPatients || smallCount(d.eventCount, min) || smallCount(d.patientCount - d.eventCount, min);
  return {
    patientCount: fewPatients ? null : d.patientCount,
    eventCount: fewEvents ? null : d.eventCount,
    imageCount: fewPatients ? null : d.imageCount,
  };
}

/** A run's progress counts likewise: all withheld for a run on fewer patients than the minimum; failures below it too. */
export function shownRunCounts(
  r: { progressTotal: number; progressDone: number; progressFailed: number; imagesDone: number },
  mayReadPatientData: boolean,
  min = MINIMUM_CELL_COUNT,
) {
  if (mayReadPatientData)
    return {
      progressTotal: r.progressTotal,
      progressDone: r.progressDone,
      progressFailed: r.progressFailed,
      imagesDone: r.imagesDone,
    };
  const few = smallCount(r.progressTotal, min);
  return {
    progressTotal: few ? null : r.progressTotal,
    progressDone: few ? null : r.progressDone,
    progressFailed: few || smallCount(r.progressFailed, min) ? null : r.progressFailed,
    imagesDone: few ? null : r.imagesDone,
  };
}
