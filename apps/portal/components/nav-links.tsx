"use client";
// The navigation links, the current section marked (aria-current and an underline).
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <>
      {links.map((l) => {
        const current = pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`text-sm hover:text-indigo-700 ${current ? "font-semibold text-indigo-700 underline underline-offset-4" : "text-slate-700"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </>
  );
}
