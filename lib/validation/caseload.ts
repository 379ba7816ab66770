import { z } from "zod";
import { FLAG_CODES } from "@/lib/domain/engine/types";

export const CASELOAD_SORTS = ["flags", "name", "injury", "day", "stage", "pain", "streak"] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];
export const CASELOAD_PAGE_SIZE = 25;

/** The first value of a repeated parameter; an empty form field means "not set". */
const one = (v: unknown) => {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return first === "" ? undefined : first;
};

/**
 * The caseload view, from the URL (so a view survives reload and can be shared). Unknown or
 * malformed values fall back to the default view instead of failing the page.
 */
export const caseloadQuerySchema = z.object({
  q: z.preprocess(one, z.string().trim().max(100).optional()).catch(undefined),
  stage: z.preprocess(one, z.coerce.number().int().min(0).max(5).optional()).catch(undefined),
  /** "any": every flagged patient; a code: patients with that flag. */
  flag: z.preprocess(one, z.enum(["any", ...FLAG_CODES]).optional()).catch(undefined),
  ready: z.preprocess(one, z.literal("1").optional()).catch(undefined),
  returned: z.preprocess(one, z.literal("30").optional()).catch(undefined),
  /** Admins only: "all" or a therapist's id; ignored for therapists. */
  therapist: z.preprocess(one, z.union([z.literal("all"), z.uuid()]).optional()).catch(undefined),
  sort: z.preprocess(one, z.enum(CASELOAD_SORTS).default("flags")).catch("flags"),
  dir: z.preprocess(one, z.enum(["asc", "desc"]).optional()).catch(undefined),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});

export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;

/** The direction a column sorts in when first chosen: worst first where that is what needs attention. */
export function defaultDir(sort: CaseloadSort): "asc" | "desc" {
  return sort === "flags" || sort === "pain" || sort === "day" ? "desc" : "asc";
}
