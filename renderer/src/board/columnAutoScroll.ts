import { edgeScrollSpeed } from './geometry';

// dnd-kit scrolls the containers around the drop target it is over; on this board the targets
// are whole columns, whose card lists scroll inside them, so a mouse drag held near the top or
// bottom of a long column scrolls that column here, a little every frame, and the wheel
// scrolls it too. Any scroll of that column updates the slot under the card.

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
  // Where the view was last frame: a wheel scroll during the drag moves the slot too.
  let seen: { view: HTMLElement; top: number } | null = null;
  const tick = () => {
    frame = requestAnimationFrame(tick);
    const rect = source.draggedRect();
    const view = source.targetView();
    if (!rect || !view) return;
    const r = view.getBoundingClientRect();
    const speed = edgeScrollSpeed(rect.top + rect.height / 2, r.top, r.bottom);
    if (speed !== 0) view.scrollTop += speed;
    if (seen?.view === view && seen.top !== view.scrollTop) source.onScrolled();
    seen = { view, top: view.scrollTop };
  };
  // The dragged card's overlay sits under the pointer and takes its wheel events, which
  // would scroll nothing: they scroll the column the card is over instead.
  const onWheel = (e: WheelEvent) => {
    const view = source.targetView();
    if (!view || view.contains(e.target as Node)) return; // the browser scrolls it
    const pixels =
      e.deltaMode === WheelEvent.DOM_DELTA_PAGE
        ? view.clientHeight
        : e.deltaMode === WheelEvent.DOM_DELTA_LINE
          ? 16
          : 1;
    view.scrollTop += e.deltaY * pixels;
  };
  return {
    start() {
      if (frame !== null) return;
      frame = requestAnimationFrame(tick);
      window.addEventListener('wheel', onWheel, { passive: true });
    },
    stop() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      seen = null;
      window.removeEventListener('wheel', onWheel);
    },
  };
}
