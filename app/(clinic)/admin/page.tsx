import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listClinicAccounts } from "@/lib/dal/users";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { DistanceUnitForm } from "@/components/account/distance-unit-form";
import { getDistanceUnits } from "@/lib/dal/units";
import { setCheckinLinkDaysAction, setClinicDistanceUnitAction } from "./actions";
import { CheckinDaysForm } from "@/components/admin/checkin-days-form";
import { getCheckinLinkDays } from "@/lib/dal/checkin-links";
import { LetterheadForm } from "@/components/admin/letterhead-form";
import { getLetterhead } from "@/lib/dal/letterhead";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const admin = await requireAdmin();
  const users = await listClinicAccounts();
  const units = await getDistanceUnits();
  const letterhead = await getLetterhead();
  const checkinDays = await getCheckinLinkDays();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Clinic accounts</h1>
        <nav aria-label="Admin sections" className="flex gap-3 text-sm font-semibold">
          <Link href="/admin/audit" className="text-accent-strong underline">
            Audit log
          </Link>
          <Link href="/admin/protocol" className="text-accent-strong underline">
            Protocol settings
          </Link>
        </nav>
      </div>
      <section aria-labelledby="clinic-units" className="rounded-lg border border-line bg-white p-4">
        <h2 id="clinic-units" className="mb-3 text-lg font-semibold">
          Distance unit
        </h2>
        <DistanceUnitForm scope="clinic" current={units.clinic} clinicUnit={units.clinic} action={setClinicDistanceUnitAction} />
      </section>
      <section aria-labelledby="clinic-checkin" className="rounded-lg border border-line bg-white p-4">
        <h2 id="clinic-checkin" className="mb-3 text-lg font-semibold">
          Runner&apos;s check-in
        </h2>
        <CheckinDaysForm current={checkinDays} action={setCheckinLinkDaysAction} />
      </section>
      <section aria-labelledby="new-account" className="rounded-lg border border-line bg-white p-4">
        <h2 id="new-account" className="mb-3 text-lg font-semibold">
          New account
        </h2>
        <CreateUserForm />
      </section>
      <section aria-labelledby="letterhead" className="rounded-lg border border-line bg-white p-4">
        <h2 id="letterhead" className="mb-3 text-lg font-semibold">
          Letterhead
        </h2>
        <LetterheadForm initial={letterhead} />
      </section>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white" aria-label="Accounts">
        {users.map((u) => (
          <UserRow key={u.id} user={u} isSelf={u.id === admin.id} />
        ))}
      </ul>
    </div>
  );
}
