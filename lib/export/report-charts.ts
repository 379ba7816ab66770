/** The charts a letter can hold (shared by the export dialog and the PDF). */
/** In the order the letter prints them, with their names in the export dialog. */
export const REPORT_CHARTS = [
  { key: "pain", label: "Pain over time" },
  { key: "volume", label: "Weekly running volume" },
  { key: "heelRaises", label: "Single-leg heel raises" },
  { key: "kneeToWall", label: "Knee-to-wall dorsiflexion" },
  { key: "fpa", label: "Foot progression angle" },
  { key: "pelvicTilt", label: "Anterior pelvic tilt" },
  { key: "cadence", label: "Cadence" },
] as const;
export type ReportChartKey = (typeof REPORT_CHARTS)[number]["key"];
export const REPORT_CHART_KEYS = REPORT_CHARTS.map((c) => c.key) as [ReportChartKey, ...ReportChartKey[]];

