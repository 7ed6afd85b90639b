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

/** A coordinate getter for the board; `columns` reads the columns' current geometry. */
export function boardKeyboardCoordinates(
  columns: (activeId: string) => ColumnBox[],
): KeyboardCoordinateGetter {
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

    return keyboardTarget(columns(String(active.id)), collisionRect, move) ?? undefined;
  };
}
