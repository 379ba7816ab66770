import { Check, X } from "lucide-react";
import type { Criterion } from "@/lib/domain/engine";

/** Each criterion of the next stage, met or not, with its numbers in words. */
export function CriteriaList({ criteria, label }: { criteria: Criterion[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {criteria.map((c) => (
        <li key={c.code} className="flex gap-2" data-testid={`criterion-${c.code}`}>
          <span aria-hidden className={c.met ? "mt-0.5 text-safe" : "mt-0.5 text-caution"}>
            {c.met ? <Check size={18} /> : <X size={18} />}
          </span>
          <span>
            <span className="font-semibold">
              <span className="sr-only">{c.met ? "Met: " : "Not met: "}</span>
              {c.label}
            </span>
            <span className="block text-sm text-muted">{c.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
