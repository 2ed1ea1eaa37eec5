import { ActionForm } from "@/components/action-form";
import { AdminTable } from "@/components/admin-table";
import { field } from "@/components/form-styles";
import { ReasonField } from "@/components/reason-field";
import { graphql } from "@/gql";
import { apiPageQuery } from "@/lib/api";
import {
  createUserAction,
  deactivateUserAction,
  grantAction,
  resetPasswordAction,
  revokeAction,
  setRoleAction,
} from "../actions";

export const metadata = { title: "Users and access · FracVal" };

const UsersQuery = graphql(`
  query PortalUsers {
    users { id email name role disabledAt createdAt sites { site { id code } patientData lead expiresAt } }
    sites { id code }
    me { id }
  }
`);

export default async function UsersPage() {
  const { users, sites, me } = await apiPageQuery(UsersQuery);
  const people = users.filter((u) => u.role !== "PARTNER");
  return (
    <section className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Create an account</h2>
        <ActionForm action={createUserAction} submit="Create" testId="create-user">
          <label className="flex flex-col">
            E-mail
            <input name="email" type="email" required className={field} />
          </label>
          <label className="flex flex-col">
            Name
            <input name="name" required className={field} />
          </label>
          <label className="flex flex-col">
            Role
            <select name="role" className={field} defaultValue="INVESTIGATOR">
              <option value="INVESTIGATOR">Investigator</option>
              <option value="PI">PI</option>
              <option value="ADMIN">Admin</option>
            </select>
          </label>
        </ActionForm>
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Grant site access</h2>
        <p className="mb-2 text-sm text-slate-600">
          Membership shows the site&apos;s aggregates; patient-level access lets the user read its patients (audited);
          the lead releases the site&apos;s results. The reason is kept in the audit trail.
        </p>
        <ActionForm action={grantAction} submit="Grant" testId="grant">
          <label className="flex flex-col">
            User
            <select name="userId" className={field}>
              {people
                .filter((u) => !u.disabledAt)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.email})
                  </option>
                ))}
            </select>
          </label>
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
          <label className="flex items-center gap-1">
            <input type="checkbox" name="patientData" /> patient-level
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="lead" /> lead
          </label>
          <label className="flex flex-col">
            Reason
            <input name="reason" required minLength={3} className={field} placeholder="external validation audit" />
          </label>
          <label className="flex flex-col">
            Ends on (optional)
            <input name="expiresAt" type="date" className={field} />
          </label>
        </ActionForm>
      </div>

      <AdminTable testId="users" columns={["Name", "Role", "Sites", "Status"]}>
        {people.map((u) => (
          <tr key={u.id} className="border-t border-slate-100 align-top" data-testid="user-row">
            <td className="p-2">
              <div className="font-medium">{u.name}</div>
              <div className="text-xs text-slate-600">{u.email}</div>
            </td>
            <td className="p-2">
              {u.role}
              {!u.disabledAt && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-indigo-700">Change role…</summary>
                  <ActionForm action={setRoleAction} submit="Change">
                    <input type="hidden" name="id" value={u.id} />
                    <select name="role" defaultValue={u.role} className={field} aria-label="New role">
                      <option value="INVESTIGATOR">Investigator</option>
                      <option value="PI">PI</option>
                      <option value="ADMIN">Admin</option>
                    </select>
                    <ReasonField />
                  </ActionForm>
                </details>
              )}
            </td>
            <td className="space-y-1 p-2">
              {u.sites.map((m) => (
                <div key={m.site.id} className="flex items-center gap-2">
                  <span>
                    {m.site.code}
                    {m.patientData ? " · patient-level" : " · aggregates"}
                    {m.lead ? " · lead" : ""}
                    {m.expiresAt ? ` · until ${m.expiresAt.slice(0, 10)}` : ""}
                  </span>
                  {!u.disabledAt && (
                    <ActionForm action={revokeAction} submit="Remove" danger>
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="siteId" value={m.site.id} />
                    </ActionForm>
                  )}
                </div>
              ))}
            </td>
            <td className="p-2">
              {u.disabledAt ? (
                <span className="text-slate-500">deactivated {u.disabledAt.slice(0, 10)}</span>
              ) : (
                <div className="space-y-1">
                  <ActionForm action={deactivateUserAction} submit="Deactivate" danger testId="deactivate">
                    <input type="hidden" name="id" value={u.id} />
                    <ReasonField />
                  </ActionForm>
                  {/* Your own password is changed on your account page, with the current one. */}
                  {u.id !== me.id && (
                    <details>
                      <summary className="cursor-pointer text-xs text-indigo-700">Reset password…</summary>
                      <p className="my-1 text-xs text-slate-600">
                        A new one-time password, shown once; the old one and their sessions end.
                      </p>
                      <ActionForm action={resetPasswordAction} submit="Reset password" testId="reset-password">
                        <input type="hidden" name="id" value={u.id} />
                        <ReasonField placeholder="forgotten; ticket …" />
                      </ActionForm>
                    </details>
                  )}
                </div>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
