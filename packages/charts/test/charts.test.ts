// Every chart spec renders to SVG with Vega (as reports do), carries its title and axis titles, and
// gives its numbers as a table that matches what it draws.
import { describe, expect, it } from "vitest";
import {
  aucOverTimeChart,
  buildChart,
  calibrationChart,
  decisionCurveChart,
  forestChart,
  heatmapChart,
  incidenceChart,
  PALETTE,
  rocChart,
  sourceLabel,
  tableCsv,
  wrapLines,
} from "../src/index.js";
import { renderSvg } from "../src/render.js";

const curves = {
  horizonDays: 1826,
  competingRisks: false,
  roc: [
    {
      scoreSource: "model",
      cases: 40,
      controls: 160,
      auc: 0.7312,
      points: [
        { threshold: null, fpr: 0, tpr: 0 },
        { threshold: 0.3, fpr: 0.1, tpr: 0.45 },
        { threshold: 0.1, fpr: 0.5, tpr: 0.9 },
        { threshold: 0.01, fpr: 1, tpr: 1 },
      ],
    },
    {
      scoreSource: "frax_mof",
      cases: 40,
      controls: 160,
      auc: 0.61,
      points: [
        { threshold: null, fpr: 0, tpr: 0 },
        { threshold: 0.2, fpr: 0.3, tpr: 0.5 },
        { threshold: 0.02, fpr: 1, tpr: 1 },
      ],
    },
  ],
  aucOverTime: [
    {
      scoreSource: "model",
      points: [
        { days: 365, estimate: 0.74, lower: 0.65, upper: 0.81, cases: 12, controls: 180 },
        { days: 731, estimate: 0.72, lower: 0.66, upper: 0.78, cases: 25, controls: 150 },
      ],
    },
  ],
  incidence: {
    grouping: "tertiles of the model score",
    groups: [
      {
        name: "low tertile",
        n: 70,
        events: 5,
        points: [
          { days: 0, incidence: 0, lower: null, upper: null, atRisk: 70 },
          { days: 360, incidence: 0.03, lower: 0.01, upper: 0.09, atRisk: 60 },
        ],
        atRisk: [
          { days: 0, atRisk: 70 },
          { days: 365, atRisk: 59 },
        ],
      },
      {
        name: "high tertile",
        n: 70,
        events: 25,
        points: [
          { days: 0, incidence: 0, lower: null, upper: null, atRisk: 70 },
          { days: 360, incidence: 0.2, lower: 0.12, upper: 0.3, atRisk: 50 },
        ],
        atRisk: [
          { days: 0, atRisk: 70 },
          { days: 365, atRisk: 49 },
        ],
      },
    ],
  },
  calibration: [
    {
      scoreSource: "model",
      binsPooled: false,
      bins: [
        { n: 20, events: 2, meanRisk: 0.05, observed: 0.06, lower: 0.01, upper: 0.2 },
        { n: 20, events: 8, meanRisk: 0.4, observed: 0.3, lower: 0.15, upper: 0.5 },
      ],
      flexible: {
        ici: 0.034,
        e50: 0.02,
        e90: 0.08,
        curve: [
          { predicted: 0.05, observed: 0.055 },
          { predicted: 0.4, observed: 0.31 },
        ],
      },
      flexibleNote: null,
    },
  ],
  decisionCurve: {
    treatAll: [
      { threshold: 0.05, netBenefit: 0.12 },
      { threshold: 0.2, netBenefit: -0.05 },
    ],
    series: [
      {
        scoreSource: "model",
        riskMeaning: "the model's absolute risk by the horizon",
        points: [
          { threshold: 0.05, netBenefit: 0.13, positives: 150 },
          { threshold: 0.2, netBenefit: 0.04, positives: 40 },
        ],
      },
    ],
    interventionThresholds: [{ label: "FRAX MOF ≥ 20 % (NOF)", threshold: 0.2 }],
  },
};

const charts = () => [
  rocChart(curves),
  aucOverTimeChart(curves),
  incidenceChart(curves)!,
  calibrationChart(curves)!,
  decisionCurveChart(curves)!,
  forestChart("Harrell's C by site", "Harrell's C", [
    { label: "Bundang", estimate: 0.61, lower: 0.57, upper: 0.65, n: 1200 },
    { label: "Pooled (REML, HKSJ)", estimate: 0.62, lower: 0.55, upper: 0.68, pooled: true },
  ]),
];

/** The texts of a rendered chart's legend entries (what a reader matches colours and dashes against). */
function legendLabels(svg: string): string[] {
  const labels: string[] = [];
  for (const part of svg.split('class="mark-text role-legend-label"').slice(1)) {
    const group = part.slice(0, part.indexOf("</g>"));
    for (const m of group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) labels.push(m[1]!);
  }
  return labels;
}

