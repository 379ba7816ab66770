import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { QueryProvider } from "@/components/providers/query-provider";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  // The layout also wraps the change-password page, so it lets a pending password change through;
  // every page and DAL call below checks again.
  const user = await requireUser({ allowPendingPasswordChange: true });
  const links = [
    { href: "/", label: "Caseload" },
    { href: "/patients", label: "Patients" },
    ...(user.role === "admin" ? [{ href: "/admin", label: "Admin" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2">
          <div className="flex items-center gap-4">
            <span className="text-lg font-bold text-accent-strong">Springback</span>
            <nav aria-label="Main">
              <NavLinks links={links} />
            </nav>
          </div>
          <div className="flex items-center gap-3">
            <p className="text-right text-sm leading-tight">
              <Link href="/account" className="block font-semibold underline-offset-2 hover:underline" data-testid="user-name">
                {user.name}
              </Link>
              <span className="block text-muted">
                {user.role === "admin" ? "Clinic admin" : "Therapist"} · {user.clinicName}
              </span>
            </p>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
