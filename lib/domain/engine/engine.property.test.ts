import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { ladderStepOf } from "../protocol";
import { buildDays } from "./days";
import { computeReturnToRun } from "./index";
import { judgeRun } from "./monitoring";
import { TODAY, ago, assessment, input } from "./test-support";
import type { EngineInput, EngineLog, EngineRun, EngineStageChange } from "./types";

const pain = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 8 }));
const nullable = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const logArb = (offset: number): fc.Arbitrary<EngineLog> =>
  fc.record({ painRest: nullable(pain), painDaily: nullable(pain), walkMinutes: nullable(fc.integer({ min: 0, max: 60 })), painWalk: nullable(pain), painCycle: nullable(pain), painSwim: nullable(pain) }).map((l) => ({ date: ago(offset), ...l }));

const runArb: fc.Arbitrary<EngineRun> = fc
  .record({
    offset: fc.integer({ min: 0, max: 45 }),
    continuous: fc.boolean(),
    step: fc.integer({ min: 0, max: 4 }),
    reps: fc.integer({ min: 1, max: 6 }),
    minutes: fc.integer({ min: 10, max: 60 }),
    km: nullable(fc.integer({ min: 1, max: 15 })),
    painDuring: pain,
    painNextMorning: nullable(pain),
  })
  .map((r) =>
    r.continuous
      ? { date: ago(r.offset), kind: "continuous" as const, walkMinutes: null, runMinutes: null, repetitions: null, continuousMinutes: r.minutes, distanceKm: r.km, painDuring: r.painDuring, painNextMorning: r.painNextMorning }
      : { date: ago(r.offset), kind: "walk_run" as const, walkMinutes: 4 - r.step, runMinutes: r.step + 1, repetitions: r.reps, continuousMinutes: null, distanceKm: r.km, painDuring: r.painDuring, painNextMorning: r.painNextMorning },
  );

const changesArb: fc.Arbitrary<EngineStageChange[]> = fc
  .array(fc.record({ offset: fc.integer({ min: 0, max: 50 }), toStage: fc.integer({ min: 0, max: 5 }), stepBack: fc.boolean(), ladder: nullable(fc.integer({ min: 0, max: 4 })) }), { maxLength: 4 })
  .map((list) => {
    const sorted = [...list].sort((a, b) => b.offset - a.offset);
    let from: number | null = 0;
    const out: EngineStageChange[] = [{ toStage: 0, fromStage: null, kind: "start", effectiveDate: ago(55), toLadderStep: null, reason: null }];
    for (const c of sorted) {
      const stepBack = c.stepBack && from !== null && c.toStage < from;
      out.push({ toStage: c.toStage, fromStage: from, kind: stepBack ? "step_back" : c.toStage > (from ?? 0) ? "progression" : "override", effectiveDate: ago(c.offset), toLadderStep: stepBack && c.toStage === 1 ? c.ladder : null, reason: stepBack ? "flare" : null });
      from = c.toStage;
    }
    return out;
  });

const historyArb: fc.Arbitrary<EngineInput> = fc
  .record({
    logOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
    runs: fc.array(runArb, { maxLength: 18 }),
    raises: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 50 }), left: nullable(fc.integer({ min: 5, max: 35 })), right: nullable(fc.integer({ min: 5, max: 35 })) }), { maxLength: 3 }),
    changes: changesArb,
    side: fc.constantFrom("left" as const, "right" as const, "both" as const),
    redFlag: fc.constantFrom("clear" as const, "refer" as const, "cleared" as const),
    preInjury: nullable(fc.integer({ min: 10, max: 80 })),
  })
  .chain((h) =>
    fc.tuple(...h.logOffsets.map(logArb)).map((logs) =>
      input({
        side: h.side,
        redFlagScreen: h.redFlag,
        onsetDate: ago(55),
        preInjuryWeeklyKm: h.preInjury,
        logs: [...logs].sort((a, b) => (a.date < b.date ? -1 : 1)),
        runs: [...h.runs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
        assessments: h.raises.map((a) => assessment(ago(a.offset), [a.left, a.right])).sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : 1)),
        stageChanges: h.changes,
      }),
    ),
  );

