import { forestChart } from "@fracval/charts";
import { graphql } from "@/gql";
import { Figure, Section } from "@/components/report";
import { designatedDatasets } from "@/lib/designated-datasets";
import { apiPageQuery, apiQuery } from "@/lib/api";
import { forestRows, heterogeneity } from "../overview";

export const metadata = { title: "TRIPOD+AI study report · FracVal" };

// The study's external-validation report across sites (TRIPOD+AI items that apply to external validation):
// each site's source and flow, the model, discrimination and calibration per site with random-effects pooled
// estimates and heterogeneity, the comparison with FRAX, case-mix, limitations and provenance. The charts are
// the dashboard's, rendered on the server. Printable; ./report.pdf is this page printed by Chromium.

const StudyHead = graphql(`query PortalStudyReportHead($id: ID!) { study(id: $id) { id horizonDays } }`);

const StudyReport = graphql(`
  query PortalStudyReport($id: ID!, $h: Int, $datasets: [ID!], $released: Boolean!) {
    study(id: $id) { id title description target horizonDays }
    runsAwaitingRelease { id dataset { study { id } } }
    studyComparison(studyId: $id, datasets: $datasets, releasedOnly: $released) {
      site { code name country } dataset { name status createdAt }
      modelVersion { id family version artifactSha256 manifest }
      run {
        id codeVersion finishedAt release { state by at }
        participantFlow { uploaded analysed events missingOutcome competingRisks deathsBeforeFracture }
      }
      hidden
    }
    c: studyForest(studyId: $id, metric: harrellC, datasets: $datasets, releasedOnly: $released) {
      modelVersion { id family version } scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
    auct: studyForest(studyId: $id, metric: timeDependentAuc, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {
      modelVersion { id family version } scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
    oe: studyForest(studyId: $id, metric: calibrationOE, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {
      modelVersion { id family version } scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
    dc: studyForest(studyId: $id, metric: harrellCDiff, scoreSource: "model-vs-frax_mof", datasets: $datasets, releasedOnly: $released) {
      modelVersion { id family version } scale notPooled
      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }
      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }
    }
    studyCaseMix(studyId: $id, datasets: $datasets, releasedOnly: $released) {
      sites { site { code } patients }
      variables { name kind unit levels p groups { mean sd median q1 q3 counts percents withheld } }
    }
  }
`);

const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? "—" : x.toFixed(digits));

