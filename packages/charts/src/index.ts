// One Vega-Lite spec per chart of a validation paper, built from the API's aggregate types. Every chart has
// a title, axis titles, a colour-blind-safe palette (Okabe-Ito) and its numbers as a table (the text
// alternative shown behind a toggle, and the CSV of the chart). The portal renders the specs with
// vega-embed (tooltips, SVG/PNG export); reports render the same specs to SVG on the server (render.ts).
import type { TopLevelSpec } from "vega-lite";

/** Okabe & Ito's palette: distinguishable with every common colour-vision deficiency. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

export interface Table {
  columns: string[];
  rows: (string | number | null)[][];
}

export interface Chart {
  /** The chart's title, also its accessible name. */
  title: string;
  spec: TopLevelSpec;
  /** The numbers behind the chart. */
  table: Table;
}

const DAYS_PER_YEAR = 365.25;
const round = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;
const years = (days: number) => round(days / DAYS_PER_YEAR, 2)!;
const horizonText = (days: number) => `${round(days / DAYS_PER_YEAR, 1)} years`;

/** "model" → "Model", "frax_mof" → "FRAX MOF", "baseline:clinical-coxph-m1@1.0.0" → "clinical-coxph-m1@1.0.0". */
export function sourceLabel(source: string): string {
  if (source === "model") return "Model";
  if (source === "model-recalibrated") return "Model, recalibrated";
  if (source === "frax_mof") return "FRAX MOF";
  if (source === "frax_hip") return "FRAX hip";
  if (source.startsWith("baseline:")) return source.slice("baseline:".length);
  if (source.startsWith("model-vs-")) return `Model − ${sourceLabel(source.slice("model-vs-".length))}`;
  return source;
}

/** A subgroup as a reader names it: "All patients", "Women", "Age 65–74", "Manufacturer: GE", "Risk group HIGH". */
export function subgroupLabel(subgroup: string): string {
  const named: Record<string, string> = {
    all: "All patients",
    "sex=F": "Women",
    "sex=M": "Men",
    "age<65": "Age < 65",
    "age65-74": "Age 65–74",
    "age>=75": "Age ≥ 75",
  };
  if (named[subgroup]) return named[subgroup];
  if (subgroup.startsWith("manufacturer=")) return `Manufacturer: ${subgroup.slice("manufacturer=".length)}`;
  if (subgroup.startsWith("group=")) return `Risk group ${subgroup.slice("group=".length)}`;
  return subgroup;
}

const BASE = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: 420,
  height: 320,
  config: {
    font: "Inter, system-ui, sans-serif",
    title: { fontSize: 14, subtitleFontSize: 11, anchor: "start" as const },
    axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#e2e8f0" },
    // Legend entries carry counts ("high tertile (n = 133, 37 fractures)"): Vega's default limit cut them.
    legend: {
      labelFontSize: 11,
      titleFontSize: 11,
      labelLimit: 400,
      orient: "bottom" as const,
      direction: "vertical" as const,
    },
    range: { category: PALETTE },
  },
};

/**
 * The longest title and subtitle lines, in characters, that fit a chart of BASE's width with its axis in a
 * half-width card of the portal (510 px at 1280 px and wider): 14 px bold and 11 px text.
 */
const TITLE_CHARS = 52;
const SUBTITLE_CHARS = 68;

/** `text` broken at spaces into lines of at most `max` characters (a longer word keeps a line of its own). */
export function wrapLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A chart's title and subtitle, wrapped: Vega does not wrap text, and one long line widens the whole chart
 * past its card. Screen readers still get each as one text (Vega joins the lines in its aria-label).
 */
function chartTitle(text: string, subtitle: string | string[] = []) {
  const lines = (Array.isArray(subtitle) ? subtitle : [subtitle]).flatMap((s) => wrapLines(s, SUBTITLE_CHARS));
  return { text: wrapLines(text, TITLE_CHARS), ...(lines.length > 0 ? { subtitle: lines } : {}) };
}

const colourBy = (field: string, title: string, domain: string[]) => ({
  field,
  type: "nominal" as const,
  title,
  scale: { domain, range: PALETTE.slice(0, Math.max(1, domain.length)) },
});

// ─── ROC ───

