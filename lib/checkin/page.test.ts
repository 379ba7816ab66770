import { describe, expect, it } from "vitest";
import { panelState } from "@/lib/dal/status";
import type { CheckinPageData } from "@/lib/dal/checkin";
import { esc, painChart, renderCheckinPage, renderRefusalPage } from "./page";

const data = (over: Partial<CheckinPageData> = {}): CheckinPageData => ({
  givenName: "Marta",
  distanceUnit: "km",
  today: "2026-11-26",
  onsetDate: "2026-11-14",
  panel: panelState(null),
  morningsDue: [],
  pain: [
    { date: "2026-11-25", pain: 2, runPain: 3 },
    { date: "2026-11-26", pain: null, runPain: null },
  ],
  lastRunDate: null,
  filledDays: ["2026-11-25"],
  ...over,
});

describe("the runner's page", () => {
  it("escapes everything it shows, the runner's name included", () => {
    const html = renderCheckinPage(data({ givenName: `<script>alert("x")</script>` }), { nonce: "abc", saved: null, echo: null });
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(esc(`"'&<>`)).toBe("&quot;&#39;&amp;&lt;&gt;");
  });

  it("puts the CSP nonce on its only script and style, and a fresh entry id in each form", () => {
    const html = renderCheckinPage(data(), { nonce: "n0nce", saved: null, echo: null });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="n0nce" src="/checkin/app.js" defer>');
    expect(html).toContain('<style nonce="n0nce">');
    const ids = [...html.matchAll(/name="entryId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it("asks for the next-morning pain first, and keeps typed input with the message after an error", () => {
    const html = renderCheckinPage(data({ morningsDue: [{ runId: "r1", runDate: "2026-11-25", summary: "walk 3 min, run 2 min, 5 times" }] }), {
      nonce: "n",
      saved: null,
      echo: { form: "run", values: { walkMinutes: "3", runMinutes: "2<b>" }, errors: { repetitions: "Give the number of repetitions." }, error: "Please check the highlighted answers." },
    });
    expect(html.indexOf("How did it feel this morning?")).toBeLessThan(html.indexOf("My plan"));
    expect(html).toContain('id="run-repetitions" name="repetitions" aria-describedby="run-repetitions-err" aria-invalid="true"');
    expect(html).toContain('value="2&lt;b&gt;"');
    expect(html).toContain("Not filled in yet: Today, Tue 24 Nov");
  });

  it("labels every control", () => {
    const html = renderCheckinPage(data(), { nonce: "n", saved: null, echo: null });
    const ids = [...html.matchAll(/<(?:select|input|textarea)[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html, id).toContain(`for="${id}"`);
  });

  it("draws the pain chart with a text summary, and refuses in plain words", () => {
    const svg = painChart(data().pain, { safeMax: 3, stopAbove: 5 });
    expect(svg).toContain('role="img"');
    expect(svg).toContain("Yesterday 2, run 3");
    expect(svg.match(/<circle[^>]*r="4.5"/g)).toHaveLength(1);
    expect(renderRefusalPage("n")).toContain("This link is not valid any more; ask your therapist for a new one.");
  });
});
