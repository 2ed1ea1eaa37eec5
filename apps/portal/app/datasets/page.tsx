import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { field } from "@/components/form-styles";
import { ReasonField } from "@/components/reason-field";
import { AutoRefresh } from "@/components/auto-refresh";
import { ReleaseBadge } from "@/components/release-badge";
import { graphql } from "@/gql";
import { apiPageQuery } from "@/lib/api";
import { cancelRunAction, startRunAction, withdrawDatasetAction } from "./actions";

export const metadata = { title: "My datasets · FracVal" };

const DatasetsQuery = graphql(`
  query PortalDatasets {
    me { role sites { site { id } patientData } }
    datasets {
      id name status createdAt readyAt withdrawnAt withdrawReason patientCount eventCount imageCount
      site { id code }
      study { id title models { id family version status deprecatedAt } }
      validationReport { problemCount problems { row column reason } }
      runs {
        id status progressDone progressTotal etaSeconds createdAt
        modelVersion { family version } release { state }
      }
    }
  }
`);

const ACTIVE = ["QUEUED", "RUNNING", "COMPUTING_METRICS"];

export default async function DatasetsPage() {
  const { me, datasets } = await apiPageQuery(DatasetsQuery);
  const writable = new Set(me.sites.filter((s) => s.patientData).map((s) => s.site.id));
  const active = datasets.some((d) => d.status === "VALIDATING" || d.runs.some((r) => ACTIVE.includes(r.status)));
  return (
    <section className="space-y-4">
      <AutoRefresh active={active} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">My datasets</h1>
        <Link href="/upload" className="text-sm text-indigo-700">
          Upload a dataset
        </Link>
      </div>
      {datasets.length === 0 && <p className="text-sm text-slate-600">No datasets yet.</p>}
      {datasets.map((d) => {
        const mine = writable.has(d.site.id);
        const models = d.study.models.filter((m) => m.status === "PUBLISHED" && !m.deprecatedAt);
        return (
          <article key={d.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="dataset">
            <header className="flex flex-wrap items-baseline gap-3">
              <h2 className="text-base font-semibold">{d.name}</h2>
              <span className="text-slate-600">
                {d.site.code} · {d.study.title} · uploaded {d.createdAt.slice(0, 10)}
              </span>
              <span className="rounded border border-slate-300 px-2 text-xs" data-testid="dataset-status">
                {d.status}
              </span>
            </header>
            <p className="mt-1 text-slate-700">
              {d.patientCount ?? "< 10"} patients · {d.eventCount ?? "< 10"} fractures · {d.imageCount ?? 0} images
              {d.withdrawnAt ? ` · withdrawn ${d.withdrawnAt.slice(0, 10)}: ${d.withdrawReason}` : ""}
            </p>
            {d.status === "REJECTED" && d.validationReport && (
              <div className="mt-2 rounded border border-red-200 bg-red-50 p-2">
                <p className="font-medium text-red-800">
                  Rejected: {d.validationReport.problemCount} problem{d.validationReport.problemCount === 1 ? "" : "s"}.{" "}
                  <Link href="/upload" className="text-indigo-700">
                    Upload a corrected folder
                  </Link>
                </p>
                <ul className="mt-1 list-disc pl-5 text-red-900">
                  {d.validationReport.problems.slice(0, 5).map((p) => (
                    <li key={`${p.row}-${p.column}-${p.reason}`}>
                      row {p.row}, {p.column}: {p.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {d.runs.length > 0 && (
              <table className="mt-3 w-full text-sm" data-testid="dataset-runs">
                <tbody>
                  {d.runs.map((r) => (
                    <tr key={r.id} className="border-t border-slate-100">
                      <td className="py-1 pr-2">
                        <Link href={`/runs/${r.id}`} className="text-indigo-700">
                          {r.modelVersion.family}@{r.modelVersion.version}
                        </Link>
                      </td>
                      <td className="py-1 pr-2" data-testid="run-status">
                        {r.status.toLowerCase().replace("_", " ")}
                        {ACTIVE.includes(r.status) && r.progressTotal
                          ? ` · ${r.progressDone} / ${r.progressTotal}${r.etaSeconds !== null ? ` · ETA ${r.etaSeconds} s` : ""}`
                          : ""}
                      </td>
                      <td className="py-1 pr-2">
                        {r.status === "SUCCEEDED" && <ReleaseBadge state={r.release.state} />}
                      </td>
                      <td className="py-1">
                        {mine && (r.status === "QUEUED" || r.status === "RUNNING") && (
                          <ActionForm action={cancelRunAction} submit="Cancel run" danger testId="cancel-run">
                            <input type="hidden" name="runId" value={r.id} />
                          </ActionForm>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {mine && d.status === "READY" && models.length > 0 && (
              <div className="mt-3">
                <ActionForm action={startRunAction} submit="Start a run" testId="start-run">
                  <input type="hidden" name="datasetId" value={d.id} />
                  <label className="flex flex-col">
                    Model version
                    <select name="modelVersionId" className={field}>
                      {models.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.family}@{m.version}
                        </option>
                      ))}
                    </select>
                  </label>
                </ActionForm>
              </div>
            )}
            {mine && (d.status === "READY" || d.status === "REJECTED") && (
              <details className="mt-3">
                <summary className="cursor-pointer text-red-800">Withdraw this dataset…</summary>
                <p className="my-1 text-slate-600">
                  Deletes its patients, images and predictions; finished runs keep their aggregate results, marked as
                  from a withdrawn dataset. Audited with your reason.
                </p>
                <ActionForm action={withdrawDatasetAction} submit="Withdraw" danger testId="withdraw-dataset">
                  <input type="hidden" name="datasetId" value={d.id} />
                  <ReasonField />
                </ActionForm>
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}
