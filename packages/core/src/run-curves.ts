// The curves of a run, stored by the metrics job as aggregates (never patient rows) for the run page's
// plots: ROC, AUC(t) over time, incidence by risk group with numbers at risk, calibration (deciles and the
// flexible curve) and the decision curve. What a viewer without patient-level access to the site sees
// is cut by protectRunCurves with the same minimum cell count as the metric rows (disclosure.ts).
import type { Db, ValidationRun } from "@fracval/db";
import { z } from "zod";
import { canReadPatientData, canSeeRunResults } from "./access.js";
import { MINIMUM_CELL_COUNT } from "./disclosure.js";
import type { Viewer } from "./viewer.js";

const Interval = { lower: z.number().nullable(), upper: z.number().nullable() };

const RocSeries = z.object({
  scoreSource: z.string(),
  cases: z.number().int(),
  controls: z.number().int(),
  auc: z.number().nullable(),
  points: z.array(z.object({ threshold: z.number().nullable(), fpr: z.number(), tpr: z.number() })),
});

const AucOverTimeSeries = z.object({
  scoreSource: z.string(),
  points: z.array(
    z.object({
      days: z.number().int(),
      estimate: z.number(),
      ...Interval,
      cases: z.number().int(),
      controls: z.number().int(),
    }),
  ),
});

const IncidenceGroup = z.object({
  name: z.string(),
  n: z.number().int(),
  events: z.number().int(),
  /** Cumulative incidence (1 − KM, or Aalen-Johansen under competing risks) on a monthly grid. */
  points: z.array(z.object({ days: z.number().int(), incidence: z.number(), ...Interval, atRisk: z.number().int() })),
  /** Numbers at risk at yearly ticks, as printed under the figure. */
  atRisk: z.array(z.object({ days: z.number().int(), atRisk: z.number().int() })),
});

const CalibrationBin = z.object({
  n: z.number().int(),
  events: z.number().int(),
  meanRisk: z.number(),
  observed: z.number(),
  ...Interval,
});

const CalibrationCurve = z.object({
  scoreSource: z.string(),
  /** Deciles of predicted risk (R: cut at type-7 quantiles). */
  bins: z.array(CalibrationBin),
  /** The same, neighbours pooled until every bin has the minimum of patients, events and non-events. */
  pooledBins: z.array(CalibrationBin),
  flexible: z
    .object({
      ici: z.number(),
      e50: z.number(),
      e90: z.number(),
      curve: z.array(z.object({ predicted: z.number(), observed: z.number() })),
    })
    .nullable(),
  /** Why there is no flexible curve (competing risks: the Cox-based smoother would count deaths as censoring). */
  flexibleNote: z.string().nullable(),
});

const DecisionSeries = z.object({
  scoreSource: z.string(),
  /** How the score became a risk ("model's absolute risk by the horizon", "10-year FRAX probability"). */
  riskMeaning: z.string(),
  points: z.array(z.object({ threshold: z.number(), netBenefit: z.number(), positives: z.number().int() })),
});

/** The distribution of the model's score (its linear predictor) on the analysed patients: case-mix spread. */
const ScoreDistribution = z.object({
  n: z.number().int(),
  mean: z.number(),
  sd: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
});

export const RunCurves = z.object({
  horizonDays: z.number().int(),
  /** Absent in curves stored before it was added. */
  scoreDistribution: ScoreDistribution.nullable().optional(),
  competingRisks: z.boolean(),
  /** The minimum count the curves were thinned and pooled with. */
  minimumCount: z.number().int(),
  roc: z.array(RocSeries),
  aucOverTime: z.array(AucOverTimeSeries),
  incidence: z.object({ grouping: z.string(), groups: z.array(IncidenceGroup) }).nullable(),
  calibration: z.array(CalibrationCurve),
  decisionCurve: z
    .object({
      n: z.number().int(),
      treatAll: z.array(z.object({ threshold: z.number(), netBenefit: z.number() })),
      series: z.array(DecisionSeries),
      interventionThresholds: z.array(z.object({ label: z.string(), threshold: z.number() })),
    })
    .nullable(),
});
export type RunCurves = z.infer<typeof RunCurves>;

