import { describe, expect, it } from 'vitest';
import type { DropId } from '../model/ids';
import type { CadenceFlag } from './flags';
import {
  buildMonthGrid,
  monthRange,
  shiftMonth,
  type CalendarDrop,
  type GridDay,
} from './monthGrid';
import { weekStartFor } from './weekStart';

const drop = (id: string, p: Partial<CalendarDrop>): CalendarDrop => ({
  id: id as DropId,
  title: id,
  color: '#1d4ed8',
  shootDate: null,
  publishDate: null,
  dropDate: null,
  archived: false,
  ...p,
});

describe('month grid', () => {
  it('shows whole weeks, starting on the locale’s first weekday', () => {
    // March 2026 starts on a Sunday and ends on a Tuesday.
    expect(monthRange('2026-03', 1)).toEqual({ first: '2026-02-23', last: '2026-04-05' });
    expect(monthRange('2026-03', 0)).toEqual({ first: '2026-03-01', last: '2026-04-04' });
    const g = buildMonthGrid({
      month: '2026-03',
      weekStartsOn: 1,
      today: '2026-03-10',
      tz: 'UTC',
      drops: [],
    });
    expect(g.weeks).toHaveLength(6);
    expect(g.weeks.every((w) => w.length === 7)).toBe(true);
    expect(g.weekdays).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(g.weeks[0]![0]).toMatchObject({ day: '2026-02-23', inMonth: false });
    expect(
      g.weeks
        .flat()
        .filter((d) => d.isToday)
        .map((d) => d.day),
    ).toEqual(['2026-03-10']);
  });

  it('shows February in a leap year with its 29th', () => {
    const g = buildMonthGrid({
      month: '2028-02',
      weekStartsOn: 1,
      today: '2028-01-01',
      tz: 'UTC',
      drops: [],
    });
    const inMonth = g.weeks.flat().filter((d) => d.inMonth);
    expect(inMonth).toHaveLength(29);
    expect(inMonth.at(-1)!.day).toBe('2028-02-29');
  });

  it('places launches, optional shoot/publish markers and windows on their days', () => {
    const drops = [
      drop('b', { dropDate: '2026-03-14', shootDate: '2026-03-06', publishDate: '2026-03-13' }),
      drop('a', { dropDate: '2026-03-14' }),
      drop('gone', { dropDate: '2026-03-14', archived: true }),
    ];
    const cell = (g: ReturnType<typeof buildMonthGrid>, day: string) =>
      g.weeks.flat().find((c) => c.day === day)!;
    const hidden = buildMonthGrid({
      month: '2026-03',
      weekStartsOn: 1,
      today: '2026-03-01',
      tz: 'Europe/Berlin',
      drops,
    });
    expect(cell(hidden, '2026-03-14').launches).toEqual(['a', 'b']);
    expect(cell(hidden, '2026-03-06').markers).toEqual([]);
    const shown = buildMonthGrid({
      month: '2026-03',
      weekStartsOn: 1,
      today: '2026-03-01',
      tz: 'Europe/Berlin',
      drops,
      showDependents: true,
    });
    expect(cell(shown, '2026-03-06').markers).toEqual([{ dropId: 'b', kind: 'shoot' }]);
    expect(cell(shown, '2026-03-13').markers).toEqual([{ dropId: 'b', kind: 'publish' }]);
    expect(cell(shown, '2026-03-13').deadlines).toEqual(['b']);
    expect(cell(shown, '2026-03-16').window72).toEqual(['a', 'b']);
    expect(cell(shown, '2026-03-17').window72).toEqual([]);
    // The repurchase window runs on past the month into the trailing days shown.
    expect(cell(shown, '2026-04-05').repurchase.sort()).toEqual(['a', 'b']);
  });

  it('carries a window from a launch in the previous month', () => {
    const g = buildMonthGrid({
      month: '2026-03',
      weekStartsOn: 1,
      today: '2026-03-01',
      tz: 'UTC',
      drops: [drop('feb', { dropDate: '2026-02-20' })],
    });
    const days = g.weeks.flat().filter((c) => c.repurchase.includes('feb' as DropId));
    expect(days[0]!.day).toBe('2026-02-23');
    expect(days.at(-1)!.day).toBe('2026-03-21');
  });

  it('marks ghost slots and flags on their days', () => {
    const flag: CadenceFlag = { kind: 'gap', dropIds: [], day: '2026-03-20', message: 'Gap' };
    const g = buildMonthGrid({
      month: '2026-03',
      weekStartsOn: 0,
      today: '2026-03-01',
      tz: 'UTC',
      drops: [],
      ghosts: ['2026-03-31', '2026-04-30'],
      flags: [flag],
    });
    const flat = g.weeks.flat();
    expect(flat.filter((c) => c.ghost).map((c) => c.day)).toEqual(['2026-03-31']);
    expect(flat.find((c) => c.day === '2026-03-20')!.flags).toEqual([flag]);
  });

  it("puts a publish-day flag on its drop's launch while shoot and publish are hidden", () => {
    const coat = drop('coat', { publishDate: '2026-03-17', dropDate: '2026-03-31' });
    const cardigan = drop('cardigan', { dropDate: '2026-03-17' });
    const flag: CadenceFlag = {
      kind: 'slow-publish',
      dropIds: ['coat' as DropId],
      day: '2026-03-17',
      message: 'Slow',
    };
    const grid = (showDependents: boolean) =>
      buildMonthGrid({
        month: '2026-03',
        weekStartsOn: 1,
        today: '2026-03-10',
        tz: 'UTC',
        drops: [coat, cardigan],
        showDependents,
        flags: [flag],
      }).weeks.flat();
    const flagged = (days: GridDay[]) => days.filter((c) => c.flags.length).map((c) => c.day);
    expect(flagged(grid(false))).toEqual(['2026-03-31']);
    expect(flagged(grid(true))).toEqual(['2026-03-17']);
  });

  it('steps months across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});

describe('week start', () => {
  it('follows the locale', () => {
    expect(weekStartFor('en-US')).toBe(0);
    expect(weekStartFor('de-DE')).toBe(1);
    expect(weekStartFor('en-GB')).toBe(1);
    expect(weekStartFor('ar-EG')).toBe(6);
    expect(weekStartFor('not a locale')).toBe(1);
  });
});
