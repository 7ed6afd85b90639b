import { describe, expect, it } from 'vitest';
import type { TimelineBar, TimelineLane } from '../../../shared/cadence';
import type { DropId } from '../../../shared/model';
import {
  barPlaces,
  laneTops,
  nextBar,
  revealBar,
} from '../../../renderer/src/views/timeline/tabOrder';

const G = { headH: 32, rowH: 26, lanePad: 6, labelW: 160 };
const bar = (id: string, start: number): TimelineBar =>
  ({ dropId: id as DropId, title: id, start }) as TimelineBar;
const lanes: TimelineLane[] = [
  { id: 'brief', label: 'Brief', rows: [[bar('a', 10), bar('b', 90)], [bar('c', 40)]] },
  { id: 'shoot', label: 'Shoot', rows: [] },
  { id: 'live', label: 'Live', rows: [[bar('d', 200)]] },
];

describe('the timeline’s Tab order', () => {
  it('stacks lanes: two rows, then an empty lane that still takes one row', () => {
    expect(laneTops(lanes, G)).toEqual([
      32,
      32 + 2 * 26 + 12 + 1,
      32 + 2 * 26 + 12 + 1 + 26 + 12 + 1,
    ]);
  });

  it('lists every bar as drawn, lane by lane and row by row, with its place on the canvas', () => {
    const places = barPlaces(lanes, 4, G);
    expect(places.map((p) => p.dropId)).toEqual(['a', 'b', 'c', 'd']);
    expect(places[0]).toEqual({ dropId: 'a', x: 160 + 40, y: 32 + 6 });
    expect(places[2]).toEqual({ dropId: 'c', x: 160 + 160, y: 32 + 6 + 26 });
    expect(places[3]!.y).toBe(laneTops(lanes, G)[2]! + 6);
  });

  it('goes to the next or previous bar, and nowhere past either end', () => {
    const places = barPlaces(lanes, 4, G);
    expect(nextBar(places, 'b', false)?.dropId).toBe('c');
    expect(nextBar(places, 'b', true)?.dropId).toBe('a');
    expect(nextBar(places, 'd', false)).toBeNull();
    expect(nextBar(places, 'a', true)).toBeNull();
    expect(nextBar(places, 'gone', false)).toBeNull();
  });

  it('scrolls only as far as it must to show a bar beside the sticky labels and header', () => {
    const view = { left: 0, top: 0, width: 800, height: 400 };
    const inView = { dropId: 'a', x: 300, y: 100 };
    expect(revealBar(inView, view, G)).toEqual({ left: 0, top: 0 });
    const farRight = { dropId: 'd', x: 3000, y: 100 };
    expect(revealBar(farRight, view, G)).toEqual({ left: 3000 - 160 - 24, top: 0 });
    const underLabels = { dropId: 'b', x: 500, y: 100 };
    expect(revealBar(underLabels, { ...view, left: 400 }, G).left).toBe(500 - 160 - 24);
    const below = { dropId: 'c', x: 300, y: 900 };
    expect(revealBar(below, view, G)).toEqual({ left: 0, top: 900 - 32 - 24 });
  });
});
