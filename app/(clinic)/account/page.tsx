import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { DistanceUnitForm } from "@/components/account/distance-unit-form";
import { getDistanceUnits } from "@/lib/dal/units";
import { setDistanceUnitAction } from "./actions";
import { SignatureForm } from "@/components/account/signature-form";
import { getSignature } from "@/lib/dal/letterhead";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const units = await getDistanceUnits();
  const signature = await getSignature();
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <section className="rounded-lg border border-line bg-white p-4">
        <p>
          <strong>{user.name}</strong> · {user.email} · {user.role === "admin" ? "Clinic admin" : "Therapist"} at {user.clinicName}
        </p>
        <Link href="/account/password" className="mt-3 inline-block font-semibold text-accent-strong underline">
          Change password
        </Link>
      </section>
      <section aria-labelledby="signature-heading" className="rounded-lg border border-line bg-white p-4">
        <h2 id="signature-heading" className="text-lg font-semibold">
          Signature on letters
        </h2>
        <p className="mb-3 text-sm text-muted">Letters you export are signed with your name, this profession and registration number.</p>
        <SignatureForm initial={signature} />
      </section>
      <section className="rounded-lg border border-line bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Distance unit</h2>
        <p className="mb-3 text-sm text-muted">How you type and read run distances, in forms and exports. Stored distances do not change.</p>
        <DistanceUnitForm scope="user" current={units.own} clinicUnit={units.clinic} action={setDistanceUnitAction} />
      </section>
      <section className="rounded-lg border border-line bg-white p-4">
        <h2 className="text-lg font-semibold">Sessions</h2>
        <p className="mb-3 text-sm text-muted">Ends this session and every other one, on every device. Sessions also end after 30 minutes without activity and 12 hours after sign-in.</p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
