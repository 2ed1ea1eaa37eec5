import { AdminTable } from "@/components/admin-table";
import { graphql } from "@/gql";
import { apiPageQuery } from "@/lib/api";
import { namedValues } from "@/lib/readable";
import { field } from "@/components/form-styles";

export const metadata = { title: "Audit trail · FracVal" };

const AuditQuery = graphql(`
  query PortalAudit($siteId: ID, $userId: ID, $action: String, $patientScope: Boolean, $from: DateTime, $to: DateTime) {
    auditEvents(siteId: $siteId, userId: $userId, action: $action, patientScope: $patientScope, from: $from, to: $to, first: 200) {
      id action createdAt resource patientCount details
      actor { name email } apiKey { prefix } site { code }
    }
    users { id name }
    sites { id code }
  }
`);

type Filters = { siteId?: string; userId?: string; action?: string; patientScope?: string; from?: string; to?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Filters> }) {
  const f = await searchParams;
  const data = await apiPageQuery(AuditQuery, {
    siteId: f.siteId || null,
    userId: f.userId || null,
    action: f.action || null,
    patientScope: f.patientScope === "true" ? true : null,
    from: f.from || null,
    to: f.to || null,
  });
  // The resource and details name users by id (the account created, a site's lead, a key's owner): by name here.
  const userNames = new Map(data.users.map((u) => [u.id, u.name]));
  const named = (text: string) => userNames.get(text) ?? text;
  const query = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <section className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm" data-testid="audit-filters">
        <label className="flex flex-col">
          User
          <select name="userId" defaultValue={f.userId ?? ""} className={field}>
            <option value="">anyone</option>
            {data.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Site
          <select name="siteId" defaultValue={f.siteId ?? ""} className={field}>
            <option value="">any site</option>
            {data.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Action (or a family: &quot;run.&quot;)
          <input name="action" defaultValue={f.action ?? ""} className={field} />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" name="patientScope" value="true" defaultChecked={f.patientScope === "true"} />{" "}
          patient-level only
        </label>
        <label className="flex flex-col">
          From
          <input name="from" type="date" defaultValue={f.from ?? ""} className={field} />
        </label>
        <label className="flex flex-col">
          To (exclusive)
          <input name="to" type="date" defaultValue={f.to ?? ""} className={field} />
        </label>
        <button type="submit" className="rounded bg-indigo-700 px-3 py-1.5 text-white">
          Filter
        </button>
        <a
          className="text-indigo-700"
          href={`/api/exports/audit.csv${query ? `?${query}` : ""}`}
          data-testid="audit-csv"
        >
          Export CSV
        </a>
      </form>
      <AdminTable testId="audit" columns={["When (UTC)", "Who", "What", "Site", "Patients", "Details"]}>
        {data.auditEvents.map((e) => (
          <tr key={e.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
            <td className="whitespace-nowrap p-2">{e.createdAt.slice(0, 19).replace("T", " ")}</td>
            <td className="p-2">
              {e.actor?.name ?? "—"}
              {e.apiKey ? <span className="text-xs text-slate-600"> via key {e.apiKey.prefix}</span> : null}
            </td>
            <td className="p-2 font-mono text-xs">{e.action}</td>
            <td className="p-2">{e.site?.code ?? "—"}</td>
            <td className="p-2">{e.patientCount || ""}</td>
            <td className="max-w-md p-2 text-xs text-slate-600 [overflow-wrap:anywhere]">
              {[
                e.resource ? named(e.resource) : null,
                ...namedValues(e.details).map(([name, value]) => `${name} ${named(value)}`),
              ]
                .filter(Boolean)
                .join(" · ")}
            </td>
          </tr>
        ))}
      </AdminTable>
      {data.auditEvents.length === 200 && (
        <p className="text-xs text-slate-600">The newest 200 shown: narrow the filters or export the CSV.</p>
      )}
    </section>
  );
}
