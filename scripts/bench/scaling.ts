/**
 * The scaling table for docs/performance.md from the committed results at each size:
 *   npx tsx scripts/bench/scaling.ts   (after `npm run bench -- --patients 500|20000` and `npm run bench`)
 */
import fs from "node:fs";

type Result = {
  clinic: { patients: number; dailyLogs: number; painScores: number; runs: number };
  http: { name: string; medianMs: number; p95Ms: number; p95Ratio: number | null }[];
  dal: { name: string; dalMedianMs: number; ratio: number }[];
};

const files = ["docs/bench/patients-500.json", "docs/bench/latest.json", "docs/bench/patients-20000.json"].filter((f) => fs.existsSync(f));
const runs = files.map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as Result);
const head = `| Measure | ${runs.map((r) => `${r.clinic.patients.toLocaleString("en")} runners`).join(" | ")} |`;
const rule = `|---|${runs.map(() => "---:").join("|")}|`;
const lines = [head, rule];
lines.push(`| pain scores / runs | ${runs.map((r) => `${r.clinic.painScores.toLocaleString("en")} / ${r.clinic.runs.toLocaleString("en")}`).join(" | ")} |`);
for (const { name } of runs[0]?.http ?? []) {
  const key = name.replace(/\(\d+\)/, "");
  const cells = runs.map((r) => {
    const h = r.http.find((x) => x.name.replace(/\(\d+\)/, "") === key);
    return h ? `${h.medianMs.toFixed(0)} / ${h.p95Ms.toFixed(0)} ms${h.p95Ratio && !name.startsWith("floor") ? ` (${h.p95Ratio.toFixed(1)}×)` : ""}` : "—";
  });
  lines.push(`| ${name.replace(/ \(\d+\)/, "")} | ${cells.join(" | ")} |`);
}
for (const { name } of runs[0]?.dal ?? []) {
  const key = name.replace(/\(\d+\)/, "");
  const cells = runs.map((r) => {
    const d = r.dal.find((x) => x.name.replace(/\(\d+\)/, "") === key);
    return d ? `${d.dalMedianMs.toFixed(1)} ms (${d.ratio.toFixed(2)}×)` : "—";
  });
  lines.push(`| DAL: ${name.replace(/ \(\d+\)/, "")} | ${cells.join(" | ")} |`);
}
console.log(lines.join("\n"));
