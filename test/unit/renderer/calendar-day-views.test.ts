import { describe, expect, it } from 'vitest';
import { buildMonthGrid, type CadenceFlag, type MonthGrid } from '../../../shared/cadence';
import type { Drop, DropId } from '../../../shared/model';
import { keepSameDays } from '../../../renderer/src/views/calendar/dayViews';

// The month's day cells are memoised on their DayView: a reschedule must renew the days it
// touches and keep every other day by identity (else the whole month redraws on each change).

const drop = (id: string, dropDate: string): Drop =>
  ({ id: id as DropId, title: id, color: '#0f766e', dropDate, archived: false }) as Drop;

function grid(drops: Drop[]): MonthGrid {
  return buildMonthGrid({
    month: '2026-03',
    weekStartsOn: 1,
    today: '2026-03-01',
    tz: 'UTC',
    drops,
  });
}
const asMap = (drops: Drop[]) => new Map(drops.map((d) => [d.id, d]));

describe('keepSameDays', () => {
  it('renews the days a reschedule touches and keeps the rest', () => {
    const drops = [drop('a', '2026-03-10'), drop('b', '2026-03-20')];
    const before = keepSameDays(null, grid(drops), asMap(drops), new Map());
    const again = keepSameDays(before, grid(drops), asMap(drops), new Map());
    for (const [day, view] of again) expect(view).toBe(before.get(day));

    const moved = [drop('a', '2026-03-11'), drops[1]!];
    const after = keepSameDays(before, grid(moved), asMap(moved), new Map());
    const renewed = [...after].filter(([day, view]) => view !== before.get(day)).map(([d]) => d);
    // The launch day left and the one arrived at, and the days its 72-hour window covers.
    expect(renewed).toEqual(expect.arrayContaining(['2026-03-10', '2026-03-11']));
    expect(renewed.length).toBeLessThanOrEqual(5);
    expect(after.get('2026-03-20')).toBe(before.get('2026-03-20'));
  });

  it('renews a day when a drop it shows is renamed in place', () => {
    const drops = [drop('a', '2026-03-10')];
    const before = keepSameDays(null, grid(drops), asMap(drops), new Map());
    const renamed = [{ ...drops[0]!, title: 'Harbour Linen' }];
    const after = keepSameDays(before, grid(renamed), asMap(renamed), new Map());
    expect(after.get('2026-03-10')).not.toBe(before.get('2026-03-10'));
    expect(after.get('2026-03-10')!.drops.get('a' as DropId)!.title).toBe('Harbour Linen');
    expect(after.get('2026-03-25')).toBe(before.get('2026-03-25'));
  });

  it("renews a launch day when its drop's cadence flags change, and only it", () => {
    const drops = [drop('a', '2026-03-10'), drop('b', '2026-03-10')];
    const flag = (message: string): CadenceFlag => ({
      kind: 'too-close',
      dropIds: ['a' as DropId, 'b' as DropId],
      day: '2026-03-10',
      message,
    });
    const first = flag('“a” and “b” launch on the same day.');
    const flags = new Map([['b' as DropId, [first]]]);
    const before = keepSameDays(null, grid(drops), asMap(drops), flags);
    expect(keepSameDays(before, grid(drops), asMap(drops), new Map(flags)).get('2026-03-10')).toBe(
      before.get('2026-03-10'),
    );
    const changed = new Map([['b' as DropId, [flag('“a” and “b” launch on the same day!')]]]);
    const after = keepSameDays(before, grid(drops), asMap(drops), changed);
    expect(after.get('2026-03-10')).not.toBe(before.get('2026-03-10'));
    expect(after.get('2026-03-10')!.chipFlags.get('b' as DropId)).toBe(changed.get('b' as DropId));
    // The flag gone: renewed again, without it.
    const cleared = keepSameDays(after, grid(drops), asMap(drops), new Map());
    expect(cleared.get('2026-03-10')).not.toBe(after.get('2026-03-10'));
    expect(cleared.get('2026-03-10')!.chipFlags.size).toBe(0);
    expect(cleared.get('2026-03-25')).toBe(before.get('2026-03-25'));
  });
});
