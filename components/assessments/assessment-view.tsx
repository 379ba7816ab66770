import type { Side } from "@/lib/domain/vocabulary";
import type { AssessmentRecord } from "@/lib/dal/assessments";
import {
  calfTargets,
  fpaBaseline,
  formatNumber,
  MEASURES,
  measureChange,
  roundPercent,
  sideComparisons,
  suggestSeverities,
  SEVERITY_LABEL,
  type FaultKey,
  type MeasureKey,
  type SideComparison,
  type CalfTargets,
  FAULT_LABEL,
  KNEE_TO_WALL_ERROR_CM,
} from "@/lib/domain/assessment";
import { Card } from "@/components/ui/card";
import { METHOD_LABEL, SETTING_LABEL, severityOf, show, THOMAS_LABEL } from "./labels";
import { SeverityBadge } from "./severity-badge";
import { dayWithYear } from "@/lib/domain/engine/words";

type Props = { assessment: AssessmentRecord; previous: AssessmentRecord | null; earlier: AssessmentRecord[]; side: Side; targets: CalfTargets };

const info = (key: MeasureKey) => MEASURES.find((m) => m.key === key)!;

function ChangeCell({ assessment, previous, measure }: { assessment: AssessmentRecord; previous: AssessmentRecord | null; measure: MeasureKey }) {
  const change = previous ? measureChange(info(measure), previous[measure], assessment[measure]) : null;
  if (!change) return <span className="text-muted">—</span>;
  return <span className={change.beyondError === false ? "text-muted" : undefined}>{change.words}</span>;
}

/** Heel raises side to side: the LSI (injured ÷ other); both sides injured: the difference in repetitions. */
function lsiWords(c: SideComparison, side: Side): string {
  if (c.difference === null) return "—";
  if (side === "both") return `${formatNumber(Math.abs(c.difference))} difference (both sides injured: no LSI)`;
  return c.lsiPercent === null ? "—" : `LSI ${roundPercent(c.lsiPercent)}%`;
}

/** Knee-to-wall side to side: the difference in cm, whether it is within measurement error, and the LSI. */
function kneeToWallWords(c: SideComparison, side: Side): string {
  if (c.difference === null) return "—";
  const diff = Math.abs(c.difference);
  const error = diff < KNEE_TO_WALL_ERROR_CM ? ` (within measurement error, ${KNEE_TO_WALL_ERROR_CM} cm, Powden 2015)` : "";
  const lsi = side !== "both" && c.lsiPercent !== null ? `, LSI ${roundPercent(c.lsiPercent)}%` : "";
  return `${formatNumber(diff)} cm${error}${lsi}`;
}

function Section({ fault, assessment, suggestion, children, notes }: { fault: FaultKey; assessment: AssessmentRecord; suggestion: { severity: string; reason: string } | null; children: React.ReactNode; notes: string | null }) {
  const recorded = severityOf(assessment, fault);
  const id = `view-${fault}`;
  return (
    <Card aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h3 id={id} className="font-semibold">
          {FAULT_LABEL[fault]}
        </h3>
        <SeverityBadge severity={recorded} />
        {suggestion && suggestion.severity !== recorded ? (
          <span className="text-sm text-muted">
            (the numbers suggest {SEVERITY_LABEL[suggestion.severity as keyof typeof SEVERITY_LABEL].toLowerCase()}: {suggestion.reason})
          </span>
        ) : null}
      </div>
      {children}
      {notes ? <p className="mt-3 whitespace-pre-line text-sm">Notes: {notes}</p> : null}
    </Card>
  );
}

