import { describe, expect, it } from 'vitest';
import type { Active } from '@dnd-kit/core';
import { formatDayForPeople } from '../../../shared/cadence';
import { calendarAnnouncements } from '../../../renderer/src/views/calendar/announcements';

// A keyboard drag into another month can take the dragged chip (and the data on it) off the grid
// with the month it left: the announcements still name the drop's day, from the plan.
const a = calendarAnnouncements(
  () => 'Harbour Linen',
  (id) => (id === 'launch:d1' ? '2026-03-31' : null),
);
const withData = { id: 'launch:d1', data: { current: { dropId: 'd1', day: '2026-03-31' } } };
const withoutData = { id: 'launch:d1', data: { current: {} } };

describe('calendar announcements', () => {
  it('names the launch day from the chip, or from the plan once the chip has gone', () => {
    const day = formatDayForPeople('2026-03-31');
    for (const active of [withData, withoutData] as unknown as Active[]) {
      expect(a.onDragStart({ active })).toBe(`Picked up Harbour Linen, launching ${day}.`);
      expect(a.onDragCancel?.({ active, over: null } as never)).toBe(
        `Cancelled. Harbour Linen still launches ${day}.`,
      );
    }
  });

  it('names the day the drop is over', () => {
    const active = withoutData as unknown as Active;
    const over = { id: 'day:2026-04-01' };
    expect(a.onDragOver?.({ active, over } as never)).toBe(
      `Harbour Linen is over ${formatDayForPeople('2026-04-01')}.`,
    );
  });
});
