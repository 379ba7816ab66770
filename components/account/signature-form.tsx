"use client";

import { saveSignatureAction } from "@/app/(clinic)/account/signature-actions";
import { Button } from "@/components/ui/button";
import { useSavedForm } from "@/components/ui/saved-form";
import { Field } from "@/components/ui/field";
import type { SignatureDto } from "@/lib/dal/letterhead";

/** The signature block of the user's letters: profession and registration number; messages beside each field. */
export function SignatureForm({ initial }: { initial: SignatureDto }) {
  const { values, errors, message, pending, set, submit } = useSavedForm({ profession: initial.profession ?? "", registrationNumber: initial.registrationNumber ?? "" }, saveSignatureAction, "Signature saved: your next letters carry it.");

  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-2" aria-label="Signature block" noValidate>
      <Field id="signature-profession" label="Profession" placeholder="Physiotherapist" value={values.profession} onChange={set("profession")} error={errors.profession} />
      <Field id="signature-registration" label="Registration number" placeholder="PH123456" value={values.registrationNumber} onChange={set("registrationNumber")} error={errors.registrationNumber} />
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save signature"}
        </Button>
        <p role="status" className="text-sm">
          {message}
        </p>
      </div>
    </form>
  );
}