function SideTable({ caption, rows, previous }: { caption: string; previous: AssessmentRecord | null; rows: { label: string; left: string; right: string; asymmetry?: string; change: React.ReactNode }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-muted">
            <th scope="col" className="py-1 pr-3 font-medium">
              Measure
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Left
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Right
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Side-to-side
            </th>
            <th scope="col" className="py-1 font-medium">
              {previous ? `Change since ${dayWithYear(previous.assessedOn)}` : "Change since previous"}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-line last:border-0">
              <th scope="row" className="py-2 pr-3 font-medium">
                {r.label}
              </th>
              <td className="py-2 pr-3">{r.left}</td>
              <td className="py-2 pr-3">{r.right}</td>
              <td className="py-2 pr-3">{r.asymmetry ?? "—"}</td>
              <td className="py-2">{r.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SingleList({ items }: { items: { label: string; value: string; change?: React.ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
      {items.map((i) => (
        <div key={i.label}>
          <dt className="text-muted">{i.label}</dt>
          <dd className="font-medium">
            {i.value}
            {i.change ? <span className="block font-normal">Change: {i.change}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AssessmentView({ assessment: a, previous, earlier, side, targets: clinicTargets }: Props) {
  const sides = sideComparisons(side, a);
  const suggestions = suggestSeverities(side, a, fpaBaseline(earlier), clinicTargets);
  const targets = calfTargets(side, a, clinicTargets);
  const change = (m: MeasureKey) => <ChangeCell assessment={a} previous={previous} measure={m} />;
  const pair = (l: React.ReactNode, r: React.ReactNode) => (
    <span className="flex flex-col">
      <span>L: {l}</span>
      <span>R: {r}</span>
    </span>
  );
  const fpaDiff = sides.fpa.difference;
  return (
    <div className="flex flex-col gap-4">
      <Card aria-labelledby="targets-heading">
        <h3 id="targets-heading" className="mb-2 font-semibold">
          Calf measures against the return-to-run targets
        </h3>
        <ul className="flex flex-col gap-1 text-sm" data-testid="targets">
          {targets.map((t) => (
            <li key={t.id} className={t.met === true ? "text-safe" : t.met === false ? "text-caution" : "text-muted"}>
              {t.met === true ? "Met: " : t.met === false ? "Not yet: " : "Not judged: "}
              {t.text}
            </li>
          ))}
        </ul>
      </Card>

      <Section fault="calf" assessment={a} suggestion={suggestions.calf} notes={a.calfNotes}>
        <SideTable
          caption="Calf and ankle measures, left and right"
          previous={previous}
          rows={[
            {
              label: "Knee-to-wall (cm)",
              left: show(a.kneeToWallLeftCm, "cm"),
              right: show(a.kneeToWallRightCm, "cm"),
              asymmetry: kneeToWallWords(sides.kneeToWall, side),
              change: pair(change("kneeToWallLeftCm"), change("kneeToWallRightCm")),
            },
            {
              label: "Heel raises (reps)",
              left: show(a.heelRaisesLeft),
              right: show(a.heelRaisesRight),
              asymmetry: lsiWords(sides.heelRaises, side),
              change: pair(change("heelRaisesLeft"), change("heelRaisesRight")),
            },
          ]}
        />
      </Section>

      <Section fault="toeOut" assessment={a} suggestion={suggestions.toeOut} notes={a.toeOutNotes}>
        <SideTable
          caption="Foot progression angle, left and right"
          previous={previous}
          rows={[
            {
              label: "Foot progression angle (°, toe-out +)",
              left: show(a.fpaLeftDeg, "°"),
              right: show(a.fpaRightDeg, "°"),
              asymmetry:
                fpaDiff === null
                  ? "—"
                  : side === "both"
                    ? `${formatNumber(Math.abs(fpaDiff))}° difference`
                    : `${formatNumber(fpaDiff)}° on the injured ${sides.fpa.injuredSide} vs the other side`,
              change: pair(change("fpaLeftDeg"), change("fpaRightDeg")),
            },
          ]}
        />
      </Section>

      <Section fault="pelvic" assessment={a} suggestion={suggestions.pelvic} notes={a.pelvicNotes}>
        <SingleList items={[{ label: "Pelvic tilt angle (°)", value: show(a.pelvicTiltDeg, "°"), change: previous ? change("pelvicTiltDeg") : undefined }]} />
        <div className="mt-3">
          <SideTable
            caption="Hip flexor length and glute strength, left and right"
            previous={previous}
            rows={[
              {
                label: "Modified Thomas test",
                left: a.thomasLeft ? THOMAS_LABEL[a.thomasLeft] : "—",
                right: a.thomasRight ? THOMAS_LABEL[a.thomasRight] : "—",
                change: <span className="text-muted">—</span>,
              },
              {
                label: "Glute max strength (0–5)",
                left: show(a.gluteLeft, "/5"),
                right: show(a.gluteRight, "/5"),
                change: pair(change("gluteLeft"), change("gluteRight")),
              },
            ]}
          />
        </div>
      </Section>

      <Section fault="overstride" assessment={a} suggestion={suggestions.overstride} notes={a.overstrideNotes}>
        <SingleList
          items={[
            { label: "Cadence (steps/min)", value: show(a.cadenceSpm, "steps/min"), change: previous ? change("cadenceSpm") : undefined },
            { label: "Foot strike ahead of centre of mass (cm)", value: show(a.strikeAheadCm, "cm"), change: previous ? change("strikeAheadCm") : undefined },
            { label: "Shin angle at initial contact (°)", value: show(a.shinAngleDeg, "°"), change: previous ? change("shinAngleDeg") : undefined },
          ]}
        />
      </Section>

      <Card aria-labelledby="plan-view-heading">
        <h3 id="plan-view-heading" className="mb-2 font-semibold">
          Plan
        </h3>
        <p className="whitespace-pre-line text-sm">{a.planCues ?? "No retraining cues recorded."}</p>
        <p className="mt-2 text-sm">
          Cadence target: <strong>{show(a.cadenceTargetSpm, "steps/min")}</strong>
          {a.cadenceTargetSpm !== null && a.cadenceSpm !== null && a.cadenceSpm > 0
            ? ` (${formatNumber(Math.round(((a.cadenceTargetSpm - a.cadenceSpm) / a.cadenceSpm) * 1000) / 10)}% above the measured ${formatNumber(a.cadenceSpm)}; 5–10% is the usual retraining step)`
            : ""}
        </p>
      </Card>
    </div>
  );
}

/** The visit line: date, how, where, speed, footwear, who. */
export function VisitSummary({ assessment: a }: { assessment: AssessmentRecord }) {
  const parts = [
    a.method ? METHOD_LABEL[a.method] : null,
    a.setting ? SETTING_LABEL[a.setting] : null,
    a.speedKmh !== null ? `${formatNumber(a.speedKmh)} km/h` : null,
    a.footwear ? `footwear: ${a.footwear}` : null,
    a.createdByName ? `recorded by ${a.createdByName}` : null,
  ].filter(Boolean);
  return <p className="text-sm text-muted">{parts.join(" · ") || "No visit details recorded."}</p>;
}
