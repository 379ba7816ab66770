import { describe, expect, it } from "vitest";
import { addsPositive, emptyAnswers, positiveItems, redFlagStatus, redFlagWords, wellsPartial, type RedFlagScreen } from "./red-flags";
import type { RedFlagItem } from "./vocabulary";

function screen(items: RedFlagItem[], cleared = false): RedFlagScreen {
  const answers = emptyAnswers();
  for (const i of items) answers[i] = true;
  return { ...answers, clearedAt: cleared ? "2026-05-02T10:00:00.000Z" : null, clearedBy: cleared ? "Dr Lee" : null, clearanceNote: cleared ? "Duplex scan negative" : null };
}

describe("redFlagStatus", () => {
  it.each<[string, RedFlagScreen | null, string]>([
    ["no screen recorded", null, "clear"],
    ["nothing positive", screen([]), "clear"],
    ["a positive Thompson test", screen(["thompsonPositive"]), "refer"],
    ["calf swelling after a long-haul flight", screen(["calfSwelling", "travelOrImmobilised"]), "refer"],
    ["night pain only", screen(["nightPain"]), "refer"],
    ["positive, cleared", screen(["palpableGap"], true), "cleared"],
    ["nothing positive, an old clearance", screen([], true), "clear"],
  ])("%s → %s", (_l, s, expected) => expect(redFlagStatus(s)).toBe(expected));
});

describe("wellsPartial (Wells 2003)", () => {
  it.each<[string, RedFlagItem[], number]>([
    ["none", [], 0],
    ["warmth, travel and hormones are not Wells criteria", ["calfWarmth", "travelOrImmobilised", "hormonalTherapy"], 0],
    ["calf swelling", ["calfSwelling"], 1],
    ["swelling and a previous clot", ["calfSwelling", "previousClot"], 2],
    ["every Wells item the screen asks", ["calfSwelling", "pittingOedema", "legLarger", "recentSurgery", "previousClot"], 5],
    ["Achilles signs do not count", ["thompsonPositive", "palpableGap"], 0],
  ])("%s → %i", (_l, items, score) => expect(wellsPartial(screen(items)).score).toBe(score));

  it("says what 2 or more means and what was not asked", () => {
    const w = wellsPartial(screen(["calfSwelling", "previousClot"]));
    expect(w.words).toContain("2 or more: DVT likely");
    expect(w.words).toContain("active cancer");
    expect(wellsPartial(screen(["calfSwelling"])).words).toContain("below 2");
  });
});

describe("redFlagWords", () => {
  it("refer names the groups found", () => {
    expect(redFlagWords(screen(["thompsonPositive", "calfSwelling"]))).toBe("Refer before loading: possible deep vein thrombosis; possible Achilles rupture.");
  });
  it("cleared names who and when", () => expect(redFlagWords(screen(["nightPain"], true))).toBe("Red flags cleared by Dr Lee on 2026-05-02 (not typical of a calf strain)."));
  it("nothing to say when clear", () => expect(redFlagWords(screen([]))).toBeNull());
});

describe("positiveItems and addsPositive", () => {
  it("lists positives in form order", () => expect(positiveItems(screen(["numbness", "calfSwelling"])).map((i) => i.item)).toEqual(["calfSwelling", "numbness"]));
  it.each<[string, RedFlagItem[] | null, RedFlagItem[], boolean]>([
    ["first screen with a positive", null, ["nightPain"], true],
    ["same positives", ["nightPain"], ["nightPain"], false],
    ["one removed", ["nightPain", "numbness"], ["nightPain"], false],
    ["a new one", ["nightPain"], ["nightPain", "palpableGap"], true],
  ])("%s → %s", (_l, before, after, expected) => expect(addsPositive(before ? screen(before) : null, screen(after))).toBe(expected));
});