export interface RocInput {
  horizonDays: number;
  roc: {
    scoreSource: string;
    cases: number;
    controls: number;
    auc: number | null;
    points: { fpr: number; tpr: number; threshold: number | null }[];
  }[];
}

export function rocChart(curves: RocInput): Chart {
  const title = `ROC at ${horizonText(curves.horizonDays)} (complete case)`;
  const label = (s: RocInput["roc"][number]) =>
    `${sourceLabel(s.scoreSource)}${s.auc === null ? "" : ` (AUC ${s.auc.toFixed(3)})`}`;
  const values = curves.roc.flatMap((s) =>
    s.points.map((p, order) => ({
      series: label(s),
      order,
      fpr: round(p.fpr, 4),
      tpr: round(p.tpr, 4),
      threshold: round(p.threshold, 4),
    })),
  );
  const domain = curves.roc.map(label);
  return {
    title,
    spec: {
      ...BASE,
      title: chartTitle(title, "Cases: fracture by the horizon; controls: fracture-free beyond it"),
      layer: [
        {
          data: {
            values: [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
          },
          mark: { type: "line", strokeDash: [4, 4], color: "#94a3b8" },
          encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
        },
        {
          data: { values },
          mark: { type: "line", point: { size: 12 }, interpolate: "linear" },
          encoding: {
            x: {
              field: "fpr",
              type: "quantitative",
              title: "1 − specificity (false-positive rate)",
              scale: { domain: [0, 1] },
            },
            y: {
              field: "tpr",
              type: "quantitative",
              title: "Sensitivity (true-positive rate)",
              scale: { domain: [0, 1] },
            },
            color: colourBy("series", "Score", domain),
            order: { field: "order", type: "quantitative" },
            tooltip: [
              { field: "series", title: "Score" },
              { field: "threshold", title: "Threshold (score ≥)" },
              { field: "fpr", title: "1 − specificity" },
              { field: "tpr", title: "Sensitivity" },
            ],
          },
        },
      ],
    },
    table: {
      columns: ["Score", "Cases", "Controls", "AUC", "Threshold (score ≥)", "1 − specificity", "Sensitivity"],
      rows: curves.roc.flatMap((s) =>
        s.points.map((p) => [
          sourceLabel(s.scoreSource),
          s.cases,
          s.controls,
          round(s.auc),
          round(p.threshold, 4),
          round(p.fpr, 4),
          round(p.tpr, 4),
        ]),
      ),
    },
  };
}

// ─── AUC(t) ───

export interface AucOverTimeInput {
  aucOverTime: {
    scoreSource: string;
    points: {
      days: number;
      estimate: number;
      lower: number | null;
      upper: number | null;
      cases: number;
      controls: number;
    }[];
  }[];
}

export function aucOverTimeChart(curves: AucOverTimeInput): Chart {
  const title = "Time-dependent AUC(t) over follow-up (censoring-weighted, 95 % CI)";
  const values = curves.aucOverTime.flatMap((s) =>
    s.points.map((p) => ({
      series: sourceLabel(s.scoreSource),
      years: years(p.days),
      auc: round(p.estimate),
      lower: round(p.lower),
      upper: round(p.upper),
      cases: p.cases,
      controls: p.controls,
    })),
  );
  const domain = curves.aucOverTime.map((s) => sourceLabel(s.scoreSource));
  const x = { field: "years", type: "quantitative" as const, title: "Years since the image" };
  return {
    title,
    spec: {
      ...BASE,
      title: chartTitle(title),
      data: { values },
      layer: [
        {
          mark: { type: "errorband", opacity: 0.2 },
          encoding: {
            x,
            y: { field: "lower", type: "quantitative", title: "AUC(t)" },
            y2: { field: "upper" },
            color: colourBy("series", "Score", domain),
          },
        },
        {
          mark: { type: "line", point: true },
          encoding: {
            x,
            y: { field: "auc", type: "quantitative", title: "AUC(t)", scale: { domain: [0.4, 1] } },
            color: colourBy("series", "Score", domain),
            tooltip: [
              { field: "series", title: "Score" },
              { field: "years", title: "Years" },
              { field: "auc", title: "AUC(t)" },
              { field: "lower", title: "95 % CI lower" },
              { field: "upper", title: "95 % CI upper" },
              { field: "cases", title: "Cases" },
              { field: "controls", title: "Controls" },
            ],
          },
        },
        {
          data: { values: [{ y: 0.5 }] },
          mark: { type: "rule", strokeDash: [4, 4], color: "#94a3b8" },
          encoding: { y: { field: "y", type: "quantitative" } },
        },
      ],
    },
    table: {
      columns: ["Score", "Years", "AUC(t)", "95 % CI lower", "95 % CI upper", "Cases", "Controls"],
      rows: values.map((v) => [v.series, v.years, v.auc, v.lower, v.upper, v.cases, v.controls]),
    },
  };
}

// ─── Incidence by risk group ───

export interface IncidenceInput {
  competingRisks: boolean;
  incidence: {
    grouping: string;
    groups: {
      name: string;
      n: number;
      events: number;
      points: { days: number; incidence: number; lower: number | null; upper: number | null; atRisk: number }[];
      atRisk: { days: number; atRisk: number }[];
    }[];
  } | null;
}

export function incidenceChart(curves: IncidenceInput): Chart | null {
  const incidence = curves.incidence;
  if (!incidence || incidence.groups.length === 0) return null;
  const method = curves.competingRisks ? "Aalen-Johansen, death a competing event" : "1 − Kaplan-Meier";
  const title = `Cumulative incidence of vertebral fracture by ${incidence.grouping}`;
  const label = (g: { name: string; n: number; events: number }) => `${g.name} (n = ${g.n}, ${g.events} fractures)`;
  const domain = incidence.groups.map(label);
  const values = incidence.groups.flatMap((g) =>
    g.points.map((p) => ({
      group: label(g),
      years: years(p.days),
      incidence: round(p.incidence * 100, 2),
      lower: round((p.lower ?? p.incidence) * 100, 2),
      upper: round((p.upper ?? p.incidence) * 100, 2),
      atRisk: p.atRisk,
    })),
  );
  const atRisk = incidence.groups.flatMap((g) =>
    g.atRisk.map((t) => ({ group: g.name, years: years(t.days), atRisk: t.atRisk })),
  );
  const x = { field: "years", type: "quantitative" as const, title: "Years since the image", scale: { domainMin: 0 } };
  // Narrower than BASE: both panels start after the widest left labels, the group names of the numbers at risk.
  const width = 400;
  return {
    title,
    spec: {
      $schema: BASE.$schema,
      config: BASE.config,
      title: chartTitle(title, method),
      // One time axis for the curves and the numbers at risk: each count stands under its time on the plot.
      resolve: { scale: { x: "shared" } },
      vconcat: [
        {
          width,
          height: 280,
          data: { values },
          layer: [
            {
              mark: { type: "area", opacity: 0.15, interpolate: "step-after" },
              encoding: {
                x,
                y: { field: "lower", type: "quantitative" },
                y2: { field: "upper" },
                color: colourBy("group", "Group", domain),
              },
            },
            {
              mark: { type: "line", interpolate: "step-after" },
              encoding: {
                x,
                y: { field: "incidence", type: "quantitative", title: "Cumulative incidence (%)" },
                color: colourBy("group", "Group", domain),
                tooltip: [
                  { field: "group", title: "Group" },
                  { field: "years", title: "Years" },
                  { field: "incidence", title: "Incidence (%)" },
                  { field: "lower", title: "95 % CI lower (%)" },
                  { field: "upper", title: "95 % CI upper (%)" },
                  { field: "atRisk", title: "At risk" },
                ],
              },
            },
          ],
        },
        {
          width,
          height: { step: 16 },
          title: { text: "Number at risk", fontSize: 11 },
          data: { values: atRisk },
          mark: { type: "text", fontSize: 10 },
          encoding: {
            x: {
              field: "years",
              type: "quantitative",
              title: null,
              scale: { domainMin: 0 },
              axis: { labels: false, ticks: false, grid: false },
            },
            y: {
              field: "group",
              type: "nominal",
              title: null,
              sort: incidence.groups.map((g) => g.name),
              // The counts at day 0 are centred on the axis line: the group names keep clear of them.
              axis: { labelPadding: 14, ticks: false, domain: false },
            },
            text: { field: "atRisk", type: "quantitative" },
          },
        },
      ],
    },
    table: {
      columns: ["Group", "Years", "Cumulative incidence (%)", "95 % CI lower (%)", "95 % CI upper (%)", "At risk"],
      rows: values.map((v) => [v.group, v.years, v.incidence, v.lower, v.upper, v.atRisk]),
    },
  };
}

// ─── Calibration ───

export interface CalibrationInput {
  horizonDays: number;
  competingRisks: boolean;
  calibration: {
    scoreSource: string;
    bins: {
      n: number;
      events: number;
      meanRisk: number;
      observed: number;
      lower: number | null;
      upper: number | null;
    }[];
    binsPooled: boolean;
    flexible: { ici: number; e50: number; e90: number; curve: { predicted: number; observed: number }[] } | null;
    flexibleNote: string | null;
  }[];
}

export function calibrationChart(curves: CalibrationInput): Chart | null {
  const cal = curves.calibration.find((c) => c.scoreSource === "model");
  if (!cal || cal.bins.length === 0) return null;
  const title = `Calibration at ${horizonText(curves.horizonDays)}`;
  const observedBy = curves.competingRisks ? "Aalen-Johansen" : "1 − Kaplan-Meier";
  const subtitle = [
    `${cal.binsPooled ? "Pooled deciles" : "Deciles"} of predicted risk (observed: ${observedBy}, 95 % CI)`,
    cal.flexible
      ? `Flexible curve: ICI ${cal.flexible.ici.toFixed(3)}, E50 ${cal.flexible.e50.toFixed(3)}, E90 ${cal.flexible.e90.toFixed(3)}`
      : (cal.flexibleNote ?? ""),
  ].filter(Boolean);
  const bins = cal.bins.map((b, k) => ({
    bin: k + 1,
    predicted: round(b.meanRisk * 100, 2),
    observed: round(b.observed * 100, 2),
    lower: round((b.lower ?? b.observed) * 100, 2),
    upper: round((b.upper ?? b.observed) * 100, 2),
    n: b.n,
    events: b.events,
  }));
  const top =
    Math.max(
      ...bins.flatMap((b) => [b.predicted ?? 0, b.upper ?? 0]),
      ...(cal.flexible?.curve.map((p) => p.observed * 100) ?? []),
    ) * 1.05;
  const axis = { scale: { domain: [0, Math.min(100, Math.max(1, top))] } };
  // One legend for what each layer is: the colour of each layer is a datum of one scale.
  const legendDomain = [
    "Deciles (observed, 95 % CI)",
    ...(cal.flexible ? ["Flexible calibration curve"] : []),
    "Perfect calibration",
  ];
  const legendRange = [PALETTE[0]!, ...(cal.flexible ? [PALETTE[1]!] : []), "#94a3b8"];
  const colour = (datum: string) => ({
    datum,
    title: null,
    scale: { domain: legendDomain, range: legendRange },
  });
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>["layer"]> = [
    {
      data: {
        values: [
          { x: 0, y: 0 },
          { x: 100, y: 100 },
        ],
      },
      mark: { type: "line", strokeDash: [4, 4], clip: true },
      encoding: {
        x: { field: "x", type: "quantitative", ...axis },
        y: { field: "y", type: "quantitative", ...axis },
        color: colour("Perfect calibration"),
      },
    },
  ];
  if (cal.flexible)
    layers.push({
      data: {
        values: cal.flexible.curve.map((p) => ({
          predicted: round(p.predicted * 100, 2),
          observed: round(p.observed * 100, 2),
        })),
      },
      mark: { type: "line", clip: true },
      encoding: {
        x: { field: "predicted", type: "quantitative" },
        y: { field: "observed", type: "quantitative" },
        color: colour("Flexible calibration curve"),
      },
    });
  layers.push(
    {
      data: { values: bins },
      mark: { type: "rule" },
      encoding: {
        x: { field: "predicted", type: "quantitative" },
        y: { field: "lower", type: "quantitative" },
        y2: { field: "upper" },
        color: colour("Deciles (observed, 95 % CI)"),
      },
    },
    {
      data: { values: bins },
      mark: { type: "point", filled: true, size: 50 },
      encoding: {
        x: {
          field: "predicted",
          type: "quantitative",
          title: `Predicted risk by ${horizonText(curves.horizonDays)} (%)`,
          ...axis,
        },
        y: { field: "observed", type: "quantitative", title: `Observed risk (%)`, ...axis },
        color: colour("Deciles (observed, 95 % CI)"),
        tooltip: [
          { field: "bin", title: "Bin" },
          { field: "n", title: "Patients" },
          { field: "events", title: "Fractures" },
          { field: "predicted", title: "Mean predicted (%)" },
          { field: "observed", title: "Observed (%)" },
          { field: "lower", title: "95 % CI lower (%)" },
          { field: "upper", title: "95 % CI upper (%)" },
        ],
      },
    },
  );
  return {
    title,
    spec: { ...BASE, title: chartTitle(title, subtitle), layer: layers },
    table: {
      columns: [
        "Bin",
        "Patients",
        "Fractures",
        "Mean predicted (%)",
        "Observed (%)",
        "95 % CI lower (%)",
        "95 % CI upper (%)",
      ],
      rows: bins.map((b) => [b.bin, b.n, b.events, b.predicted, b.observed, b.lower, b.upper]),
    },
  };
}

// ─── Decision curve ───

export interface DecisionCurveInput {
  horizonDays: number;
  decisionCurve: {
    treatAll: { threshold: number; netBenefit: number }[];
    series: {
      scoreSource: string;
      riskMeaning: string;
      points: { threshold: number; netBenefit: number; positives: number }[];
    }[];
    interventionThresholds: { label: string; threshold: number }[];
  } | null;
}

export function decisionCurveChart(curves: DecisionCurveInput): Chart | null {
  const dc = curves.decisionCurve;
  if (!dc || dc.series.length === 0) return null;
  const title = `Decision curve at ${horizonText(curves.horizonDays)}`;
  const values = [
    ...dc.series.flatMap((s) =>
      s.points.map((p) => ({
        strategy: sourceLabel(s.scoreSource),
        threshold: round(p.threshold * 100, 1),
        netBenefit: round(p.netBenefit, 4),
        positives: p.positives,
      })),
    ),
    ...dc.treatAll.map((p) => ({
      strategy: "Treat all",
      threshold: round(p.threshold * 100, 1),
      netBenefit: round(p.netBenefit, 4),
      positives: null,
    })),
    ...dc.treatAll.map((p) => ({
      strategy: "Treat none",
      threshold: round(p.threshold * 100, 1),
      netBenefit: 0,
      positives: 0,
    })),
  ];
  const domain = [...dc.series.map((s) => sourceLabel(s.scoreSource)), "Treat all", "Treat none"];
  const top = Math.max(0.01, ...values.map((v) => v.netBenefit ?? 0)) * 1.1;
  const y = {
    field: "netBenefit",
    type: "quantitative" as const,
    title: "Net benefit",
    scale: { domain: [-top / 4, top] },
  };
  const x = { field: "threshold", type: "quantitative" as const, title: "Risk threshold (%)" };
  return {
    title,
    spec: {
      ...BASE,
      title: chartTitle(
        title,
        dc.series.map((s) => `${sourceLabel(s.scoreSource)}: ${s.riskMeaning}`),
      ),
      layer: [
        {
          data: { values },
          mark: { type: "line", clip: true },
          encoding: {
            x,
            y,
            color: {
              ...colourBy("strategy", "Strategy", domain),
              scale: { domain, range: [...PALETTE.slice(0, dc.series.length), "#64748b", "#0f172a"] },
            },
            // The same field and title as the colour: Vega-Lite draws one legend with both (a strokeDash
            // without a legend took the merged legend with it, leaving the lines unnamed).
            strokeDash: {
              field: "strategy",
              type: "nominal",
              title: "Strategy",
              scale: { domain, range: [...dc.series.map(() => [1, 0]), [6, 3], [2, 2]] },
            },
            tooltip: [
              { field: "strategy", title: "Strategy" },
              { field: "threshold", title: "Threshold (%)" },
              { field: "netBenefit", title: "Net benefit" },
              { field: "positives", title: "Treated (patients)" },
            ],
          },
        },
        {
          data: { values: dc.interventionThresholds.map((t) => ({ threshold: t.threshold * 100, label: t.label })) },
          layer: [
            {
              mark: { type: "rule", strokeDash: [2, 4], color: "#475569" },
              encoding: { x: { field: "threshold", type: "quantitative" } },
            },
            {
              mark: { type: "text", angle: 270, align: "left", dx: 4, dy: -4, fontSize: 9, color: "#475569" },
              encoding: { x: { field: "threshold", type: "quantitative" }, y: { datum: 0 }, text: { field: "label" } },
            },
          ],
        },
      ],
    },
    table: {
      columns: ["Strategy", "Threshold (%)", "Net benefit", "Treated (patients)"],
      rows: values.map((v) => [v.strategy, v.threshold, v.netBenefit, v.positives]),
    },
  };
}

// ─── Forest plot ───

export interface ForestRow {
  label: string;
  estimate: number;
  lower: number | null;
  upper: number | null;
  /** Patients (or null when withheld). */
  n?: number | null;
  /** Drawn as a diamond: a pooled estimate. */
  pooled?: boolean;
}

const FOREST_LABEL_LIMIT = 320;
/** Pixels per character of an 11 px axis label (a generous average, as the browser's fonts vary). */
const LABEL_PX_PER_CHAR = 6.5;

/**
 * The plot's width beside labels like these: plot and labels together fit a half-width card (about 470 px
 * of chart), between 200 px (long labels: the card scrolls) and 360 px.
 */
function forestWidth(labels: string[]): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const labelPx = Math.min(FOREST_LABEL_LIMIT, LABEL_PX_PER_CHAR * longest) + 10;
  return Math.round(Math.min(360, Math.max(200, 470 - labelPx)));
}

