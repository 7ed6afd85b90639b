import { KeyboardCode, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';
import { keyboardTarget, type ColumnBox, type KeyboardMove, type Slot } from './geometry';

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

/** How a keyboard step names where it sent a drop: its slot (see BoardStepWatch). */
export const slotPlace = (slot: Slot) => `${slot.stageId}#${slot.index}`;

/**
 * A coordinate getter for the board. `columns` reads the columns' current geometry; `reveal`
 * scrolls a column so a card at `top` is in view and returns how far it scrolled (dnd-kit
 * scrolls only the dragged item's own scroll containers, and a drag overlay has none).
 * `movedTo` hears where each step sent the drag (a drop's slot, or the stage a stage is over):
 * the next key waits until the drag is there, as the sensor reads it from the last render
 * (see stepHold.ts).
 */
export function boardKeyboardCoordinates(
  columns: (activeId: string) => ColumnBox[],
  reveal: (stageId: string, top: number) => number,
  movedTo: (place: string) => void,
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
      if (!r) return undefined;
      movedTo(String(next.id));
      return { x: r.left, y: collisionRect.top };
    }

    const target = keyboardTarget(columns(String(active.id)), collisionRect, move);
    if (!target) return undefined;
    const to = { x: target.x, y: target.y - reveal(target.stageId, target.y) };
    movedTo(slotPlace(target));
    return to;
  };
}
