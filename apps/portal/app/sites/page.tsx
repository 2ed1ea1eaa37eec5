import { graphql } from "@/gql";
import { apiQuery } from "@/lib/api";

const Sites = graphql(`
  query PortalSites {
    sites { id code name country }
    me { sites { site { id } patientData } }
  }
`);

export const metadata = { title: "Sites · FracVal" };

export default async function SitesPage() {
  const data = await apiQuery(Sites);
  const access = new Map(data.me.sites.map((m) => [m.site.id, m.patientData]));
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Sites</h1>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="p-3">Site</th>
            <th className="p-3">Institution</th>
            <th className="p-3">Your access</th>
          </tr>
        </thead>
        <tbody>
          {data.sites.map((s) => (
            <tr key={s.id} className="border-t border-slate-100" data-testid="site-row">
              <td className="p-3 font-medium">{s.code}</td>
              <td className="p-3">{s.name}</td>
              <td className="p-3">{access.get(s.id) ? "patient-level" : "aggregate results"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
