import Link from "next/link";

const SECTIONS = [
  { href: "/admin/users", label: "Users and access" },
  { href: "/admin/sites", label: "Sites" },
  { href: "/admin/keys", label: "API keys" },
  { href: "/admin/models", label: "Model registry" },
  { href: "/admin/audit", label: "Audit trail" },
];

// The admin console. Its pages only call ADMIN-only GraphQL fields: the API refuses anyone else.
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Administration</h1>
        <nav className="mt-2 flex flex-wrap gap-4 text-sm" aria-label="Administration">
          {SECTIONS.map((s) => (
            <Link key={s.href} href={s.href} className="text-indigo-700 hover:underline">
              {s.label}
            </Link>
          ))}
        </nav>
      </div>
      {children}
    </div>
  );
}
