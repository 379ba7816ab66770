/** Words for an injury episode, long for headers and short for tables. */
import type { Muscle, Side, InjurySeverity } from "@/lib/domain/vocabulary";

export type InjuryWords = {
  side: Side;
  muscle: Muscle;
  severity: InjurySeverity;
  grade: number;
  achilles?: boolean;
};

const SIDE_LONG: Record<Side, string> = { left: "Left", right: "Right", both: "Both-sides" };
const SIDE_SHORT: Record<Side, string> = { left: "L", right: "R", both: "L+R" };
export const MUSCLE_LABEL: Record<Muscle, string> = {
  medial_gastrocnemius: "medial gastrocnemius",
  lateral_gastrocnemius: "lateral gastrocnemius",
  soleus: "soleus",
  unsure: "calf (muscle not sure)",
};
const MUSCLE_SHORT: Record<Muscle, string> = {
  medial_gastrocnemius: "med gastroc",
  lateral_gastrocnemius: "lat gastroc",
  soleus: "soleus",
  unsure: "calf",
};

/** "Left medial gastrocnemius strain (grade 2)" */
export function describeInjury(i: InjuryWords): string {
  const achilles = i.achilles ? ", Achilles involved" : "";
  return `${SIDE_LONG[i.side]} ${MUSCLE_LABEL[i.muscle]} ${i.severity} (grade ${i.grade})${achilles}`;
}

/** "L soleus, grade 2" */
export function describeInjuryShort(i: InjuryWords): string {
  return `${SIDE_SHORT[i.side]} ${MUSCLE_SHORT[i.muscle]}, grade ${i.grade}`;
}

export const STAGE_NAMES = ["Protect", "Walk-run", "Continuous easy", "Build volume", "Speed & hills", "Returned"] as const;

export function stageName(stage: number | null | undefined): string {
  if (stage === null || stage === undefined) return "Not started";
  return STAGE_NAMES[stage] ?? `Stage ${stage}`;
}
