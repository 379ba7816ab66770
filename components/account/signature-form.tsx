"use client";

import { useState, useTransition } from "react";
import { saveSignatureAction } from "@/app/(clinic)/account/signature-actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { SignatureDto } from "@/lib/dal/letterhead";

/** The signature block of the user's letters: profession and registration number; messages beside each field. */
export function SignatureForm({ initial }: { initial: SignatureDto }) {
  const [values, setValues] = useState({ profession: initial.profession ?? "", registrationNumber: initial.registrationNumber ?? "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    start(async () => {
      const result = await saveSignatureAction(values);
      if (result.ok) {
        setErrors({});
        setMessage("Signature saved: your next letters carry it.");
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.error);
      }
    });
  }

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
