// Zooming changes how many pixels a day takes, so every day moves on screen. A person who has
// scrolled to May and zooms stays on May: the day under the pointer (Ctrl/⌘ + wheel), else
// today while it is in sight, else the day at the middle of the track, keeps its place.

/** The scroller's visible area, in its own pixels. */
export interface ScrollView {
  scrollLeft: number;
  clientWidth: number;
}

/** A day of the track (fractional: a point within the day) and where it sits in the scroller. */
export interface ZoomAnchor {
  day: number;
  /** Pixels from the scroller's left edge. */
  at: number;
}

/**
 * The day to hold in place while zooming from `px` pixels a day. `pointerAt` is the pointer's
 * distance from the scroller's left edge (Ctrl/⌘ + wheel), null for the zoom buttons; `today`
 * is today's day offset, null when today is not on the timeline. The lane labels cover the
 * first `labelW` pixels of the scroller.
 */
export function zoomAnchor(
  view: ScrollView,
  px: number,
  labelW: number,
  pointerAt: number | null,
  today: number | null,
): ZoomAnchor {
  const dayAt = (at: number) => ({ day: (view.scrollLeft + at - labelW) / px, at });
  if (pointerAt !== null && pointerAt >= labelW && pointerAt <= view.clientWidth) {
    return dayAt(pointerAt);
  }
  if (today !== null) {
    // The today line is drawn through the middle of its day.
    const at = labelW + (today + 0.5) * px - view.scrollLeft;
    if (at >= labelW && at <= view.clientWidth) return { day: today + 0.5, at };
  }
  return dayAt(labelW + Math.max(0, view.clientWidth - labelW) / 2);
}

/** The scroll offset that puts `anchor`'s day back where it was, at `px` pixels a day. */
export function scrollLeftFor(anchor: ZoomAnchor, px: number, labelW: number): number {
  return Math.max(0, Math.round(labelW + anchor.day * px - anchor.at));
}