/** A forest plot: one row per estimate with its interval; pooled rows as diamonds; a reference line. */
export function forestChart(
  title: string,
  axisTitle: string,
  rows: ForestRow[],
  reference: number | null = null,
): Chart {
  const values = rows.map((r, order) => ({
    label: r.label,
    order,
    estimate: round(r.estimate),
    lower: round(r.lower),
    upper: round(r.upper),
    n: r.n ?? null,
    kind: r.pooled ? "pooled" : "estimate",
  }));
  const y = {
    field: "label",
    type: "nominal" as const,
    title: null,
    sort: values.map((v) => v.label),
    axis: { labelLimit: FOREST_LABEL_LIMIT },
  };
  return {
    title,
    spec: {
      ...BASE,
      width: forestWidth(values.map((v) => v.label)),
      height: { step: 24 },
      title: chartTitle(title),
      data: { values },
      layer: [
        ...(reference === null
          ? []
          : [
              {
                data: { values: [{ x: reference }] },
                mark: { type: "rule" as const, strokeDash: [4, 4], color: "#94a3b8" },
                encoding: { x: { field: "x", type: "quantitative" as const } },
              },
            ]),
        {
          mark: { type: "rule", color: PALETTE[0] },
          encoding: {
            y,
            x: { field: "lower", type: "quantitative", title: axisTitle, scale: { zero: false } },
            x2: { field: "upper" },
          },
        },
        {
          mark: { type: "point", filled: true, color: PALETTE[0] },
          encoding: {
            y,
            x: { field: "estimate", type: "quantitative" },
            shape: {
              field: "kind",
              type: "nominal",
              scale: { domain: ["estimate", "pooled"], range: ["square", "diamond"] },
              legend: null,
            },
            size: { condition: { test: "datum.kind === 'pooled'", value: 220 }, value: 60 },
            tooltip: [
              { field: "label", title: "" },
              { field: "estimate", title: "Estimate" },
              { field: "lower", title: "95 % CI lower" },
              { field: "upper", title: "95 % CI upper" },
              { field: "n", title: "Patients" },
            ],
          },
        },
      ],
    },
    table: {
      columns: ["", "Estimate", "95 % CI lower", "95 % CI upper", "Patients"],
      rows: values.map((v) => [v.label, v.estimate, v.lower, v.upper, v.n]),
    },
  };
}

