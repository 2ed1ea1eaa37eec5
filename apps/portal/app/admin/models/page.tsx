import { ActionForm } from "@/components/action-form";
import { field } from "@/components/form-styles";
import { ReasonField } from "@/components/reason-field";
import { graphql } from "@/gql";
import { apiPageQuery } from "@/lib/api";
import { namedValues, preprocessingSteps, readable } from "@/lib/readable";
import { deprecateAction, registerModelAction } from "../actions";

export const metadata = { title: "Model registry · FracVal" };

const ModelsQuery = graphql(`
  query PortalModels {
    studies { id title }
    modelVersions {
      id family version kind modality task outputSemantics horizonDays artifactSha256 status publishedAt
      deprecatedAt deprecationReason manifest study { title }
    }
  }
`);

type Card = {
  inputs?: { name: string; shape?: unknown[] }[];
  preprocessing?: unknown;
  pipeline?: unknown;
  outputs?: { name: string; meaning?: string; direction?: string }[];
  trainingData?: string;
  intendedUse?: string;
  developmentMetrics?: Record<string, unknown>;
  externalMetrics?: Record<string, unknown>;
  licence?: string;
};

/** Named results as "name value" pairs that wrap, one per chip. */
function Results({ results, testId }: { results: unknown; testId: string }) {
  const entries = namedValues(results);
  if (entries.length === 0) return <>—</>;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid={testId}>
      {entries.map(([name, value]) => (
        <li key={name}>
          <span className="text-slate-600">{name}</span> {value}
        </li>
      ))}
    </ul>
  );
}

export default async function ModelsPage() {
  const { modelVersions, studies } = await apiPageQuery(ModelsQuery);
  return (
    <section className="space-y-4">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-semibold">Register a model version</h2>
        <p className="mb-2 text-sm text-slate-600">
          The ONNX file and its model card (manifest.json): the card is checked against the file — inputs, outputs,
          dtypes, shapes, a dry run, the sha256 — and a version that fails is refused, with the reason, and never
          published.
        </p>
        <ActionForm action={registerModelAction} submit="Check and register" testId="register-model">
          <label className="flex flex-col">
            Study
            <select name="studyId" className={field}>
              {studies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            ONNX file
            <input name="onnx" type="file" accept=".onnx" required className={field} />
          </label>
          <label className="flex flex-col">
            Model card (manifest.json)
            <input name="manifest" type="file" accept=".json,application/json" required className={field} />
          </label>
          <label className="flex flex-col">
            What the output means
            <input
              name="outputSemantics"
              required
              className={field}
              placeholder="log hazard of an incident vertebral fracture"
            />
          </label>
        </ActionForm>
      </div>
      <p className="text-sm text-slate-600">
        Published versions are immutable (artifact, manifest and semantics, enforced in the database). Deprecating keeps
        a version with its runs and metrics for provenance and stops new runs.
      </p>
      {modelVersions.map((m) => {
        const card = (m.manifest ?? {}) as Card;
        return (
          <article
            key={m.id}
            className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
            data-testid="model-card"
          >
            <header className="flex flex-wrap items-baseline gap-3">
              <h2 className="text-base font-semibold">
                {m.family}@{m.version}
              </h2>
              <span className="text-slate-600">
                {m.kind} · {m.modality} · {m.task} · {m.study.title}
              </span>
              <span
                className={`rounded border px-2 text-xs ${m.deprecatedAt ? "border-slate-400 bg-slate-100" : "border-emerald-300 bg-emerald-50"}`}
              >
                {m.deprecatedAt ? `deprecated ${m.deprecatedAt.slice(0, 10)}: ${m.deprecationReason}` : m.status}
              </span>
            </header>
            <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
              <dt className="text-slate-600">Output</dt>
              <dd>
                {m.outputSemantics}
                {m.horizonDays ? ` (horizon ${m.horizonDays} days)` : ""}
              </dd>
              <dt className="text-slate-600">Inputs</dt>
              <dd>{(card.inputs ?? []).map((i) => `${i.name} ${readable(i.shape ?? "")}`).join("; ") || "—"}</dd>
              <dt className="text-slate-600">Preprocessing</dt>
              <dd className="break-words">
                {preprocessingSteps(card).length === 0 ? (
                  "—"
                ) : (
                  <ol className="list-inside list-decimal" data-testid="preprocessing">
                    {preprocessingSteps(card).map((s, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the card's steps in order, never reordered
                      <li key={k}>
                        <span className="font-mono text-xs">{s.step}</span>
                        {s.options && <span className="text-slate-600"> ({s.options})</span>}
                      </li>
                    ))}
                  </ol>
                )}
              </dd>
              <dt className="text-slate-600">Training data</dt>
              <dd>{card.trainingData ?? "—"}</dd>
              <dt className="text-slate-600">Intended use</dt>
              <dd>{card.intendedUse ?? "—"}</dd>
              <dt className="text-slate-600">Development results</dt>
              <dd className="break-words">
                <Results results={card.developmentMetrics} testId="development-results" />
              </dd>
              <dt className="text-slate-600">External results</dt>
              <dd className="break-words">
                <Results results={card.externalMetrics} testId="external-results" />
              </dd>
              <dt className="text-slate-600">Artifact</dt>
              <dd className="break-all font-mono text-xs">sha256 {m.artifactSha256}</dd>
              <dt className="text-slate-600">Licence</dt>
              <dd>{card.licence ?? "—"}</dd>
            </dl>
            {!m.deprecatedAt && m.status === "PUBLISHED" && (
              <div className="mt-2">
                <ActionForm action={deprecateAction} submit="Deprecate" danger>
                  <input type="hidden" name="id" value={m.id} />
                  <ReasonField placeholder="superseded by …" />
                </ActionForm>
              </div>
            )}
          </article>
        );
      })}
    </section>
  );
}
