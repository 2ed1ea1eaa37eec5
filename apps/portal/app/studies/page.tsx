import Link from "next/link";
import { graphql } from "@/gql";
import { apiQuery } from "@/lib/api";

const Studies = graphql(`
  query PortalStudies {
    studies {
      id slug title description target horizonDays modality
      models { id }
      datasets { id name site { code } status patientCount eventCount }
    }
  }
`);

const MODALITY: Record<string, string> = {
  XRAY_LATERAL_SPINE: "Lateral spine X-ray",
  CT_ABDOMEN: "Abdominal CT",
  CLINICAL_ONLY: "Clinical only",
};

export const metadata = { title: "Studies · FracVal" };

export default async function StudiesPage() {
  const { studies } = await apiQuery(Studies);
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Studies</h1>
      <ul className="space-y-4">
        {studies.map((s) => (
          <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-5" data-testid="study-card">
            <h2 className="text-lg font-medium">
              <Link href={`/studies/${s.id}`} className="hover:text-indigo-700">
                {s.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{s.description}</p>
            <p className="mt-2 text-xs text-slate-500">
              {MODALITY[s.modality] ?? s.modality} · {s.target === "TIME_TO_EVENT" ? "time to event" : "binary"}
              {s.horizonDays ? ` · horizon ${(s.horizonDays / 365.25).toFixed(0)} y` : ""} · {s.models.length} model
              version(s)
            </p>
            {s.datasets.length > 0 && (
              <table className="mt-3 w-full text-sm">
                <thead className="text-left text-slate-500">
                  <tr>
                    <th>Site</th>
                    <th>Dataset</th>
                    <th>Status</th>
                    <th>Patients</th>
                    <th>Events</th>
                  </tr>
                </thead>
                <tbody>
                  {s.datasets.map((d) => (
                    <tr key={d.id} data-testid="study-dataset">
                      <td>{d.site.code}</td>
                      {/* A site may validate on several datasets: the name tells them apart. */}
                      <td className="pr-2 text-slate-700">{d.name}</td>
                      <td>{d.status}</td>
                      <td>{d.patientCount ?? "< 10"}</td>
                      <td>{d.eventCount ?? "withheld"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