/** Every line of a spec's title and subtitle. */
function titleLines(spec: unknown): { title: string[]; subtitle: string[] } {
  const title = (spec as { title: string | { text: string | string[]; subtitle?: string | string[] } }).title;
  const lines = (t: string | string[] | undefined) => (t === undefined ? [] : Array.isArray(t) ? t : [t]);
  return typeof title === "string"
    ? { title: [title], subtitle: [] }
    : { title: lines(title.text), subtitle: lines(title.subtitle) };
}

describe("chart specs", () => {
  it.each(charts().map((c) => [c.title, c] as const))(
    "%s renders to SVG with its title and axis titles",
    async (_, c) => {
      const svg = await renderSvg(c.spec);
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(c.title);
      expect(c.table.rows.length).toBeGreaterThan(0);
      for (const row of c.table.rows) expect(row).toHaveLength(c.table.columns.length);
    },
  );

  it("ROC: the legend gives each score's AUC; the table has every point", async () => {
    const c = rocChart(curves);
    const svg = await renderSvg(c.spec);
    expect(svg).toContain("Model (AUC 0.731)");
    expect(svg).toContain("FRAX MOF (AUC 0.610)");
    expect(legendLabels(svg)).toEqual(["Model (AUC 0.731)", "FRAX MOF (AUC 0.610)"]);
    expect(svg).toContain("1 − specificity (false-positive rate)");
    expect(c.table.rows).toHaveLength(7);
    expect(c.table.rows[1]).toEqual(["Model", 40, 160, 0.731, 0.3, 0.1, 0.45]);
    expect(svg.toLowerCase()).toContain(PALETTE[0]!.toLowerCase());
  });

  it("calibration: ICI, E50 and E90 in the subtitle; incidence: numbers at risk under the plot", async () => {
    expect(await renderSvg(calibrationChart(curves)!.spec)).toContain("ICI 0.034, E50 0.020, E90 0.080");
    const incidence = await renderSvg(incidenceChart(curves)!.spec);
    expect(incidence).toContain("Number at risk");
    expect(incidence).toContain(">59<");
    expect(incidence).toContain("high tertile (n = 70, 25 fractures)");
    expect(legendLabels(incidence)).toEqual([
      "low tertile (n = 70, 5 fractures)",
      "high tertile (n = 70, 25 fractures)",
    ]);
  });

  it("decision curve: model, treat all, treat none and the intervention threshold", async () => {
    const c = decisionCurveChart(curves)!;
    const svg = await renderSvg(c.spec);
    for (const text of ["Treat all", "Treat none", "FRAX MOF ≥ 20 % (NOF)", "Risk threshold (%)", "Net benefit"])
      expect(svg).toContain(text);
    expect(c.table.rows).toContainEqual(["Model", 20, 0.04, 40]);
  });

  it("decision curve: its legend names every strategy, not only the tooltips", async () => {
    const svg = await renderSvg(decisionCurveChart(curves)!.spec);
    expect(legendLabels(svg)).toEqual(["Model", "Treat all", "Treat none"]);
  });

  it("calibration: a legend tells the deciles from the flexible curve and the line of perfect calibration", async () => {
    const svg = await renderSvg(calibrationChart(curves)!.spec);
    expect(legendLabels(svg)).toEqual([
      "Deciles (observed, 95 % CI)",
      "Flexible calibration curve",
      "Perfect calibration",
    ]);
  });

  it("incidence: the numbers at risk stand under their times, clear of the group names", () => {
    const spec = incidenceChart(curves)!.spec as {
      vconcat: { encoding?: { y?: { axis?: { labelPadding?: number } } } }[];
    };
    // Numbers at day 0 are centred on the axis line: 10 px text needs the labels at least ~12 px away.
    expect(spec.vconcat[1]!.encoding!.y!.axis!.labelPadding).toBeGreaterThanOrEqual(12);
    // The counts stand under the times of the plot: one x scale for both (each had its own domain).
    expect((spec as { resolve?: unknown }).resolve).toEqual({ scale: { x: "shared" } });
  });

  it("wraps titles and subtitles at a card's width (Vega does not, and one long line widens the chart)", () => {
    expect(wrapLines("Cumulative incidence of vertebral fracture by tertiles of the model score", 52)).toEqual([
      "Cumulative incidence of vertebral fracture by",
      "tertiles of the model score",
    ]);
    expect(wrapLines("short", 52)).toEqual(["short"]);
    expect(wrapLines("a-very-long-word-without-spaces-stays-whole", 10)).toEqual([
      "a-very-long-word-without-spaces-stays-whole",
    ]);
    const long = { ...curves, decisionCurve: { ...curves.decisionCurve } };
    long.decisionCurve.series = [
      {
        ...curves.decisionCurve.series[0]!,
        riskMeaning: "10-year FRAX probability of a major osteoporotic fracture, used as the risk by the horizon",
      },
    ];
    for (const chart of [...charts(), decisionCurveChart(long)!]) {
      const { title, subtitle } = titleLines(chart.spec);
      expect(title.join(" ")).toBe(chart.title);
      for (const line of title) expect(line.length).toBeLessThanOrEqual(52);
      for (const line of subtitle) expect(line.length).toBeLessThanOrEqual(68);
    }
  });

  it("forest: the plot narrows as its labels widen, so the chart fits a half-width card", () => {
    const width = (label: string) =>
      (forestChart("t", "C", [{ label, estimate: 0.7, lower: 0.6, upper: 0.8 }]).spec as { width: number }).width;
    expect(width("Bundang")).toBe(360);
    const long = "Gangnam Severance Hospital · 33 %";
    expect(width(long)).toBeLessThan(width("Pooled (REML, HKSJ, k = 3)"));
    expect(width(long) + 6.5 * long.length).toBeLessThanOrEqual(470);
    expect(width("x".repeat(200))).toBe(200);
  });

  it("labels sources and writes tables as CSV with formula-looking text defused", () => {
    expect(["model", "frax_hip", "baseline:clinical-coxph-m1@1.0.0", "model-vs-frax_mof"].map(sourceLabel)).toEqual([
      "Model",
      "FRAX hip",
      "clinical-coxph-m1@1.0.0",
      "Model − FRAX MOF",
    ]);
    expect(
      tableCsv({
        columns: ["a", "b"],
        rows: [
          ["=cmd()", 1.5],
          ["x,y", null],
        ],
      }),
    ).toBe('a,b\n\'=cmd(),1.5\n"x,y",\n');
  });
});