/** The table as CSV (the "numbers" download beside each chart); text a spreadsheet would run as a formula is quoted. */
export function tableCsv(table: Table): string {
  const cell = (v: string | number | null) => {
    if (v === null) return "";
    const s = typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[table.columns, ...table.rows].map((r) => r.map(cell).join(",")).join("\n")}\n`;
}

// ─── Heatmap ───

export interface HeatmapCell {
  row: string;
  column: string;
  /** The value coloured; null for a withheld or missing cell (drawn grey, labelled). */
  value: number | null;
  /** The cell's text ("0.712 (0.68–0.74)", "withheld", "—"). */
  label: string;
}

/**
 * A matrix of one metric (rows × columns), each cell labelled and coloured by value: viridis (colour-blind
 * safe) where higher is simply more; with a `centre` (the ideal O/E or slope of 1, no difference 0), a
 * diverging blue–orange scale around it, so that too low and too high both stand out.
 */
export function heatmapChart(
  title: string,
  valueTitle: string,
  cells: HeatmapCell[],
  rowTitle: string,
  columnTitle: string,
  centre: number | null = null,
): Chart {
  const rows = [...new Set(cells.map((c) => c.row))];
  const columns = [...new Set(cells.map((c) => c.column))];
  const values = cells.map((c) => ({ ...c, value: round(c.value) }));
  const shown = cells.flatMap((c) => (c.value === null ? [] : [c.value]));
  // Viridis is dark at its low end: white text on the lower half of the range, black on the upper. Blue-orange
  // spans the same distance each side of the centre (equal distances, equal colours) and is dark at both
  // ends: white text beyond 60 % of that distance (orange stays light longer than blue).
  const middle = shown.length ? (Math.min(...shown) + Math.max(...shown)) / 2 : 0;
  const reach = centre === null ? 0 : Math.max(1e-6, ...shown.map((v) => Math.abs(v - centre)));
  const six = (x: number) => Number(x.toFixed(6));
  const darkText =
    centre === null
      ? `datum.value !== null && datum.value < ${middle}`
      : `datum.value !== null && abs(datum.value - ${centre}) > ${six(0.6 * reach)}`;
  return {
    title,
    spec: {
      ...BASE,
      // Wide enough for the longest cell text ("0.750 (0.671–0.815), p < 0.001" at 10 px).
      width: { step: Math.min(280, Math.max(120, 6 * Math.max(0, ...cells.map((c) => c.label.length)) + 12)) },
      height: { step: 36 },
      title:
        centre === null
          ? title
          : { text: title, subtitle: `Colour: distance from ${centre} (blue below, orange above)` },
      data: { values },
      encoding: {
        x: {
          field: "column",
          type: "nominal",
          title: columnTitle,
          sort: columns,
          // No grid: on a band scale its lines run through the middle of the cells, striking out their text.
          axis: { orient: "top", labelAngle: 0, grid: false },
        },
        y: {
          field: "row",
          type: "nominal",
          title: rowTitle,
          sort: rows,
          // The row title sits above the row labels, level with the column labels (beside them it overlapped
          // long labels wherever the browser measured the font differently from the layout).
          axis: {
            labelLimit: 320,
            grid: false,
            titleAngle: 0,
            titleAlign: "right",
            titleBaseline: "bottom",
            titleX: -5,
            titleY: -4,
          },
        },
      },
      layer: [
        {
          mark: { type: "rect", stroke: "white", strokeWidth: 2 },
          encoding: {
            color: {
              condition: { test: "datum.value === null", value: "#e2e8f0" },
              field: "value",
              type: "quantitative",
              title: valueTitle,
              scale:
                centre === null
                  ? { scheme: "viridis" }
                  : { scheme: "blueorange", domain: [six(centre - reach), six(centre + reach)], domainMid: centre },
            },
            tooltip: [
              { field: "row", title: rowTitle },
              { field: "column", title: columnTitle },
              { field: "label", title: valueTitle },
            ],
          },
        },
        {
          mark: { type: "text", fontSize: 10 },
          encoding: {
            text: { field: "label" },
            color: {
              condition: { test: darkText, value: "white" },
              value: "black",
            },
          },
        },
      ],
    },
    table: { columns: [rowTitle, columnTitle, valueTitle], rows: cells.map((c) => [c.row, c.column, c.label]) },
  };
}

/**
 * A chart as the arguments of its builder: what a page sends to the browser, which builds the spec and the
 * table there (sending both, built, carried every number twice more).
 */
export type ChartRecipe =
  | { kind: "heatmap"; args: Parameters<typeof heatmapChart> }
  | { kind: "forest"; args: Parameters<typeof forestChart> };

export function buildChart(recipe: ChartRecipe): Chart {
  return recipe.kind === "heatmap" ? heatmapChart(...recipe.args) : forestChart(...recipe.args);
}