/**
 * A plain, quadratic reading of the rule "a stop-level run or a next-morning rise of the
 * step-back size stays open until a later completed session at the same or a lower step shows
 * no rise, or a step back is recorded on or after it".
 */
function unresolved(h: EngineInput): Set<string> {
  const days = buildDays(h.logs, h.runs);
  const verdicts = h.runs.map((r) => judgeRun(r, days, h.settings));
  const open = new Set<string>();
  verdicts.forEach((v, i) => {
    const codes = [v.band === "stop" ? "stop_pain" : null, v.rise !== null && v.rise >= h.settings.nextMorningRise ? "morning_rise" : null].filter((c): c is string => c !== null);
    if (codes.length === 0) return;
    const settledLater = verdicts.some((w, j) => j > i && w.run.date > v.run.date && w.completed && w.rise !== null && w.rise <= 0 && w.band !== "stop" && w.lasting !== true && ladderStepOf(w.run) <= ladderStepOf(v.run));
    const steppedBack = h.stageChanges.some((c) => c.kind === "step_back" && c.effectiveDate >= v.run.date);
    if (!settledLater && !steppedBack) for (const c of codes) open.add(c);
  });
  return open;
}

describe("the engine over generated histories", () => {
  it("never says ready while one of its own criteria is unmet or a blocking flag is open", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const r = computeReturnToRun(h);
        if (r.readyToProgress) {
          expect(r.criteria.length).toBeGreaterThan(0);
          expect(r.criteria.filter((c) => !c.met)).toEqual([]);
          expect(r.stepBack).toBeNull();
          expect(r.stage).toBeLessThan(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never drops an unresolved stop-level run or next-morning rise", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const open = new Set(computeReturnToRun(h).flags.map((f) => f.code));
        for (const code of unresolved(h)) expect(open.has(code as never), code).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same answer for the same inputs, whatever order the daily logs come in", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const first = computeReturnToRun(h);
        expect(computeReturnToRun(structuredClone(h))).toEqual(first);
        // Logs have one row per day; runs and assessments of one day keep their recorded order.
        expect(computeReturnToRun({ ...h, logs: [...h.logs].reverse() })).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it("is not ready on the day of a step back", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const last = h.stageChanges.at(-1)!;
        const stepped: EngineInput = { ...h, stageChanges: [...h.stageChanges, { toStage: 0, fromStage: last.toStage, kind: "step_back", effectiveDate: TODAY, toLadderStep: null, reason: "flare" }] };
        expect(computeReturnToRun(stepped).readyToProgress).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it("judges every run of three years of history (one pass over sorted arrays)", () => {
    const logs: EngineLog[] = [];
    const runs: EngineRun[] = [];
    for (let d = 1095; d >= 0; d--) {
      logs.push({ date: ago(d), painRest: 0, painDaily: d % 13 === 0 ? 1 : 0, walkMinutes: 30, painWalk: 0, painCycle: null, painSwim: null });
      if (d % 2 === 0) runs.push({ date: ago(d), kind: "continuous", walkMinutes: null, runMinutes: null, repetitions: null, continuousMinutes: 40, distanceKm: 8, painDuring: d % 17 === 0 && d > 30 ? 6 : 1, painNextMorning: d % 11 === 0 && d > 30 ? 3 : 0 });
    }
    const h = input({ logs, runs, onsetDate: addDays(TODAY, -1100), stageChanges: [{ toStage: 3, fromStage: 2, kind: "progression", effectiveDate: ago(1000), toLadderStep: null, reason: null }] });
    const r = computeReturnToRun(h);
    // Stop-level runs every 34 days and next-morning rises every 22: the later settled runs clear them all.
    expect(r.flags.map((f) => f.code)).not.toContain("stop_pain");
    expect(r.flagHistory.length).toBeGreaterThan(0);
    expect(r.stage).toBe(3);
  });
});
