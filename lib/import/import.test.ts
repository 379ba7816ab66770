import fs from "node:fs";
import path from "node:path";
import { gzipSync, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { stepsPerMinute } from "./cadence";
import { readActivityFile, readStravaArchive } from "./read";
import { parseStravaCsv, parseStravaDate } from "./strava-csv";
import { findSegments, findWalkRun } from "./summarise";
import { fitFile, gpxFile, points, stravaCsv, stravaZip, tcxFile, walkRunPlan, type Stretch } from "./test-files";
import { ImportFileError } from "./types";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../../tests/fixtures/watch", name)));
const START = new Date("2026-11-20T07:30:00Z");
const steady = (minutes: number, cadencePerLeg = 84): Stretch[] => [{ seconds: minutes * 60, speedMs: 3, cadencePerLeg, heartRate: 148 }];
async function* once(bytes: Uint8Array) {
  yield bytes;
}
async function refused(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return (err as Error).message;
  }
  throw new Error("expected the file to be refused");
}

describe("cadence units", () => {
  it("turns per-leg cadence into steps per minute, with FIT's fractional part", () => {
    expect(stepsPerMinute(79)).toBe(158);
    expect(stepsPerMinute(79, 0.5)).toBe(159);
  });
});

describe("FIT (real recordings)", () => {
  it("reads a run with developer data: 5.38 km in 28 min at about 158–160 steps/min", async () => {
    const [run] = await readActivityFile("running-with-developer-data.fit", fixture("running-with-developer-data.fit"));
    expect(run!.notRunReason).toBeNull();
    expect(run!.distanceM! / 1000).toBeCloseTo(5.38, 2);
    expect(run!.elapsedS / 60).toBeCloseTo(28, 0);
    expect(run!.avgCadenceSpm).toBeGreaterThanOrEqual(158);
    expect(run!.avgCadenceSpm).toBeLessThan(160);
    expect(run!.avgHeartRate).toBe(158);
    expect(run!.maxHeartRate).toBe(177);
    expect(run!.gctLeftPct).toBeCloseTo(49.7, 1);
    expect(run!.stepLengthM).toBeCloseTo(1.18, 2);
    expect(run!.laps).toHaveLength(14);
    expect(run!.device).toMatch(/Garmin/);
    expect(run!.series.length).toBeGreaterThanOrEqual(28);
    expect(run!.series.some((p) => p.cadenceSpm !== null && p.cadenceSpm > 140)).toBe(true);
    expect(run!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("decodes the same in the worker thread as in this one", async () => {
    const { decodeFitInWorker, fitWorkerState } = await import("./fit-worker");
    const bytes = fixture("running-with-developer-data.fit");
    const here = await readActivityFile("a.fit", bytes);
    const there = await readActivityFile("a.fit", bytes, decodeFitInWorker);
    expect(there).toEqual(here);
    expect(fitWorkerState()).toBe("running");
    expect(await refused(readActivityFile("cut.fit", bytes.subarray(0, 20_000), decodeFitInWorker))).toMatch(/damaged or incomplete/);
  });

  it("reads a recent Garmin run: 11.23 km in 74.8 min, 120 steps/min on average", async () => {
    const [run] = await readActivityFile("garmin-stamina.fit", fixture("garmin-stamina.fit"));
    expect(run!.distanceM! / 1000).toBeCloseTo(11.23, 2);
    expect(run!.elapsedS / 60).toBeCloseTo(74.8, 1);
    expect(Math.floor(run!.avgCadenceSpm!)).toBeGreaterThanOrEqual(120);
    expect(run!.avgCadenceSpm!).toBeLessThan(122);
  });

  it("says a training (yoga) session is not a run", async () => {
    const [session] = await readActivityFile("failed.fit", fixture("failed.fit"));
    expect(session!.notRunReason).toBe("Not a run (training: yoga).");
  });

  it("refuses a truncated FIT file", async () => {
    const bytes = fixture("garmin-stamina.fit");
    expect(await refused(readActivityFile("cut.fit", bytes.subarray(0, 20_000)))).toMatch(/damaged or incomplete/);
  });

  it("refuses a corrupt FIT file (one byte changed)", async () => {
    const bytes = fixture("running-with-developer-data.fit").slice();
    bytes[5000] = bytes[5000]! ^ 0xff;
    expect(await refused(readActivityFile("bad.fit", bytes))).toMatch(/damaged or incomplete/);
  });

  it("reads a generated FIT walk-run and a gzipped copy with the same hash", async () => {
    const fit = fitFile(START, walkRunPlan());
    const [plain] = await readActivityFile("wr.fit", fit);
    const [gz] = await readActivityFile("wr.fit.gz", gzipSync(fit));
    expect(plain!.walkRun).toEqual({ walkS: 180, runS: 120, repetitions: 5 });
    expect(gz!.contentHash).toBe(plain!.contentHash);
  });

  it("refuses a FIT file that is not an activity (a course)", async () => {
    expect(await refused(readActivityFile("course.fit", fitFile(START, steady(5), { fileType: 6 })))).toBe("This FIT file is not an activity (it is a course file), so it holds no run.");
  });

  it("lists a cycling FIT session as skipped", async () => {
    const [ride] = await readActivityFile("ride.fit", fitFile(START, steady(10), { sport: 2 }));
    expect(ride!.notRunReason).toBe("Not a run (cycling).");
  });
});

describe("TCX", () => {
  it("reads per-leg RunCadence as steps per minute, distance in metres", async () => {
    const [run] = await readActivityFile("run.tcx", strToU8(tcxFile(START, steady(20, 85), { laps: 4 })));
    expect(run!.avgCadenceSpm).toBe(170);
    expect(run!.distanceM).toBeCloseTo(3600, -2);
    expect(run!.laps).toHaveLength(4);
    expect(run!.avgHeartRate).toBe(148);
    expect(run!.device).toBe("Forerunner 255");
    expect(run!.walkRun).toBeNull();
  });

  it("reads cadence written in the Cadence element (per leg) too", async () => {
    const [run] = await readActivityFile("run.tcx", strToU8(tcxFile(START, steady(10, 80), { cadenceIn: "Cadence" })));
    expect(run!.avgCadenceSpm).toBe(160);
  });

  it("leaves heart rate empty when the file has none", async () => {
    const [run] = await readActivityFile("run.tcx", strToU8(tcxFile(START, steady(10), { heartRate: false })));
    expect(run!.avgHeartRate).toBeNull();
    expect(run!.maxHeartRate).toBeNull();
  });

  it("counts a pause in elapsed time but not in moving time", async () => {
    const [run] = await readActivityFile("run.tcx", strToU8(tcxFile(START, steady(20), { pauseAfterS: 600, pauseS: 300 })));
    expect(run!.elapsedS).toBeCloseTo(25 * 60, -1);
    expect(run!.movingS).toBeCloseTo(20 * 60, -1);
  });

  it("recognises a walk-run session: 3 min walk / 2 min run × 5", async () => {
    const [run] = await readActivityFile("wr.tcx", strToU8(tcxFile(START, walkRunPlan())));
    expect(run!.walkRun).toEqual({ walkS: 180, runS: 120, repetitions: 5 });
  });

  it("skips a biking activity with its reason", async () => {
    const [ride] = await readActivityFile("ride.tcx", strToU8(tcxFile(START, steady(10), { sport: "Biking" })));
    expect(ride!.notRunReason).toBe("Not a run (Biking).");
  });

  it("refuses a truncated TCX file", async () => {
    const text = tcxFile(START, steady(5));
    expect(await refused(readActivityFile("cut.tcx", strToU8(text.slice(0, text.length / 2))))).toMatch(/damaged or incomplete/);
  });

  it("refuses XML that declares external entities, without resolving them", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>&xxe;</Id></Activity></Activities></TrainingCenterDatabase>`;
    expect(await refused(readActivityFile("xxe.tcx", strToU8(xxe)))).toMatch(/declares XML entities/);
  });
});

describe("GPX", () => {
  it("sums distance from the points, has no laps, and doubles per-leg cad", async () => {
    const [run] = await readActivityFile("run.gpx", strToU8(gpxFile(START, steady(15, 82))));
    expect(run!.laps).toEqual([]);
    expect(run!.distanceM).toBeCloseTo(15 * 60 * 3, -1);
    expect(run!.avgCadenceSpm).toBe(164);
    expect(run!.device).toBe("StravaGPX");
  });

  it("takes a track without a type as a run and skips a hike", async () => {
    const [untyped] = await readActivityFile("a.gpx", strToU8(gpxFile(START, steady(5), { type: null })));
    const [hike] = await readActivityFile("b.gpx", strToU8(gpxFile(START, steady(5), { type: "hiking" })));
    expect(untyped!.notRunReason).toBeNull();
    expect(hike!.notRunReason).toBe("Not a run (hiking).");
  });

  it("gives the start time of the first point", async () => {
    const [run] = await readActivityFile("run.gpx.gz", gzipSync(strToU8(gpxFile(START, steady(5)))));
    expect(run!.startTime).toBe(START.toISOString());
  });
});

describe("bad files", () => {
  it("refuses an empty file", async () => {
    expect(await refused(readActivityFile("empty.fit", new Uint8Array(0)))).toBe("The file is empty.");
  });
  it("refuses a wrong extension and names the accepted ones", async () => {
    expect(await refused(readActivityFile("notes.pdf", strToU8("%PDF")))).toMatch(/\.fit, \.tcx, \.gpx/);
  });
  it("refuses a file over the size limit and says the limit", async () => {
    expect(await refused(readActivityFile("huge.tcx", new Uint8Array(41 * 1024 * 1024)))).toBe("This file is larger than 40 MB, the limit for one activity file.");
  });
  it("refuses a .gz that expands past the activity-file limit", async () => {
    const bomb = gzipSync(new Uint8Array(41 * 1024 * 1024));
    expect(await refused(readActivityFile("bomb.fit.gz", bomb))).toMatch(/more than 40 MB/);
  });
});

describe("Strava export", () => {
  it("parses its date format (UTC) and refuses anything else", () => {
    expect(parseStravaDate("Jun 14, 2018, 2:55:22 PM")?.toISOString()).toBe("2018-06-14T14:55:22.000Z");
    expect(parseStravaDate("Jun 14, 2018, 12:05:00 AM")?.toISOString()).toBe("2018-06-14T00:05:00.000Z");
    expect(parseStravaDate("Feb 30, 2018, 1:00:00 PM")).toBeNull();
    expect(parseStravaDate("2018-06-14")).toBeNull();
  });

  it("takes the SI columns of the repeated names, so miles become metres", () => {
    const csv = stravaCsv([{ id: "1", date: "Nov 20, 2026, 7:30:00 AM", type: "Run", elapsedS: 1800, movingS: 1700, distanceM: 5380, displayDistance: "3.34", avgHr: 150, cadencePerLeg: 80 }]);
    const [row] = parseStravaCsv(csv);
    expect(row!.raw.stated.distanceM).toBe(5380);
    expect(row!.raw.stated.elapsedS).toBe(1800);
    expect(row!.raw.stated.movingS).toBe(1700);
    expect(row!.raw.stated.avgCadenceSpm).toBe(160);
  });

  it("reads an archive: runs from their files, rows without files from the CSV, rides skipped", async () => {
    const csv = stravaCsv([
      { id: "11", date: "Nov 20, 2026, 7:30:00 AM", type: "Run", elapsedS: 1200, movingS: 1200, distanceM: 3600, displayDistance: "3.6", file: "activities/11.tcx.gz" },
      { id: "12", date: "Nov 21, 2026, 7:30:00 AM", type: "Ride", elapsedS: 3600, movingS: 3500, distanceM: 20000, displayDistance: "20", file: "activities/12.fit" },
      { id: "13", date: "Nov 22, 2026, 6:00:00 PM", type: "Run", elapsedS: 1500, movingS: 1400, distanceM: 4000, displayDistance: "4", cadencePerLeg: 81 },
    ]);
    const zip = stravaZip(csv, { "11.tcx.gz": gzipSync(strToU8(tcxFile(START, steady(20, 85)))), "12.fit": fitFile(START, steady(5), { sport: 2 }) });
    const reading = await readStravaArchive(once(zip), "export.zip");
    expect(reading.activities).toHaveLength(3);
    const [fromFile, ride, fromCsv] = reading.activities;
    expect(fromFile!.avgCadenceSpm).toBe(170);
    expect(fromFile!.series.length).toBeGreaterThan(10);
    expect(ride!.notRunReason).toBe("Not a run (Ride).");
    expect(fromCsv!.distanceM).toBe(4000);
    expect(fromCsv!.avgCadenceSpm).toBe(162);
    expect(fromCsv!.startTime).toBe("2026-11-22T18:00:00.000Z");
  });

  it("refuses a zip without activities.csv, and a file that is not a zip", async () => {
    const zip = zipSync({ "notes.txt": strToU8("hello") });
    expect(await refused(readStravaArchive(once(zip), "x.zip"))).toMatch(/no activities.csv/);
    expect(await refused(readStravaArchive(once(strToU8("not a zip at all")), "y.zip"))).toMatch(/not a zip archive/);
  });

  it("refuses an archive entry that expands past the limit", async () => {
    const csv = stravaCsv([{ id: "1", date: "Nov 20, 2026, 7:30:00 AM", type: "Run", elapsedS: 1, movingS: 1, distanceM: 1, displayDistance: "0", file: "activities/1.gpx" }]);
    const zip = zipSync({ "activities.csv": strToU8(csv), "activities/1.gpx": new Uint8Array(41 * 1024 * 1024) }, { level: 9 });
    expect(await refused(readStravaArchive(once(zip), "bomb.zip"))).toMatch(/expands to more than 40 MB/);
  });
});

describe("segments", () => {
  it("folds a short stop-and-go into its stretch", () => {
    const plan: Stretch[] = [
      { seconds: 300, speedMs: 3, cadencePerLeg: 84 },
      { seconds: 10, speedMs: 1.4, cadencePerLeg: 55 },
      { seconds: 300, speedMs: 3, cadencePerLeg: 84 },
    ];
    const samples = points(START, plan).map((p, i) => ({ t: i, speedMs: p.speedMs, cadenceSpm: p.cadencePerLeg * 2 }));
    const segments = findSegments(samples);
    expect(segments).toHaveLength(1);
    expect(findWalkRun(segments)).toBeNull();
  });
});
