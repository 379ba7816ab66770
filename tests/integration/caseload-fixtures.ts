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
