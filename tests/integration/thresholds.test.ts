import { describe, expect, it, vi } from "vitest";
import { getCalfTargets } from "@/lib/dal/calf-targets";
import { getMeasuresChart } from "@/lib/dal/charts";
import { saveClinicProtocol } from "@/lib/dal/protocol";
import { calfTargets } from "@/lib/domain/assessment";
import { measureSpecs } from "@/lib/domain/chart-measures";
import { DEFAULT_PROTOCOL } from "@/lib/domain/protocol";
import { protocolSchema } from "@/lib/validation/protocol";
import { actAs } from "../support/db";
import { patientIdByName, seedClinicForEachFile } from "./engine-support";

vi.mock("@/lib/auth/session", () => import("../support/session-mock"));

seedClinicForEachFile();

describe("one source of thresholds: the clinic's protocol settings", () => {
  it("a clinic that sets the heel-raise target to 20 sees 20 on the assessment screen's checks and the chart's reference line", async () => {
    const daniel = patientIdByName("Daniel", "Okafor");
    actAs("kim@springback.test");
    expect(await getCalfTargets()).toEqual({ heelRaisesToRun: 25, heelRaisesToReturn: 30, lsiMinPercent: 90 });
    expect((await getMeasuresChart(daniel))!.targets.heelRaisesToRun).toBe(25);

    actAs("admin@springback.test");
    await saveClinicProtocol(protocolSchema.parse({ ...DEFAULT_PROTOCOL, heelRaisesToRun: 20, version: 0 }));

    actAs("kim@springback.test");
    const targets = await getCalfTargets();
    expect(targets.heelRaisesToRun).toBe(20);
    expect(calfTargets("left", { heelRaisesLeft: 21, heelRaisesRight: 24 }, targets)[0]!.text).toBe("Heel raises 21/20 on the left: meets the target to start running");
    const chart = (await getMeasuresChart(daniel))!;
    expect(chart.targets).toEqual({ heelRaisesToRun: 20, heelRaisesToReturn: 30 });
    expect(measureSpecs(chart.targets).find((s) => s.key === "heelRaises")!.references!.map((r) => r.label)).toEqual(["20: start running", "30: full return"]);

    // Another clinic keeps its own (default) targets.
    actAs("ola@northside.test");
    expect((await getCalfTargets()).heelRaisesToRun).toBe(25);
  });
});
