// Where a dragged card would land. Cards have one fixed height (`--card-h` plus the list's
// gap), so a slot in a column follows from arithmetic on the column's list, whether or not
// the cards around it are rendered (long columns are virtualised). This is what lets cards
// stay plain elements during a drag: only the columns are drop targets.

/** Height of one card plus the gap below it, in CSS pixels (`--card-h` 88px + 8px gap). */
export const CARD_ROW = 96;

/** The horizontal extent of a column and the top of its card list, in viewport pixels. */
export interface ColumnBox {
  stageId: string;
  left: number;
  right: number;
  /** Top of the first card's row (moves with the column's scroll). */
  listTop: number;
  /** Cards in the column, not counting the one being dragged. */
  count: number;
}

/** Where a dragged card lands: a column and the index among that column's other cards. */
export interface Slot {
  stageId: string;
  index: number;
}

/** The column under `x`, else the one nearest to it (so a drop always lands somewhere). */
export function columnAt<T extends { left: number; right: number }>(
  columns: readonly T[],
  x: number,
): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const c of columns) {
    if (x >= c.left && x <= c.right) return c;
    const distance = x < c.left ? c.left - x : x - c.right;
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** The slot for a dragged card whose top edge is at `top`: the nearest row, clamped. */
export function slotIndex(top: number, listTop: number, count: number): number {
  const row = Math.round((top - listTop) / CARD_ROW);
  return Math.min(Math.max(row, 0), count);
}

/** The slot for a dragged card with its top-left corner at (`left`, `top`). */
export function slotAt(columns: readonly ColumnBox[], left: number, top: number, width: number) {
  const column = columnAt(columns, left + width / 2);
  if (!column) return null;
  return { stageId: column.stageId, index: slotIndex(top, column.listTop, column.count) };
}

export type KeyboardMove = 'up' | 'down' | 'left' | 'right';

/**
 * Where the keyboard puts a dragged card next: ↑/↓ one row within its column, ←/→ into the
 * neighbouring column at about the same height. Returns the card's new top-left corner and
 * its slot, or null when there is nowhere to go (top or end of a column, first or last
 * column).
 */
export function keyboardTarget(
  columns: readonly ColumnBox[],
  current: { left: number; top: number; width: number },
  move: KeyboardMove,
): ({ x: number; y: number } & Slot) | null {
  const ordered = [...columns].sort((a, b) => a.left - b.left);
  const here = columnAt(ordered, current.left + current.width / 2);
  if (!here) return null;
  const at = slotIndex(current.top, here.listTop, here.count);
  if (move === 'up' || move === 'down') {
    const next = at + (move === 'down' ? 1 : -1);
    if (next < 0 || next > here.count) return null;
    const y = here.listTop + next * CARD_ROW;
    return { x: current.left, y, stageId: here.stageId, index: next };
  }
  const target = ordered[ordered.indexOf(here) + (move === 'right' ? 1 : -1)];
  if (!target) return null;
  const index = slotIndex(current.top, target.listTop, target.count);
  return {
    x: target.left,
    y: target.listTop + index * CARD_ROW,
    stageId: target.stageId,
    index,
  };
}

/**
 * How far to scroll a column (a view from `viewTop` to `viewBottom`) so a card at `top` is in
 * view: nothing when it already is, else enough to bring it to the middle, so that each
 * further keyboard step visibly moves the card again.
 */
export function revealScroll(top: number, viewTop: number, viewBottom: number): number {
  if (top >= viewTop && top + CARD_ROW <= viewBottom) return 0;
  return top + CARD_ROW / 2 - (viewTop + viewBottom) / 2;
}

/** Within this distance of a column's top or bottom edge, a mouse drag scrolls the column. */
export const EDGE_ZONE = 64;
const MAX_EDGE_SPEED = 18;

/**
 * How many pixels per frame a mouse drag scrolls a column (view from `viewTop` to
 * `viewBottom`) when the dragged card's centre is at `y`: faster nearer (or past) an edge,
 * negative upwards, 0 away from the edges.
 */
export function edgeScrollSpeed(y: number, viewTop: number, viewBottom: number): number {
  const zone = Math.min(EDGE_ZONE, (viewBottom - viewTop) / 3);
  if (y < viewTop + zone) {
    return -Math.ceil(MAX_EDGE_SPEED * Math.min(1, (viewTop + zone - y) / zone));
  }
  if (y > viewBottom - zone) {
    return Math.ceil(MAX_EDGE_SPEED * Math.min(1, (y - (viewBottom - zone)) / zone));
  }
  return 0;
}
