import type { FaultSeverity } from "@/lib/domain/vocabulary";
import { Badge } from "@/components/ui/badge";
import { SEVERITY_LABEL } from "@/lib/domain/assessment";

// Gait faults are not stop-level findings, so severe is shown in the caution tone, in words.
const TONE = { none: "safe", mild: "accent", moderate: "caution", severe: "caution" } as const;

export function SeverityBadge({ severity, label, ...rest }: { severity: FaultSeverity | null; label?: string } & React.HTMLAttributes<HTMLSpanElement>) {
  const prefix = label ? `${label}: ` : "";
  if (!severity) return <Badge {...rest}>{prefix}not graded</Badge>;
  return (
    <Badge tone={TONE[severity]} data-severity={severity} {...rest}>
      {prefix}
      {SEVERITY_LABEL[severity]}
    </Badge>
  );
}
