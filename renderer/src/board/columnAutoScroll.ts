import { edgeScrollSpeed } from './geometry';

// dnd-kit scrolls the containers around the drop target it is over; on this board the targets
// are whole columns, whose card lists scroll inside them, so a mouse drag held near the top or
// bottom of a long column scrolls that column here, a little every frame.

export interface ColumnAutoScrollSource {
  /** The dragged card's current box, or null. */
  draggedRect(): { top: number; height: number } | null;
  /** The scrolling view of the column the card would land in, or null. */
  targetView(): HTMLElement | null;
  /** The view scrolled: the slot under the card may have changed. */
  onScrolled(): void;
}

export function createColumnAutoScroll(source: ColumnAutoScrollSource) {
  let frame: number | null = null;
  const tick = () => {
    frame = requestAnimationFrame(tick);
    const rect = source.draggedRect();
    const view = source.targetView();
    if (!rect || !view) return;
    const r = view.getBoundingClientRect();
    const speed = edgeScrollSpeed(rect.top + rect.height / 2, r.top, r.bottom);
    if (speed === 0) return;
    const before = view.scrollTop;
    view.scrollTop = before + speed;
    if (view.scrollTop !== before) source.onScrolled();
  };
  return {
    start() {
      if (frame === null) frame = requestAnimationFrame(tick);
    },
    stop() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    },
  };
}