export default async function StudyReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ model?: string; dataset?: string | string[]; drafts?: string }>;
}) {
  const { id } = await params;
  const { model: modelChoice, dataset, drafts: withDrafts } = await searchParams;
  const head = await apiPageQuery(StudyHead, { id });
  // The network's report: released results only. A site's own members may preview it with their drafts.
  const preview = withDrafts === "1";
  const datasets = designatedDatasets(dataset);
  const data = await apiQuery(StudyReport, {
    id,
    h: head.study.horizonDays ?? 1826,
    datasets,
    released: !preview,
  });
  const awaiting = data.runsAwaitingRelease.filter((r) => r.dataset.study.id === id).length;
  /** This report's address with its choices: the model, the designated datasets and the drafts preview. */
  const reportQuery = (choice: { model: string; drafts?: boolean }) => {
    const query = new URLSearchParams();
    if (choice.model) query.set("model", choice.model);
    for (const d of datasets) query.append("dataset", d);
    if (choice.drafts ?? preview) query.set("drafts", "1");
    return query.size > 0 ? `?${query}` : "";
  };
  const rows = data.studyComparison;
  const models = [
    ...new Map(rows.map((r) => [`${r.modelVersion.family}@${r.modelVersion.version}`, r.modelVersion])).values(),
  ];
  const model = models.find((m) => `${m.family}@${m.version}` === modelChoice) ?? models[0];
  const mine = rows.filter((r) => r.modelVersion.id === model?.id);
  const synthetic =
    rows.some((r) => /synthetic/i.test(r.dataset.name)) || /synthetic/i.test(JSON.stringify(model?.manifest ?? ""));
  const drafts = mine.filter((r) => r.run.release.state !== "RELEASED");
  const forestOf = (list: typeof data.c) => list.find((f) => f.modelVersion.id === model?.id);
  const label = model ? `${model.family}@${model.version}` : "";
  const forests = [
    { plot: forestOf(data.c), title: `Harrell's C of ${label} by site`, axis: "Harrell's C (95 % CI)", reference: 0.5 },
    {
      plot: forestOf(data.auct),
      title: `AUC(t) at the horizon of ${label} by site`,
      axis: "AUC(t) (95 % CI)",
      reference: 0.5,
    },
    {
      plot: forestOf(data.oe),
      title: `Calibration O/E of ${label} by site`,
      axis: "Observed / expected (95 % CI)",
      reference: 1,
    },
  ];
  const diff = forestOf(data.dc);
  const card = (model?.manifest ?? {}) as { trainingData?: string; intendedUse?: string; inputs?: { name: string }[] };
  return (
    <article className="report mx-auto max-w-4xl bg-white p-8" data-testid="report">
      {synthetic && (
        <div className="synthetic-banner" data-testid="synthetic-banner">
          SYNTHETIC DATA — generated, not real patients; for demonstration of the validation workflow only
        </div>
      )}
      <header>
        <p className="text-sm text-slate-500">External validation across sites · TRIPOD+AI</p>
        <h1 className="text-2xl font-semibold">
          {label || "No results"} — {data.study.title}
        </h1>
        <p className="text-sm text-slate-600" data-testid="report-scope">
          {preview
            ? "Preview with your own sites' drafts: not the network's report."
            : "Results released to the network by each site; drafts are left out."}
        </p>
        <p className="no-print mt-2 flex flex-wrap gap-4 text-sm">
          <a className="text-indigo-700" href={`/studies/${id}/report.pdf${reportQuery({ model: label })}`}>
            Download as PDF
          </a>
          {(preview || awaiting > 0) && (
            <a
              className="text-indigo-700"
              href={`/studies/${id}/report${reportQuery({ model: label, drafts: !preview })}`}
              data-testid="report-drafts-toggle"
            >
              {preview ? "The network's report (released only)" : `Preview with your ${awaiting} unreleased draft(s)`}
            </a>
          )}
        </p>
      </header>

      <Section item="4, 5" title="Sources of data and settings">
        <p>{data.study.description}</p>
        <ul className="list-disc pl-5">
          {mine.map((r) => (
            <li key={r.run.id}>
              {r.site.name} ({r.site.code}, {r.site.country}): “{r.dataset.name}”, run {r.run.id} finished{" "}
              {r.run.finishedAt?.slice(0, 10) ?? "—"}
              {r.run.release.state === "RELEASED"
                ? `, released ${r.run.release.at?.slice(0, 10) ?? ""}`
                : " (draft of your site)"}
              {r.dataset.status === "WITHDRAWN" ? "; the dataset was since withdrawn (aggregates kept)" : ""}
            </li>
          ))}
        </ul>
      </Section>

      <Section item="6, 20" title="Participants">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th className="py-1">Site</th>
              <th>Uploaded</th>
              <th>Without outcome</th>
              <th>Analysed</th>
              <th>Fractures</th>
              <th>Deaths before a fracture</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((r) => (
              <tr key={r.run.id} className="border-b border-slate-100">
                <td className="py-1">{r.site.code}</td>
                <td>{r.run.participantFlow?.uploaded ?? "—"}</td>
                <td>{r.run.participantFlow?.missingOutcome ?? "< 10"}</td>
                <td>{r.run.participantFlow?.analysed ?? "—"}</td>
                <td>{r.run.participantFlow?.events ?? "< 10"}</td>
                <td>
                  {r.run.participantFlow?.competingRisks
                    ? (r.run.participantFlow.deathsBeforeFracture ?? "< 10")
                    : "not recorded"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data.studyCaseMix.variables.length > 0 && (
          <p>
            Case-mix across sites (p, ANOVA or χ²):{" "}
            {data.studyCaseMix.variables
              .map((v) => `${v.name} ${v.p === null ? "—" : v.p < 0.001 ? "< 0.001" : v.p.toFixed(3)}`)
              .join("; ")}
            .
          </p>
        )}
      </Section>

      <Section item="7, 8, 11" title="Outcome, predictors and the model">
        <p>
          {`Outcome: incident vertebral fracture, primary horizon ${data.study.horizonDays ?? "—"} days (${data.study.target}). `}
          {`Model ${label}, inputs ${(card.inputs ?? []).map((i) => i.name).join(", ") || "—"}; `}
          {`artifact sha256 ${model?.artifactSha256 ?? "—"}.`}
        </p>
        <p>Training data: {card.trainingData ?? "—"}</p>
        <p>Intended use: {card.intendedUse ?? "—"}</p>
      </Section>

      <Section item="12e, 23, 24" title="Performance across sites, pooled">
        <p>
          Random-effects meta-analysis (REML with Hartung-Knapp-Sidik-Jonkman; C and AUC on the logit scale, O/E on the
          log scale, differences as they are), with the 95 % prediction interval for a new site.
        </p>
        {forests.map(({ plot, title, axis, reference }) =>
          plot && plot.sites.length > 0 ? (
            <Figure
              key={title}
              chart={forestChart(title, axis, forestRows(plot), reference)}
              note={heterogeneity(plot)}
            />
          ) : null,
        )}
      </Section>

      <Section item="24, 25" title="Comparison with FRAX">
        {diff && diff.sites.length > 0 ? (
          <Figure
            chart={forestChart(
              `Harrell's C: ${label} − FRAX MOF, on the patients with FRAX`,
              "ΔC (95 % CI)",
              forestRows(diff),
              0,
            )}
            note={heterogeneity(diff)}
          />
        ) : (
          <p>No paired comparison with FRAX MOF available.</p>
        )}
        {diff?.pooled && (
          <p>
            Pooled ΔC {num(diff.pooled.estimate)} ({num(diff.pooled.ciLower)}–{num(diff.pooled.ciUpper)}).
          </p>
        )}
      </Section>

      <Section item="27" title="Limitations">
        <ul className="list-disc pl-5">
          {synthetic && <li>SYNTHETIC data: generated cohorts, not real patients.</li>}
          {drafts.length > 0 && (
            <li>
              {drafts.length} site result(s) shown are drafts of your own site, not yet released to the network: this is
              a preview; the network&apos;s report leaves them out.
            </li>
          )}
          <li>Only sites whose results are released (and, for small sites, not withheld) are pooled.</li>
        </ul>
      </Section>

      <Section item="18, 29" title="Provenance">
        <ul className="list-disc pl-5 break-all">
          {mine.map((r) => (
            <li key={r.run.id}>
              {r.site.code}: run {r.run.id}, code {r.run.codeVersion}
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}
