import type { ReactNode } from "react";

export type MarkerShape = "circle" | "square" | "diamond" | "triangle" | "cross";

function path(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case "circle":
      return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`;
    case "square":
      return `M ${x - r} ${y - r} h ${2 * r} v ${2 * r} h ${-2 * r} Z`;
    case "diamond":
      return `M ${x} ${y - r * 1.3} L ${x + r * 1.3} ${y} L ${x} ${y + r * 1.3} L ${x - r * 1.3} ${y} Z`;
    case "triangle":
      return `M ${x} ${y - r * 1.3} L ${x + r * 1.2} ${y + r} L ${x - r * 1.2} ${y + r} Z`;
    case "cross":
      return `M ${x - r} ${y - r} L ${x + r} ${y + r} M ${x + r} ${y - r} L ${x - r} ${y + r}`;
  }
}

type DotArgs = { cx?: number; cy?: number; index?: number; value?: unknown; payload?: { date?: string } };

/**
 * A dot renderer for a recharts Line: one marker of the series' shape per recorded value
 * (none for a gap), each tagged with its series and day so the marks can be counted.
 */
export function markerDot(series: string, shape: MarkerShape, color: string, r = 3.5) {
  function MarkerDot(props: DotArgs): ReactNode {
    const { cx, cy, index, value, payload } = props;
    if (value === null || value === undefined || typeof cx !== "number" || typeof cy !== "number" || Number.isNaN(cy)) return <g key={`${series}-gap-${index}`} />;
    const open = shape === "cross";
    return (
      <path
        key={`${series}-${index}`}
        d={path(shape, cx, cy, r)}
        fill={open ? "none" : color}
        stroke={color}
        strokeWidth={open ? 2 : 1}
        data-series={series}
        data-date={payload?.date}
        data-value={String(value)}
        className="chart-mark"
      />
    );
  }
  return MarkerDot;
}
