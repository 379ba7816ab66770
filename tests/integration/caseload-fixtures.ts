import { getCaseloadPage, type CaseloadRow } from "@/lib/dal/caseload";

/** The caseload keys of a patient row written without a status recompute: not computed yet. */
export const NO_CASELOAD_KEYS = {
  caseloadActive: null,
  caseloadFlagRank: null,
  caseloadStage: null,
  caseloadReady: null,
  caseloadStreak: null,
  caseloadPain: null,
  caseloadOnsetDate: null,
  caseloadReturnedOn: null,
  caseloadInjury: null,
};

/** Every row of the acting user's caseload (default order), read page by page through the DAL. */
export async function wholeCaseload(): Promise<CaseloadRow[]> {
  const rows: CaseloadRow[] = [];
  for (let page = 1; ; page++) {
    const p = await getCaseloadPage({ sort: "flags", page });
    rows.push(...p.rows);
    if (rows.length >= p.total || p.rows.length === 0) return rows;
  }
}
