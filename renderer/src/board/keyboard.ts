import { KeyboardCode, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';
import { keyboardTarget, type ColumnBox, type KeyboardMove } from './geometry';

// Keyboard dragging on a board: ↑/↓ move a drop one row within its column, ←/→ to the
// neighbouring column at about the same height, and ←/→ move a stage past its neighbour.
// (dnd-kit's generic getter jumps to whichever target is nearest in any direction, which
// feels random on a kanban board.)

const isStage = (id: UniqueIdentifier) => String(id).startsWith('stage:');

const MOVES: Partial<Record<string, KeyboardMove>> = {
  [KeyboardCode.Up]: 'up',
  [KeyboardCode.Down]: 'down',
  [KeyboardCode.Left]: 'left',
  [KeyboardCode.Right]: 'right',
};

/**
 * A coordinate getter for the board. `columns` reads the columns' current geometry; `reveal`
 * scrolls a column so a card at `top` is in view and returns how far it scrolled (dnd-kit
 * scrolls only the dragged item's own scroll containers, and a drag overlay has none).
 */
export function boardKeyboardCoordinates(
  columns: (activeId: string) => ColumnBox[],
  reveal: (stageId: string, top: number) => number,
): KeyboardCoordinateGetter {
  // Where the last step of this drag sent the card, and from where. Keys can come faster than
  // dnd-kit re-renders the drag; a step that still sees the old position continues from the
  // last target instead of repeating the same step. The memo belongs to one drag (its
  // activator event) and to one scroll position of the board: when dnd-kit answers a step by
  // scrolling the board under the card instead of moving it, the card is already where the
  // step meant, and a new drag (say after an undo) starts from the card's real place.
  let last: {
    drag: Event | null;
    scrolled: number;
    from: { x: number; y: number };
    to: { x: number; y: number };
  } | null = null;
  return (event, { context }) => {
    const { active, collisionRect, droppableRects, droppableContainers } = context;
    const move = MOVES[event.code];
    if (!active || !collisionRect || !move) return undefined;
    event.preventDefault();

    if (isStage(active.id)) {
      if (move === 'up' || move === 'down') return undefined;
      const stages = droppableContainers
        .getEnabled()
        .filter((c) => isStage(c.id) && droppableRects.get(c.id))
        .sort((a, b) => droppableRects.get(a.id)!.left - droppableRects.get(b.id)!.left);
      const i = stages.findIndex((c) => c.id === (context.over?.id ?? active.id));
      const next = stages[i + (move === 'right' ? 1 : -1)];
      const r = next && droppableRects.get(next.id);
      return r ? { x: r.left, y: collisionRect.top } : undefined;
    }

    const seen = { x: collisionRect.left, y: collisionRect.top };
    const scrolled = scrollOffset(context.scrollableAncestors);
    const stale =
      last &&
      last.drag === context.activatorEvent &&
      last.scrolled === scrolled &&
      last.from.x === seen.x &&
      last.from.y === seen.y;
    const from =
      stale && last ? { ...collisionRect, left: last.to.x, top: last.to.y } : collisionRect;
    const target = keyboardTarget(columns(String(active.id)), from, move);
    if (!target) return undefined;
    const to = { x: target.x, y: target.y - reveal(target.stageId, target.y) };
    last = { drag: context.activatorEvent, scrolled, from: seen, to };
    return to;
  };
}

/** How far the board's scrolling containers are scrolled sideways, summed. */
function scrollOffset(containers: readonly Element[]): number {
  let x = 0;
  for (const c of containers) x += c.scrollLeft;
  return x;
}
