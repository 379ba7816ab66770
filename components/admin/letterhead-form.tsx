"use client";

import { saveLetterheadAction } from "@/app/(clinic)/admin/letterhead/actions";
import { Button } from "@/components/ui/button";
import { useSavedForm } from "@/components/ui/saved-form";
import { Field } from "@/components/ui/field";
import type { LetterheadDto } from "@/lib/dal/letterhead";

/** The clinic's letterhead for letters (address, phone, e-mail); messages beside each field, typed text kept. */
export function LetterheadForm({ initial }: { initial: LetterheadDto }) {
  const { values, errors, message, pending, set, submit } = useSavedForm({ address: initial.address ?? "", phone: initial.phone ?? "", email: initial.email ?? "" }, saveLetterheadAction, "Letterhead saved: new letters print it.");

  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-2" aria-label="Letterhead" noValidate>
      <p className="text-sm text-muted md:col-span-2">
        Printed at the top of every letter under <strong>{initial.name}</strong>, so a referring doctor can reply.
      </p>
      <div className="flex flex-col gap-1 md:row-span-2">
        <label htmlFor="letterhead-address" className="text-sm font-medium">
          Postal address
        </label>
        <textarea
          id="letterhead-address"
          rows={4}
          value={values.address}
          onChange={set("address")}
          aria-invalid={errors.address ? true : undefined}
          aria-describedby={errors.address ? "letterhead-address-error" : undefined}
          className="rounded-md border border-line bg-white px-3 py-2 text-base aria-invalid:border-stop"
        />
        {errors.address ? (
          <p id="letterhead-address-error" className="text-sm text-stop">
            {errors.address}
          </p>
        ) : null}
      </div>
      <Field id="letterhead-phone" label="Phone" type="tel" value={values.phone} onChange={set("phone")} error={errors.phone} />
      <Field id="letterhead-email" label="E-mail for replies" type="email" value={values.email} onChange={set("email")} error={errors.email} />
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save letterhead"}
        </Button>
        <p role="status" className="text-sm">
          {message}
        </p>
      </div>
    </form>
  );
}
