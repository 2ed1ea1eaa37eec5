import { ActionForm } from "@/components/action-form";
import { AdminTable } from "@/components/admin-table";
import { field } from "@/components/form-styles";
import { graphql } from "@/gql";
import { apiPageQuery } from "@/lib/api";
import { onboardAction } from "../actions";

export const metadata = { title: "Sites · FracVal" };

const SitesQuery = graphql(`query PortalAdminSites { sites { id code name country } }`);

const PARTNER_SCOPES = ["DATASETS_READ", "DATASETS_WRITE", "RUNS_READ", "RUNS_WRITE", "METRICS_READ"];
const ALL_SCOPES = [...PARTNER_SCOPES, "PATIENTS_READ", "PREDICTIONS_READ"];

export default async function SitesAdminPage() {
  const { sites } = await apiPageQuery(SitesQuery);
  return (
    <section className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-semibold">Onboard a partner hospital</h2>
        <p className="mb-2 text-sm text-slate-600">
          Creates the site, its lead (a PI of the site with patient-level access, who releases its results and manages
          its keys) and its first API key, owned by the lead. The lead&apos;s password and the key are shown once.
        </p>
        <ActionForm action={onboardAction} submit="Onboard" testId="onboard">
          <label className="flex flex-col">
            Code
            <input name="code" required className={field} placeholder="Gangnam" />
          </label>
          <label className="flex flex-col">
            Hospital
            <input name="name" required className={field} />
          </label>
          <label className="flex flex-col">
            Institution
            <input name="institution" className={field} />
          </label>
          <label className="flex flex-col">
            Country
            <input name="country" required maxLength={2} className={`${field} w-16`} defaultValue="KR" />
          </label>
          <label className="flex flex-col">
            Lead&apos;s e-mail
            <input name="leadEmail" type="email" required className={field} />
          </label>
          <label className="flex flex-col">
            Lead&apos;s name
            <input name="leadName" required className={field} />
          </label>
          <label className="flex flex-col">
            First key&apos;s name
            <input name="keyName" required className={field} placeholder="PACS bridge" />
          </label>
          <fieldset className="flex flex-wrap gap-2">
            <legend className="w-full">Scopes</legend>
            {ALL_SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input type="checkbox" name="scopes" value={s} defaultChecked={PARTNER_SCOPES.includes(s)} /> {s}
              </label>
            ))}
          </fieldset>
        </ActionForm>
      </div>
      <AdminTable testId="sites-admin" columns={["Code", "Name", "Country"]}>
        {sites.map((s) => (
          <tr key={s.id} className="border-t border-slate-100">
            <td className="p-2 font-medium">{s.code}</td>
            <td className="p-2">{s.name}</td>
            <td className="p-2">{s.country}</td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
