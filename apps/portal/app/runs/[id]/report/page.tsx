import type { Metadata } from "next";
import {
  aucOverTimeChart,
  calibrationChart,
  decisionCurveChart,
  forestChart,
  incidenceChart,
  rocChart,
  sourceLabel,
  subgroupLabel,
} from "@fracval/charts";
import { graphql } from "@/gql";
import { Figure, Section } from "@/components/report";
import type { PortalRunReportQuery } from "@/gql/graphql";
import { apiPageQuery } from "@/lib/api";
import { clinicalFeatureText } from "@/lib/readable";

export const metadata: Metadata = { title: "TRIPOD+AI validation report · FracVal" };

// The external-validation report of one run, structured by the TRIPOD+AI items that apply to external
// validation (Collins et al., BMJ 2024), with the dashboard's charts rendered to SVG on the server from the
// same specs. Printable (the PDF is this page printed by Chromium: ./report.pdf). Synthetic data is
// flagged on every printed page.

const Report = graphql(`
  query PortalRunReport($id: ID!) {
    run(id: $id) {
      id status createdAt startedAt finishedAt codeVersion seed executionProvider
      release { state by at comment }
      modelVersion { family version kind task outputSemantics horizonDays artifactSha256 manifest publishedAt }
      dataset {
        id name sha256 createdAt readyAt status
        site { code name country }
        study { title description target horizonDays }
      }
      participantFlow {
        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays
        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }
      }
      curves {
        horizonDays competingRisks minimumCount withheldParts
        roc { scoreSource cases controls auc points { threshold fpr tpr } }
        aucOverTime { scoreSource points { days estimate lower upper cases controls } }
        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }
        calibration {
          scoreSource binsPooled flexibleNote
          bins { n events meanRisk observed lower upper }
          flexible { ici e50 e90 curve { predicted observed } }
        }
        decisionCurve {
          n treatAll { threshold netBenefit } interventionThresholds { label threshold }
          series { scoreSource riskMeaning points { threshold netBenefit positives } }
        }
      }
    }
    metricResults(runId: $id) {
      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events provenance
      details { p slope slopeCiLower slopeCiUpper brier ipa analysis ciMethod }
    }
  }
`);

type Metric = PortalRunReportQuery["metricResults"][number];
type Card = {
  inputs?: { name: string; shape?: unknown[] }[];
  preprocessing?: unknown;
  pipeline?: unknown;
  clinicalFeatures?: unknown;
  trainingData?: string;
  intendedUse?: string;
  licence?: string;
};

const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? "—" : x.toFixed(digits));
const ci = (m: Metric | undefined, digits = 3) =>
  m ? `${num(m.estimate, digits)} (${num(m.ciLower, digits)}–${num(m.ciUpper, digits)})` : "—";
const pValue = (p: number | null | undefined) =>
  p === null || p === undefined ? "—" : p < 0.001 ? "< 0.001" : p.toFixed(3);

