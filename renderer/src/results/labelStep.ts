// How many categories to skip between labels so that no two labels of an axis overlap, worked
// out from the labels' lengths instead of measured in the DOM (recharts' own thinning measures
// every label, hundreds of layouts at 200 drops). recharts' `interval={k}` labels every
// (k + 1)th category, so each function returns k.

// The average advance of a character of the charts' sans-serif face, in ems. Mixed-case titles
// measure about 0.55 em; the rest leaves room for wide letters.
const CHAR_EM = 0.6;
// Clear space between two neighbouring labels.
const GAP_PX = 10;
// A horizontal label's line height, in ems, for axes that stack labels vertically.
const LINE_EM = 1.4;

/** The interval for labels laid side by side along a horizontal axis `axisPx` long. */
export function labelStep(labels: readonly string[], axisPx: number, fontSize: number): number {
  if (labels.length === 0 || axisPx <= 0) return 0;
  const longest = Math.max(...labels.map((l) => l.length));
  const slot = longest * fontSize * CHAR_EM + GAP_PX;
  const band = axisPx / labels.length;
  return Math.max(0, Math.ceil(slot / band) - 1);
}

/** The interval for `count` one-line labels stacked along a vertical axis `axisPx` long. */
export function rowStep(count: number, axisPx: number, fontSize: number): number {
  if (count === 0 || axisPx <= 0) return 0;
  const band = axisPx / count;
  return Math.max(0, Math.ceil((fontSize * LINE_EM) / band) - 1);
}
