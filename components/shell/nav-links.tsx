"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

/** A row of links with the current one marked; `exact` links match only their own path. */
export function NavLinks({ links }: { links: { href: string; label: string; exact?: boolean }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {links.map((link) => {
        const active = link.exact || link.href === "/" ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={cn("inline-flex min-h-11 items-center rounded-md px-3 text-sm font-semibold", active ? "bg-accent-soft text-accent-strong" : "text-ink hover:bg-surface")}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
