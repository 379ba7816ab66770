/**
 * The runner's check-in page as one server-rendered HTML document (no React on the phone):
 * escaped template strings, an inline stylesheet and one small script (public/checkin/app.js)
 * under the request's CSP nonce. Forms post to /checkin and work without JavaScript; the
 * script adds the offline queue. Plain words, the runner's given name only, no clinic notes.
 */
import escapeHtml from "escape-html";
import { addDays } from "@/lib/domain/dates";
import { dayLabel, runnerPlan } from "@/lib/domain/checkin-words";
import type { CheckinPageData, CheckinPainPoint } from "@/lib/dal/checkin";

/** Escapes text for HTML element content and quoted attribute values (`escape-html`: & < > " '); null and undefined give "". */
export function esc(value: unknown): string {
  return escapeHtml(String(value ?? ""));
}

/** Which form a re-rendered page answers, with what was typed and the messages by field. */
export type FormEcho = { form: "day" | "run" | "morning"; values: Record<string, string>; errors: Record<string, string>; error: string };

const CSS = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fff}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.25rem 0 1rem}h2{font-size:1.25rem;margin:0 0 .75rem}
section{border:2px solid #222;border-radius:12px;padding:1rem;margin:0 0 1.25rem}
section.ask{border-color:#8a4b00;background:#fff6e8}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}
fieldset{border:0;padding:0;margin:1.25rem 0 0}
legend{font-size:1.1rem;padding:0}
.hint{font-weight:400;color:#333;font-size:.95rem}
select,input[type=text],input[type=number],textarea{width:100%;min-height:48px;font:inherit;padding:.5rem .6rem;border:2px solid #333;border-radius:8px;background:#fff;color:#111}
textarea{min-height:5rem}
.row{display:flex;gap:.75rem;align-items:flex-end}.row>div{flex:1;min-width:0}
.check{display:flex;align-items:center;gap:.6rem;min-height:48px;font-weight:600;margin:.5rem 0}
.check input{width:28px;height:28px;margin:0}
button{display:block;width:100%;min-height:52px;margin-top:1rem;font:inherit;font-weight:700;color:#fff;background:#0b4f8a;border:0;border-radius:10px}
button:focus-visible,select:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.err{color:#a00000;font-weight:600;margin:.25rem 0 0}
[aria-invalid=true]{border-color:#a00000}
.msg{padding:.75rem 1rem;border-radius:10px;margin:0 0 1rem;font-weight:600}
.ok{background:#e6f4ea;border:2px solid #1e6b34}.bad{background:#fdecec;border:2px solid #a00000}
ul{padding-left:1.2rem;margin:.25rem 0}.flags li{color:#7a2e00;font-weight:600}
svg{display:block;width:100%;height:auto;margin-top:.5rem}
.kind{display:flex;gap:.5rem}.kind label{flex:1;display:flex;align-items:center;gap:.5rem;min-height:48px;border:2px solid #333;border-radius:8px;padding:0 .6rem;margin:0}
.kind input{width:24px;height:24px;margin:0}
.small{font-size:.9rem;color:#333}
`;

function painOptions(selected: string | undefined, allowBlank = true): string {
  const opts = allowBlank ? [`<option value=""${!selected ? " selected" : ""}>Choose</option>`] : [];
  for (let i = 0; i <= 10; i++) opts.push(`<option value="${i}"${selected === String(i) ? " selected" : ""}>${i}${i === 0 ? " (none)" : i === 10 ? " (worst)" : ""}</option>`);
  return opts.join("");
}

function countOptions(selected: string | undefined): string {
  const opts = [`<option value=""${!selected ? " selected" : ""}>None</option>`];
  for (let i = 1; i <= 5; i++) opts.push(`<option value="${i}"${selected === String(i) ? " selected" : ""}>${i} time${i === 1 ? "" : "s"}</option>`);
  return opts.join("");
}

/** The last 7 days (+ today) the runner may fill in, from the clinic's today; the script redoes them from the phone's own day. */
function dateOptions(today: string, onsetDate: string, selected: string | undefined): string {
  const out: string[] = [];
  for (let i = 0; i <= 7; i++) {
    const d = addDays(today, -i);
    if (d < onsetDate) break;
    out.push(`<option value="${d}"${(selected ?? today) === d ? " selected" : ""}>${esc(dayLabel(d, today))}</option>`);
  }
  return out.join("");
}

/** A labelled control with its error (aria-describedby) and hint. */
function field(id: string, label: string, control: (attrs: string) => string, echo: FormEcho | null, form: string, hint?: string): string {
  const error = echo?.form === form ? echo.errors[nameOf(id)] : undefined;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ");
  const attrs = `id="${id}" name="${nameOf(id)}"${described ? ` aria-describedby="${described}"` : ""}${error ? ' aria-invalid="true"' : ""}`;
  return `<div><label for="${id}">${esc(label)}${hint ? ` <span class="hint" id="${id}-hint">${esc(hint)}</span>` : ""}</label>${control(attrs)}${error ? `<p class="err" id="${id}-err">${esc(error)}</p>` : ""}</div>`;
}

/** Ids are "<form>-<name>" so two forms may share a field name. */
function nameOf(id: string): string {
  return id.slice(id.indexOf("-") + 1);
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${name}" value="${esc(value)}">`;
}

/** The pain of the last 14 days as a bar chart (inline SVG; bands from the clinic's protocol). */
export function painChart(points: readonly CheckinPainPoint[], bands: { safeMax: number; stopAbove: number }): string {
  const w = 300;
  const h = 140;
  const top = 10;
  const base = 110;
  const step = w / Math.max(1, points.length);
  const scored = points.filter((p) => p.pain !== null || p.runPain !== null);
  const words = (p: CheckinPainPoint) => [p.pain !== null ? `${p.pain}` : "", p.runPain !== null ? `run ${p.runPain}` : ""].filter(Boolean).join(", ");
  const summary = scored.length
    ? `Your pain over the last two weeks: ${scored.map((p) => `${dayLabel(p.date, points[points.length - 1]!.date)} ${words(p)}`).join("; ")}.`
    : "No pain scores in the last two weeks yet.";
  const y = (pain: number) => base - ((base - top) * pain) / 10;
  const bars = points
    .map((p, i) => {
      const x = i * step + step * 0.15;
      const bw = step * 0.7;
      const label = i % 2 === points.length % 2 || i === points.length - 1 ? `<text x="${(x + bw / 2).toFixed(1)}" y="${base + 18}" font-size="10" text-anchor="middle" fill="#222">${esc(p.date.slice(8))}</text>` : "";
      const cx = (x + bw / 2).toFixed(1);
      const run = p.runPain === null ? "" : `<circle cx="${cx}" cy="${y(p.runPain).toFixed(1)}" r="4.5" fill="#111" stroke="#fff" stroke-width="1.5"/>`;
      if (p.pain === null) return `${p.runPain === null ? `<circle cx="${cx}" cy="${base - 3}" r="2" fill="#777"/>` : ""}${run}${label}`;
      const bh = Math.max(2, ((base - top) * p.pain) / 10);
      const fill = p.pain > bands.stopAbove ? "#a00000" : p.pain > bands.safeMax ? "#b35c00" : "#1e6b34";
      return `<rect x="${x.toFixed(1)}" y="${(base - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="${fill}"/><text x="${cx}" y="${(base - bh - 2).toFixed(1)}" font-size="10" text-anchor="middle" fill="#111">${p.pain}</text>${run}${label}`;
    })
    .join("");
  const grid = [0, 5, 10].map((v) => `<line x1="0" x2="${w}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc"/>`).join("");
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="chart-t"><title id="chart-t">${esc(summary)}</title>${grid}${bars}</svg><p class="small">Bars: your worst pain each day (0–10); green is fine, orange take care, red too much. Black dots: pain during a run.</p>`;
}

function messageBlock(saved: string | null, echo: FormEcho | null): string {
  if (echo) return `<div class="msg bad" role="alert">${esc(echo.error)}</div>`;
  const words: Record<string, string> = { day: "Today is saved. Thank you!", run: "Your run is saved. Tomorrow morning, tell us how it felt.", morning: "Saved. Thank you!" };
  return saved && words[saved] ? `<div class="msg ok" role="status">${esc(words[saved])}</div>` : `<div role="status" id="queue-status"></div>`;
}

function morningForms(data: CheckinPageData, echo: FormEcho | null): string {
  return data.morningsDue
    .map((r, i) => {
      const mine = echo?.form === "morning" && echo.values.runId === r.runId ? echo : null;
      const when = dayLabel(r.runDate, data.today).toLowerCase();
      const next = addDays(r.runDate, 1) === data.today ? "this morning" : `the morning after (${esc(dayLabel(addDays(r.runDate, 1), data.today))})`;
      return `<section class="ask" aria-labelledby="m${i}-h"><h2 id="m${i}-h">How did it feel ${next}?</h2>
<p>Your run ${esc(when === "today" || when === "yesterday" ? when : `on ${dayLabel(r.runDate, data.today)}`)}: ${esc(r.summary)}.</p>
<form method="post" action="/checkin" class="entry" data-kind="morning">${hidden("type", "morning")}${hidden("runId", r.runId)}${hidden("entryId", crypto.randomUUID())}
${field(`m${i}-painNextMorning`, "Pain the morning after", (a) => `<select ${a} required>${painOptions(mine?.values.painNextMorning)}</select>`, mine, "morning", "0 = none, 10 = worst")}
<button type="submit">Save morning pain</button></form></section>`;
    })
    .join("");
}

function dayForm(data: CheckinPageData, echo: FormEcho | null): string {
  const e = echo?.form === "day" ? echo : null;
  const v = e?.values ?? {};
  const kinds = [
    ["", "None"],
    ["walk", "Walking"],
    ["cycle", "Cycling"],
    ["swim", "Swimming"],
  ]
    .map(([value, words]) => `<option value="${value}"${(v.crossKind ?? "") === value ? " selected" : ""}>${words}</option>`)
    .join("");
  const open: string[] = [];
  for (let i = 0; i <= 7; i++) {
    const d = addDays(data.today, -i);
    if (d < data.onsetDate) break;
    if (!data.filledDays.includes(d)) open.push(dayLabel(d, data.today));
  }
  const filled = data.filledDays.includes(data.today) ? "Today is filled in; saving it again replaces it." : "";
  const missing = open.length ? `Not filled in yet: ${open.join(", ")}.` : "Every day of the last week is filled in. Thank you!";
  return `<section aria-labelledby="day-h"><h2 id="day-h">Today</h2><p class="small">${esc([filled, missing].filter(Boolean).join(" "))}</p>
<form method="post" action="/checkin" class="entry" data-kind="day">${hidden("type", "day")}${hidden("entryId", crypto.randomUUID())}
${field("day-date", "Day", (a) => `<select ${a} data-phone-days="${data.onsetDate}">${dateOptions(data.today, data.onsetDate, v.date)}</select>`, e, "day")}
${field("day-painRest", "Pain at rest", (a) => `<select ${a}>${painOptions(v.painRest)}</select>`, e, "day", "0 = none, 10 = worst")}
${field("day-painDaily", "Pain in daily activities", (a) => `<select ${a} required>${painOptions(v.painDaily)}</select>`, e, "day", "walking about, stairs, work")}
<fieldset><legend>Other exercise today</legend>
${field("day-crossKind", "Which", (a) => `<select ${a}>${kinds}</select>`, e, "day")}
<div class="row">${field("day-crossMinutes", "Minutes", (a) => `<input type="text" inputmode="numeric" autocomplete="off" ${a} value="${esc(v.crossMinutes)}">`, e, "day")}
${field("day-crossPain", "Pain during it", (a) => `<select ${a}>${painOptions(v.crossPain)}</select>`, e, "day")}</div></fieldset>
<fieldset><legend>Care today</legend>
<div class="row">${field("day-massage", "Self-massage", (a) => `<select ${a}>${countOptions(v.massage)}</select>`, e, "day")}
${field("day-ice", "Ice", (a) => `<select ${a}>${countOptions(v.ice)}</select>`, e, "day")}</div>
<label class="check" for="day-compression"><input type="checkbox" id="day-compression" name="compression" value="on"${v.compression ? " checked" : ""}> I wore compression</label></fieldset>
${field("day-note", "Anything else?", (a) => `<textarea ${a} maxlength="1000">${esc(v.note)}</textarea>`, e, "day", "optional")}
<button type="submit">Save today</button></form></section>`;
}

function runForm(data: CheckinPageData, echo: FormEcho | null): string {
  const e = echo?.form === "run" ? echo : null;
  const v = e?.values ?? {};
  const kind = v.kind ?? "walk_run";
  const implausible = e?.errors.confirmImplausible;
  return `<section aria-labelledby="run-h"><h2 id="run-h">A run</h2>
<form method="post" action="/checkin" class="entry" data-kind="run">${hidden("type", "run")}${hidden("entryId", crypto.randomUUID())}
${field("run-date", "Day", (a) => `<select ${a} data-phone-days="${data.onsetDate}">${dateOptions(data.today, data.onsetDate, v.date)}</select>`, e, "run")}
<fieldset><legend>What did you do?</legend><div class="kind">
<label for="run-kind-wr"><input type="radio" id="run-kind-wr" name="kind" value="walk_run"${kind === "walk_run" ? " checked" : ""}> Walk and run</label>
<label for="run-kind-c"><input type="radio" id="run-kind-c" name="kind" value="continuous"${kind === "continuous" ? " checked" : ""}> Running only</label></div></fieldset>
<div class="row">${field("run-walkMinutes", "Walk min", (a) => `<input type="text" inputmode="decimal" autocomplete="off" ${a} value="${esc(v.walkMinutes)}">`, e, "run")}
${field("run-runMinutes", "Run min", (a) => `<input type="text" inputmode="decimal" autocomplete="off" ${a} value="${esc(v.runMinutes)}">`, e, "run")}
${field("run-repetitions", "Times", (a) => `<input type="text" inputmode="numeric" autocomplete="off" ${a} value="${esc(v.repetitions)}">`, e, "run")}</div>
${field("run-continuousMinutes", "Or, running only: minutes", (a) => `<input type="text" inputmode="decimal" autocomplete="off" ${a} value="${esc(v.continuousMinutes)}">`, e, "run")}
${field("run-distance", `Distance (${data.distanceUnit})`, (a) => `<input type="text" inputmode="decimal" autocomplete="off" ${a} value="${esc(v.distance)}">`, e, "run", "optional")}
${field("run-painDuring", "Pain during the run", (a) => `<select ${a} required>${painOptions(v.painDuring)}</select>`, e, "run", "0 = none, 10 = worst")}
${implausible ? `<p class="err" id="run-implausible-err">${esc(implausible)}</p><label class="check" for="run-confirmImplausible"><input type="checkbox" id="run-confirmImplausible" name="confirmImplausible" value="on" aria-describedby="run-implausible-err"> Yes, this is right</label>` : ""}
<button type="submit">Save run</button></form></section>`;
}

/** The whole page. `nonce` is the request's CSP nonce; `saved` the form just saved (after the 303). */
export function renderCheckinPage(data: CheckinPageData, options: { nonce: string; saved: string | null; echo: FormEcho | null }): string {
  const { plan, flags } = runnerPlan(data.panel, data.today, data.lastRunDate);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>My check-in</title><style nonce="${esc(options.nonce)}">${CSS}</style></head>
<body><main><h1>Hi ${esc(data.givenName)}</h1>
${messageBlock(options.saved, options.echo)}
${morningForms(data, options.echo)}
<section aria-labelledby="plan-h"><h2 id="plan-h">My plan</h2><ul>${plan.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>
${flags.length ? `<ul class="flags">${flags.map((f) => `<li>${esc(f)}</li>`).join("")}</ul>` : ""}
${painChart(data.pain, data.panel.painBands)}</section>
${dayForm(data, options.echo)}
${runForm(data, options.echo)}
<p class="small">This page is private to you. Do not share its link.</p></main>
<script nonce="${esc(options.nonce)}" src="/checkin/app.js" defer></script></body></html>`;
}

/** The page shown for a link or session that is not valid (no reason given beyond this). */
export function renderRefusalPage(nonce: string, busy = false): string {
  const words = busy ? "Too many tries from this connection. Please wait a few minutes and try again." : "This link is not valid any more; ask your therapist for a new one.";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>Check-in link</title><style nonce="${esc(nonce)}">${CSS}</style></head>
<body><main><h1>Check-in</h1><p class="msg bad">${esc(words)}</p></main></body></html>`;
}
