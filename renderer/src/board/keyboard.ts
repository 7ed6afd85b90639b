import {
  KeyboardCode,
  type ClientRect,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';

// Keyboard dragging on a board: ↑/↓ move a drop within its column, ←/→ to the neighbouring
// column at about the same height. (dnd-kit's generic getter jumps to whichever card is
// nearest in any column, which feels random on a kanban board.)

const isStage = (id: UniqueIdentifier) => String(id).startsWith('stage:');
const centerX = (r: ClientRect) => r.left + r.width / 2;
const centerY = (r: ClientRect) => r.top + r.height / 2;
const contains = (r: ClientRect, x: number, y: number) =>
  x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

// Where a card goes in a column without cards: below the column's header.
const EMPTY_COLUMN_OFFSET = { x: 8, y: 48 };

export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { active, collisionRect, droppableRects, droppableContainers } = context;
  const code = event.code;
  const horizontal = code === KeyboardCode.Left || code === KeyboardCode.Right;
  const vertical = code === KeyboardCode.Up || code === KeyboardCode.Down;
  if (!active || !collisionRect || (!horizontal && !vertical)) return undefined;
  event.preventDefault();

  const rectOf = (c: DroppableContainer) => droppableRects.get(c.id) ?? null;
  const enabled = droppableContainers.getEnabled();
  const columns = enabled
    .filter((c) => isStage(c.id) && rectOf(c))
    .sort((a, b) => rectOf(a)!.left - rectOf(b)!.left);
  const x = centerX(collisionRect);

  if (isStage(active.id)) {
    if (!horizontal) return undefined;
    const i = columns.findIndex((c) => c.id === (context.over?.id ?? active.id));
    const next = columns[i + (code === KeyboardCode.Right ? 1 : -1)];
    const r = next && rectOf(next);
    return r ? { x: r.left, y: collisionRect.top } : undefined;
  }

  const current = columns.findIndex((c) => {
    const r = rectOf(c)!;
    return x >= r.left && x <= r.right;
  });
  if (current < 0) return undefined;
  const cardsIn = (column: DroppableContainer) => {
    const stageId = String(column.id).slice('stage:'.length);
    return enabled.filter(
      (c) => !isStage(c.id) && c.data.current?.stageId === stageId && rectOf(c),
    );
  };

  if (vertical) {
    const down = code === KeyboardCode.Down;
    const candidates = cardsIn(columns[current]!)
      .map((c) => rectOf(c)!)
      .filter((r) => (down ? r.top > collisionRect.top + 1 : r.top < collisionRect.top - 1))
      .sort((a, b) => (down ? a.top - b.top : b.top - a.top));
    const r = candidates[0];
    return r ? { x: r.left, y: r.top } : undefined;
  }

  const target = columns[current + (code === KeyboardCode.Right ? 1 : -1)];
  if (!target) return undefined;
  const cards = cardsIn(target)
    .filter((c) => c.id !== active.id)
    .map((c) => rectOf(c)!);
  if (cards.length === 0) {
    const r = rectOf(target)!;
    return { x: r.left + EMPTY_COLUMN_OFFSET.x, y: r.top + EMPTY_COLUMN_OFFSET.y };
  }
  // The card at about the same height; below the last card when the pointer is lower.
  const nearest = cards.reduce((best, r) =>
    Math.abs(r.top - collisionRect.top) < Math.abs(best.top - collisionRect.top) ? r : best,
  );
  return { x: nearest.left, y: nearest.top };
};

/**
 * Collisions for keyboard drags (no pointer): the card under the dragged card's centre,
 * else the column under it. Returns null when the caller should fall back.
 */
export function keyboardCollision(
  args: Parameters<CollisionDetection>[0],
): ReturnType<CollisionDetection> | null {
  const { collisionRect, droppableContainers, droppableRects } = args;
  const x = centerX(collisionRect);
  const y = centerY(collisionRect);
  const hit = (wantStage: boolean) =>
    droppableContainers.find((c) => {
      if (isStage(c.id) !== wantStage) return false;
      const r = droppableRects.get(c.id);
      return r ? contains(r, x, y) : false;
    });
  const found = hit(false) ?? hit(true);
  return found ? [{ id: found.id, data: { droppableContainer: found, value: 0 } }] : null;
}
