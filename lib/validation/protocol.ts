/** The clinic's protocol thresholds, as an admin edits them. */
import { z } from "zod";
import { PROTOCOL_FIELDS, type ProtocolSettings } from "@/lib/domain/protocol";
import { requiredInt } from "./fields";

const shape = Object.fromEntries(PROTOCOL_FIELDS.map((f) => [f.key, requiredInt(f.label, f.min, f.max)])) as Record<keyof ProtocolSettings, ReturnType<typeof requiredInt>>;

export const protocolSchema = z
  .object({ ...shape, version: requiredInt("Version", 0, Number.MAX_SAFE_INTEGER) })
  .superRefine((v, ctx) => {
    if ((v.painSafeMax as number) >= (v.painStopAbove as number)) ctx.addIssue({ code: "custom", path: ["painStopAbove"], message: "The stop limit must be above the safe limit." });
    if ((v.heelRaisesToRun as number) > (v.heelRaisesToReturn as number)) ctx.addIssue({ code: "custom", path: ["heelRaisesToReturn"], message: "The target for full return cannot be below the target to start running." });
    if ((v.reinjuryWindowWeeksLonger as number) < (v.reinjuryWindowWeeks as number)) {
      ctx.addIssue({ code: "custom", path: ["reinjuryWindowWeeksLonger"], message: "The longer watch window cannot be shorter than the ordinary one." });
    }
  });
export type ProtocolInput = z.infer<typeof protocolSchema>;
