import type { TimelineLane } from '../../../../shared/cadence';

// The timeline draws only the bars near what is on screen, so the browser's Tab order skips
// the drops that are scrolled away. The order of every bar (as drawn: lane by lane, row by
// row) and where each sits on the canvas lets Tab bring the next one into view instead.

export interface LaneGeometry {
  /** Height of the month header above the first lane. */
  headH: number;
  rowH: number;
  lanePad: number;
  /** Width of the lane labels left of day 0. */
  labelW: number;
}

export interface BarPlace {
  dropId: string;
  /** Canvas position of the bar's top-left corner, in CSS pixels. */
  x: number;
  y: number;
}

/** Top of each lane on the canvas; lanes with no rows still take one row. */
export function laneTops(lanes: readonly TimelineLane[], g: LaneGeometry): number[] {
  const tops: number[] = [];
  let top = g.headH;
  for (const lane of lanes) {
    tops.push(top);
    top += Math.max(1, lane.rows.length) * g.rowH + g.lanePad * 2 + 1;
  }
  return tops;
}

/** Every bar in the order it is drawn, with its canvas position at `px` pixels per day. */
export function barPlaces(lanes: readonly TimelineLane[], px: number, g: LaneGeometry): BarPlace[] {
  const tops = laneTops(lanes, g);
  const out: BarPlace[] = [];
  lanes.forEach((lane, l) => {
    lane.rows.forEach((row, r) => {
      for (const bar of row) {
        out.push({
          dropId: bar.dropId,
          x: g.labelW + bar.start * px,
          y: tops[l]! + g.lanePad + r * g.rowH,
        });
      }
    });
  });
  return out;
}

/** The bar Tab (or Shift+Tab) goes to from `dropId`, or null at either end. */
export function nextBar(
  places: readonly BarPlace[],
  dropId: string,
  backwards: boolean,
): BarPlace | null {
  const i = places.findIndex((p) => p.dropId === dropId);
  if (i < 0) return null;
  return places[i + (backwards ? -1 : 1)] ?? null;
}

/**
 * Scroll offsets that bring a bar at canvas (`x`, `y`) into a view of `width` × `height`
 * scrolled to (`left`, `top`), leaving room for the sticky labels and header.
 */
export function revealBar(
  place: BarPlace,
  view: { left: number; top: number; width: number; height: number },
  g: LaneGeometry,
): { left: number; top: number } {
  const margin = 24;
  let { left, top } = view;
  if (place.x < left + g.labelW || place.x > left + view.width - margin) {
    left = Math.max(0, place.x - g.labelW - margin);
  }
  if (place.y < top + g.headH || place.y + g.rowH > top + view.height) {
    top = Math.max(0, place.y - g.headH - margin);
  }
  return { left, top };
}