/** The curves as shown, with how much of them the small-cell rule took away. */
export type ShownRunCurves = Omit<RunCurves, "calibration"> & {
  calibration: (RunCurves["calibration"][number] & { binsPooled: boolean })[];
  withheldParts: number;
};

/**
 * The curves for a viewer without patient-level access to the site: a ROC curve, an incidence group or a
 * calibration curve resting on fewer than `min` patients, events or non-events is withheld; AUC(t) points
 * with fewer cases or controls, incidence points with fewer at risk, and decision-curve points with fewer
 * (but some) positives or negatives are dropped; calibration deciles are replaced by the pooled bins.
 */
export function protectRunCurves(curves: RunCurves, mayReadPatientData: boolean, min = MINIMUM_CELL_COUNT) {
  if (mayReadPatientData)
    return {
      ...curves,
      calibration: curves.calibration.map((c) => ({ ...c, binsPooled: false })),
      withheldParts: 0,
    } satisfies ShownRunCurves;
  let withheld = 0;
  const small = (x: number) => x < min;
  const keep = <T>(items: T[], ok: (item: T) => boolean): T[] => {
    const kept = items.filter(ok);
    withheld += items.length - kept.length;
    return kept;
  };
  const roc = keep(curves.roc, (s) => !small(s.cases) && !small(s.controls));
  const aucOverTime = curves.aucOverTime
    .map((s) => ({ ...s, points: keep(s.points, (p) => !small(p.cases) && !small(p.controls)) }))
    .filter((s) => s.points.length > 0);
  const incidence = curves.incidence && {
    ...curves.incidence,
    groups: keep(curves.incidence.groups, (g) => !small(g.n) && !small(g.events) && !small(g.n - g.events)).map(
      (g) => ({
        ...g,
        points: keep(g.points, (p) => !small(p.atRisk)),
        atRisk: keep(g.atRisk, (p) => !small(p.atRisk)),
      }),
    ),
  };
  const calibration = keep(
    curves.calibration,
    (c) =>
      c.pooledBins.length > 0 && c.pooledBins.every((b) => !small(b.n) && !small(b.events) && !small(b.n - b.events)),
  ).map((c) => ({ ...c, bins: c.pooledBins, binsPooled: true }));
  const decisionCurve = curves.decisionCurve && {
    ...curves.decisionCurve,
    series: curves.decisionCurve.series.map((s) => ({
      ...s,
      points: keep(s.points, (p) => {
        const negatives = curves.decisionCurve!.n - p.positives;
        return !(p.positives > 0 && small(p.positives)) && !(negatives > 0 && small(negatives));
      }),
    })),
  };
  return {
    horizonDays: curves.horizonDays,
    competingRisks: curves.competingRisks,
    minimumCount: curves.minimumCount,
    // A distribution of fewer patients than the minimum is not shown.
    scoreDistribution: curves.scoreDistribution && !small(curves.scoreDistribution.n) ? curves.scoreDistribution : null,
    roc,
    aucOverTime,
    incidence,
    calibration,
    decisionCurve,
    withheldParts: withheld,
  } satisfies ShownRunCurves;
}

/**
 * A run's curves as this viewer may see them: null until computed and while the site has not released the
 * results to the viewer; small cells cut for viewers without patient-level access to the site.
 */
export async function runCurves(
  db: Db,
  viewer: Viewer,
  run: Pick<ValidationRun, "id" | "datasetId" | "curves" | "releaseState">,
): Promise<ShownRunCurves | null> {
  // A run loaded without its curves (studyComparison omits them) reads them now.
  const stored =
    run.curves !== undefined
      ? run.curves
      : ((await db.validationRun.findUnique({ where: { id: run.id }, select: { curves: true } }))?.curves ?? null);
  if (stored === null) return null;
  const { siteId } = await db.validationDataset.findUniqueOrThrow({
    where: { id: run.datasetId },
    select: { siteId: true },
  });
  if (!canSeeRunResults(viewer, siteId, run.releaseState)) return null;
  return protectRunCurves(RunCurves.parse(stored), canReadPatientData(viewer, siteId));
}
