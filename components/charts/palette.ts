/**
 * The Okabe–Ito palette (safe for the common colour-vision deficiencies). Series are also
 * told apart by marker shape and dash pattern, never by colour alone.
 */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  black: "#000000",
} as const;

/** Left and right everywhere in the app: blue solid circles, orange dashed triangles. */
export const SIDE_STYLE = {
  left: { color: OKABE_ITO.blue, dash: undefined, shape: "circle" as const, label: "Left" },
  right: { color: OKABE_ITO.vermillion, dash: "6 4", shape: "triangle" as const, label: "Right" },
  single: { color: OKABE_ITO.black, dash: undefined, shape: "square" as const, label: "Value" },
};

/** Light fills for stage bands behind a chart (ink on them stays readable). */
export const STAGE_FILLS = ["#f1f3f5", "#e3f1f2", "#eef6ec", "#fdf6e3", "#f4ecf3", "#e8f0f8"] as const;

/** The style of one side, or of a measure taken once. */
export function sideStyle(side: "left" | "right" | null) {
  return side === null ? SIDE_STYLE.single : SIDE_STYLE[side];
}