export default async function RunReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { run, metricResults } = await apiPageQuery(Report, { id });
  const card = (run.modelVersion.manifest ?? {}) as Card;
  const synthetic = /synthetic/i.test(`${run.dataset.name} ${card.trainingData ?? ""}`);
  const horizon = run.dataset.study.horizonDays ?? run.participantFlow?.horizonDays ?? 1826;
  const all = metricResults.filter((m) => m.subgroup === "all");
  const find = (metric: string, source: string, h: number | null = null) =>
    all.find((m) => m.metric === metric && m.scoreSource === source && (h === null || m.horizonDays === h));
  const sources = [...new Set(all.filter((m) => m.metric === "harrellC").map((m) => m.scoreSource))];
  const flow = run.participantFlow;
  const curves = run.curves;
  const charts = curves
    ? [
        curves.roc.length ? rocChart(curves) : null,
        curves.aucOverTime.length ? aucOverTimeChart(curves) : null,
        incidenceChart(curves),
        calibrationChart(curves),
        decisionCurveChart(curves),
      ].filter((c) => c !== null)
    : [];
  const subgroups = metricResults.filter(
    (m) => m.metric === "harrellC" && m.scoreSource === "model" && m.subgroup !== "all",
  );
  const cal = find("calibrationOE", "model");
  const provenance = (all[0]?.provenance ?? {}) as Record<string, unknown>;
  return (
    <article className="report mx-auto max-w-4xl bg-white p-8" data-testid="report">
      {synthetic && (
        <div className="synthetic-banner" data-testid="synthetic-banner">
          SYNTHETIC DATA — generated, not real patients; for demonstration of the validation workflow only
        </div>
      )}
      <header>
        <p className="text-sm text-slate-500">External validation report · TRIPOD+AI</p>
        <h1 className="text-2xl font-semibold">
          {run.modelVersion.family}@{run.modelVersion.version} at {run.dataset.site.name}
        </h1>
        <p className="text-sm text-slate-600">
          {run.dataset.study.title} · run {run.id} · {run.finishedAt?.slice(0, 10) ?? run.status} · results{" "}
          {run.release.state === "RELEASED"
            ? `released by ${run.release.by} on ${run.release.at?.slice(0, 10)}`
            : run.release.state.toLowerCase()}
        </p>
        <p className="no-print mt-2 text-sm">
          <a className="text-indigo-700" href={`/runs/${run.id}/report.pdf`}>
            Download as PDF
          </a>
        </p>
      </header>

      <Section item="4, 5" title="Source of data and setting">
        <p>
          Validation set “{run.dataset.name}” of {run.dataset.site.name} ({run.dataset.site.code},{" "}
          {run.dataset.site.country}), uploaded {run.dataset.createdAt.slice(0, 10)}, validated{" "}
          {run.dataset.readyAt?.slice(0, 10) ?? "—"}; content hash sha256 {run.dataset.sha256 ?? "—"}.
          {run.dataset.status === "WITHDRAWN"
            ? " The site has since withdrawn the dataset; the aggregates below are kept."
            : ""}
        </p>
        <p>{run.dataset.study.description}</p>
      </Section>

      <Section item="6, 20" title="Participants and flow">
        {flow ? (
          <ol className="list-decimal pl-5">
            <li>Uploaded: {flow.uploaded}</li>
            {flow.notScored.map((x) => (
              <li key={x.reason}>
                Not scored ({x.reason}): {x.count ?? "< 10"}
              </li>
            ))}
            <li>Without an outcome: {flow.missingOutcome ?? "< 10"}</li>
            <li>
              Analysed: {flow.analysed}, with {flow.events ?? "< 10"} incident vertebral fractures
              {flow.competingRisks ? ` and ${flow.deathsBeforeFracture ?? "< 10"} deaths before a fracture` : ""}
            </li>
          </ol>
        ) : (
          <p>Not available to you.</p>
        )}
      </Section>

      <Section item="7, 8" title="Outcome and predictors">
        <p>
          Outcome: incident vertebral fracture (
          {run.dataset.study.target === "TIME_TO_EVENT" ? "time to event" : "binary"}
          ), primary horizon {horizon} days; the analysis time of a fracture is its day (event_days), of anyone else the
          end of observation.{" "}
          {flow?.competingRisks
            ? "Death before a fracture is a competing event (Aalen-Johansen, cause-specific AUC(t))."
            : "Deaths were not recorded: they count as censoring."}
        </p>
        <p>
          Predictors (model card): {(card.inputs ?? []).map((i) => i.name).join(", ") || "—"}
          {Array.isArray(card.clinicalFeatures) && card.clinicalFeatures.length > 0
            ? `; clinical features, standardised with the development cohort's mean and SD: ${clinicalFeatureText(card.clinicalFeatures)}`
            : ""}
          . Output: {run.modelVersion.outputSemantics}.
        </p>
      </Section>

      <Section item="9, 10" title="Sample size and missing data">
        <p>
          {flow ? `${flow.analysed} patients, ${flow.events ?? "< 10"} events.` : ""} The model is validated on every
          scored patient with an outcome; FRAX and each clinical baseline on the patients that have them (complete case,
          no imputation):{" "}
          {flow?.comparators
            .map(
              (c) =>
                `${sourceLabel(c.scoreSource)} ${c.analysed ?? "< 10"} (${c.excludedMissingScore ?? "< 10"} without)`,
            )
            .join("; ")}
          . Censoring is handled by inverse probability of censoring weights (Uno&apos;s C, AUC(t), Brier); the AUROC is
          a complete-case secondary analysis.
        </p>
      </Section>

      <Section item="11, 12" title="The model">
        <p>
          {run.modelVersion.family}@{run.modelVersion.version} ({run.modelVersion.kind}, {run.modelVersion.task}),
          artifact sha256 {run.modelVersion.artifactSha256}, published{" "}
          {run.modelVersion.publishedAt?.slice(0, 10) ?? "—"}.
        </p>
        <p>Training data: {card.trainingData ?? "—"}</p>
        <p>Intended use: {card.intendedUse ?? "—"}</p>
      </Section>

      <Section item="12e, 23" title="Performance">
        <table className="w-full text-left text-sm" data-testid="report-discrimination">
          <thead>
            <tr className="border-b">
              <th className="py-1">Score</th>
              <th>n / events</th>
              <th>Harrell C (95 % CI)</th>
              <th>Uno C (95 % CI)</th>
              <th>AUC(t) (95 % CI)</th>
              <th>ΔC vs model, p</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => {
              const c = find("harrellC", s);
              return (
                <tr key={s} className="border-b border-slate-100">
                  <td className="py-1">{sourceLabel(s)}</td>
                  <td>
                    {c?.n ?? "—"} / {c?.events ?? "—"}
                  </td>
                  <td>{ci(c)}</td>
                  <td>{ci(find("unoC", s))}</td>
                  <td>{ci(find("timeDependentAuc", s, horizon))}</td>
                  <td>{s === "model" ? "" : pValue(find("harrellCDiff", `model-vs-${s}`)?.details?.p)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {cal && (
          <p>
            Calibration at {horizon} days: O/E {ci(cal, 2)}
            {cal.details?.slope !== null && cal.details?.slope !== undefined
              ? `, calibration slope ${num(cal.details.slope, 2)} (${num(cal.details.slopeCiLower, 2)}–${num(cal.details.slopeCiUpper, 2)})`
              : ""}
            , Brier {num(cal.details?.brier)}, IPA {num(cal.details?.ipa)}
            {curves?.calibration[0]?.flexible ? `, ICI ${num(curves.calibration[0].flexible.ici)}` : ""}.
          </p>
        )}
        {charts.map((chart) => (
          <Figure key={chart.title} chart={chart} />
        ))}
        {subgroups.length > 0 && (
          <Figure
            chart={forestChart(
              "Harrell's C of the model by subgroup",
              "Harrell's C (95 % CI)",
              subgroups.map((m) => ({
                label: subgroupLabel(m.subgroup),
                estimate: m.estimate,
                lower: m.ciLower,
                upper: m.ciUpper,
                n: m.n,
              })),
              0.5,
            )}
          />
        )}
      </Section>

      <Section item="24, 25" title="Comparison with FRAX and clinical baselines">
        <p>
          Each comparator is compared with the model on exactly the patients that have it (paired): ΔC with its p-value
          in the table above; ΔAUC(t):{" "}
          {sources
            .filter((s) => s !== "model")
            .map((s) => {
              const d = find("timeDependentAucDiff", `model-vs-${s}`, horizon);
              return `${sourceLabel(s)} ${d ? `${num(d.estimate)} (p ${pValue(d.details?.p)})` : "—"}`;
            })
            .join("; ")}
          .
        </p>
      </Section>

      <Section item="27" title="Limitations">
        <ul className="list-disc pl-5">
          {synthetic && <li>SYNTHETIC data: generated cohorts and images, not real patients.</li>}
          <li>One site&apos;s data: pool across sites (study page) before generalising.</li>
          {curves && curves.withheldParts > 0 && (
            <li>
              {curves.withheldParts} part(s) of the curves rest on fewer than {curves.minimumCount} patients or events
              and are withheld from readers without patient-level access.
            </li>
          )}
          {!flow?.competingRisks && <li>Deaths were not recorded: incidence may be overstated in older cohorts.</li>}
        </ul>
      </Section>

      <Section item="18, 29" title="Provenance and software">
        <p className="break-all">
          Code {run.codeVersion} · seed {run.seed} · execution provider {run.executionProvider ?? "—"} · statistics{" "}
          {String(provenance.statsVersion ?? "—")} · onnxruntime {String(provenance.onnxruntimeVersion ?? "—")} · model
          sha256 {run.modelVersion.artifactSha256} · dataset sha256 {run.dataset.sha256 ?? "—"}.
        </p>
      </Section>
    </article>
  );
}
