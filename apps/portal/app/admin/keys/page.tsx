import { ActionForm } from "@/components/action-form";
import { AdminTable } from "@/components/admin-table";
import { field } from "@/components/form-styles";
import { graphql } from "@/gql";
import { apiPageQuery } from "@/lib/api";
import { createKeyAction, revokeKeyAction } from "../actions";

export const metadata = { title: "API keys · FracVal" };

const KeysQuery = graphql(`
  query PortalKeys {
    apiKeys { id prefix name site { code } owner { name } scopes createdAt lastUsedAt expiresAt revokedAt }
    sites { id code }
  }
`);

const SCOPES = [
  "DATASETS_READ",
  "DATASETS_WRITE",
  "RUNS_READ",
  "RUNS_WRITE",
  "METRICS_READ",
  "PATIENTS_READ",
  "PREDICTIONS_READ",
];
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "—");

export default async function KeysPage() {
  const { apiKeys, sites } = await apiPageQuery(KeysQuery);
  return (
    <section className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-semibold">Create a key</h2>
        <p className="mb-2 text-sm text-slate-600">
          A key acts for one site and never carries more than its creator holds there: an ADMIN without patient-level
          access may create aggregate-reading keys; a site&apos;s lead creates the site&apos;s working keys.
        </p>
        <ActionForm action={createKeyAction} submit="Create key" testId="create-key">
          <label className="flex flex-col">
            Site
            <select name="siteId" className={field}>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            Name
            <input name="name" required className={field} placeholder="registry dashboard" />
          </label>
          <label className="flex flex-col">
            Expires in (days)
            <input name="expiresInDays" type="number" min={1} max={730} className={`${field} w-24`} />
          </label>
          <fieldset className="flex flex-wrap gap-2">
            <legend className="w-full">Scopes</legend>
            {SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  name="scopes"
                  value={s}
                  defaultChecked={s.endsWith("_READ") && !s.startsWith("PATIENTS") && !s.startsWith("PREDICTIONS")}
                />{" "}
                {s}
              </label>
            ))}
          </fieldset>
        </ActionForm>
      </div>
      <AdminTable
        testId="keys"
        columns={["Key", "Site", "Owner", "Scopes", "Created", "Last used", "Expires", "Actions"]}
      >
        {apiKeys.map((k) => (
          <tr key={k.id} className="border-t border-slate-100 align-top" data-testid="key-row">
            <td className="p-2">
              <div className="font-mono">{k.prefix}</div>
              <div className="text-xs text-slate-600">{k.name}</div>
            </td>
            <td className="p-2">{k.site.code}</td>
            <td className="p-2">{k.owner?.name ?? "server operator"}</td>
            <td className="p-2 text-xs">{k.scopes.join(", ")}</td>
            <td className="p-2">{day(k.createdAt)}</td>
            <td className="p-2">{day(k.lastUsedAt)}</td>
            <td className="p-2">{day(k.expiresAt)}</td>
            <td className="p-2">
              {k.revokedAt ? (
                <span className="text-slate-500">revoked {day(k.revokedAt)}</span>
              ) : (
                <ActionForm action={revokeKeyAction} submit="Revoke" danger testId="revoke-key">
                  <input type="hidden" name="id" value={k.id} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
