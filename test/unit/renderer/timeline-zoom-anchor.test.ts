import { describe, expect, it } from 'vitest';
import { scrollLeftFor, zoomAnchor } from '../../../renderer/src/views/timeline/zoomAnchor';

// Zooming the timeline holds one day in place: the pointer's, else today's while in sight,
// else the middle of the track. 160 px of lane labels cover the scroller's left edge.
const LABELS = 160;
const view = { scrollLeft: 1200, clientWidth: 1360 };

describe('zoomAnchor', () => {
  it('holds the day under the pointer where the pointer is', () => {
    const anchor = zoomAnchor(view, 6, LABELS, 700, null);
    expect(anchor).toEqual({ day: (1200 + 700 - 160) / 6, at: 700 });
    // Twice the pixels a day: the same day is under the pointer again.
    const left = scrollLeftFor(anchor, 12, LABELS);
    expect((left + 700 - LABELS) / 12).toBeCloseTo(anchor.day, 1);
  });

  it('holds today while it is in sight, else the middle of the track', () => {
    // Today is day 250: 160 + 250.5 × 6 − 1200 = 463 px from the scroller's edge.
    expect(zoomAnchor(view, 6, LABELS, null, 250)).toEqual({ day: 250.5, at: 463 });
    // Scrolled away from today (or a pointer over the labels): the middle of the track.
    const middle = { day: (1200 + 760 - 160) / 6, at: 760 };
    expect(zoomAnchor(view, 6, LABELS, null, 20)).toEqual(middle);
    expect(zoomAnchor(view, 6, LABELS, 100, null)).toEqual(middle);
  });

  it('never scrolls before the start', () => {
    expect(scrollLeftFor({ day: 2, at: 700 }, 3, LABELS)).toBe(0);
  });
});