describe("heatmapChart", () => {
  const cells = [
    { row: "Bundang", column: "Model", value: 0.62, label: "0.620" },
    { row: "Boramae", column: "Model", value: 1.0, label: "1.000" },
    { row: "Severance", column: "Model", value: 1.3, label: "1.300" },
  ];
  type Layered = { encoding?: { color?: { scale?: unknown } }; layer: { encoding: { color: unknown } }[] };

  it("colours by value on viridis where more is simply more", () => {
    const spec = heatmapChart("Harrell's C", "C", cells, "Site", "Score").spec as unknown as Layered;
    expect((spec.layer[0]!.encoding.color as { scale: unknown }).scale).toEqual({ scheme: "viridis" });
  });

  it("diverges around the ideal value: O/E 0.62 and 1.30 both stand out from 1.00", async () => {
    const chart = heatmapChart("Calibration O/E", "O/E", cells, "Site", "Score", 1);
    const spec = chart.spec as unknown as Layered;
    // The same distance each side of 1 (0.38, the farthest cell), so 0.62 and 1.38 would look alike.
    expect((spec.layer[0]!.encoding.color as { scale: unknown }).scale).toEqual({
      scheme: "blueorange",
      domain: [0.62, 1.38],
      domainMid: 1,
    });
    // White text where the colour is dark: both ends (|v − 1| > 0.6 × 0.38), not the middle.
    expect((spec.layer[1]!.encoding.color as { condition: { test: string } }).condition.test).toBe(
      "datum.value !== null && abs(datum.value - 1) > 0.228",
    );
    const svg = await renderSvg(chart.spec);
    expect(svg).toContain("Colour: distance from 1 (blue below, orange above)");
  });
});

describe("buildChart", () => {
  it("builds from a recipe exactly what the builder gives (the browser builds what the server used to send)", () => {
    const cells = [
      { row: "Bundang · m@1", column: "Model", value: 0.71234, label: "0.712 (0.65–0.77)" },
      { row: "Bundang · m@1", column: "FRAX MOF", value: null, label: "—" },
    ];
    expect(buildChart({ kind: "heatmap", args: ["T", "C", cells, "Site", "Score"] })).toEqual(
      heatmapChart("T", "C", cells, "Site", "Score"),
    );
    const rows = [
      { label: "Bundang", estimate: 0.7, lower: 0.6, upper: 0.8, n: 400 },
      { label: "Pooled", estimate: 0.72, lower: 0.65, upper: 0.79, pooled: true },
    ];
    const forest = buildChart({ kind: "forest", args: ["F", "Harrell's C (95 % CI)", rows, 0.5] });
    expect(forest).toEqual(forestChart("F", "Harrell's C (95 % CI)", rows, 0.5));
    expect(forest.table.rows).toHaveLength(2);
  });
});
