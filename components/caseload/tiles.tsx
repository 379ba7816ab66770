import type { CaseloadTiles } from "@/lib/dal/caseload";
import type { CaseloadQuery } from "@/lib/validation/caseload";
import { caseloadHref, clearedFilters } from "./url";

/** Four counts across the top; each one is a link that filters the table to what it counts. */
export function Tiles({ tiles, query }: { tiles: CaseloadTiles; query: CaseloadQuery }) {
  const base = clearedFilters(query);
  const items = [
    { key: "active", label: "Active patients", value: tiles.active, href: caseloadHref(base), current: !query.flag && !query.ready && !query.returned && query.stage === undefined && !query.q },
    { key: "ready", label: "Ready to progress", value: tiles.ready, href: caseloadHref({ ...base, ready: "1" }), current: query.ready === "1" },
    { key: "flagged", label: "Flagged", value: tiles.flagged, href: caseloadHref({ ...base, flag: "any" }), current: query.flag === "any" },
    { key: "returned", label: "Returned in the last 30 days", value: tiles.returned, href: caseloadHref({ ...base, returned: "30" }), current: query.returned === "30" },
  ];
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Caseload summary">
      {items.map((t) => (
        <li key={t.key}>
          <a
            href={t.href}
            aria-current={t.current ? "true" : undefined}
            data-testid={`tile-${t.key}`}
            className={`flex h-full flex-col rounded-lg border bg-white p-4 shadow-sm hover:border-accent ${t.current ? "border-accent ring-2 ring-accent-soft" : "border-line"}`}
          >
            <span className="text-3xl font-bold tabular-nums text-ink">{t.value}</span>
            <span className="text-sm font-medium text-muted">{t.label}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
