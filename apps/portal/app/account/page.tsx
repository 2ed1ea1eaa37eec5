import { ActionForm } from "@/components/action-form";
import { field } from "@/components/form-styles";
import { graphql } from "@/gql";
import { apiPageQuery } from "@/lib/api";
import { changePasswordAction } from "./actions";

export const metadata = { title: "Your account · FracVal" };

const AccountQuery = graphql(`
  query PortalAccount {
    me { name email role sites { site { id code name } patientData lead expiresAt } }
  }
`);

/** Who you are on the network, which sites you belong to (and how), and your password. */
export default async function AccountPage() {
  const { me } = await apiPageQuery(AccountQuery);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-sm text-slate-600">
          {me.name} · {me.email} · {me.role}
        </p>
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Your sites</h2>
        {me.sites.length === 0 ? (
          <p className="text-sm text-slate-600">You belong to no site: you see the network&apos;s released results.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="account-sites">
            {me.sites.map((m) => (
              <li key={m.site.id}>
                <span className="font-medium">{m.site.name}</span> ({m.site.code}):{" "}
                {m.patientData ? "patient-level data" : "aggregate results"}
                {m.lead ? "; you are its lead and release its results" : ""}
                {m.expiresAt ? `; until ${m.expiresAt.slice(0, 10)}` : ""}
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-xs text-slate-500">An ADMIN grants and ends access to sites.</p>
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-semibold">Change your password</h2>
        <p className="mb-2 text-sm text-slate-600">
          Replace the one-time password you were given. At least 12 characters, not built from your e-mail name; a few
          unrelated words make a good one. Every session of yours ends, this one too: you sign in again with the new
          password.
        </p>
        <ActionForm action={changePasswordAction} submit="Change password" testId="change-password">
          <label className="flex flex-col">
            Current password
            <input name="currentPassword" type="password" required autoComplete="current-password" className={field} />
          </label>
          {[
            { name: "newPassword", label: "New password" },
            { name: "repeatPassword", label: "New password again" },
          ].map(({ name, label }) => (
            <label key={name} className="flex flex-col">
              {label}
              <input
                name={name}
                type="password"
                required
                minLength={12}
                autoComplete="new-password"
                className={field}
              />
            </label>
          ))}
        </ActionForm>
      </div>
    </section>
  );
}
