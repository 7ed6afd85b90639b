import { describe, expect, it } from 'vitest';
import {
  cadenceDaysFrom,
  describeCadence,
  dueAfter,
  launchOnCadence,
  nextLaunchDate,
} from './cadence';
import { proposeNextLaunches } from './proposals';

const monthly = { kind: 'monthly' } as const;
const bimonthly = { kind: 'bimonthly' } as const;
const fortnightly = { kind: 'weeks', every: 2 } as const;

describe('cadence', () => {
  it('describes itself in words', () => {
    expect(describeCadence(monthly)).toBe('Monthly');
    expect(describeCadence({ kind: 'weeks', every: 1 })).toBe('Weekly');
    expect(describeCadence(fortnightly)).toBe('Every 2 weeks');
    expect(describeCadence(bimonthly)).toBe('Every two months');
  });

  it('keeps the day of month on a monthly cadence, clamping at month ends', () => {
    const seq = [0, 1, 2, 3, 4].map((k) => launchOnCadence('2026-01-31', monthly, k));
    expect(seq).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    const leap = [0, 1, 2].map((k) => launchOnCadence('2028-01-31', monthly, k));
    expect(leap).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
    const day30 = [1, 2].map((k) => launchOnCadence('2026-01-30', monthly, k));
    expect(day30).toEqual(['2026-02-28', '2026-03-30']);
    const monthEnd = [1, 2].map((k) => launchOnCadence('2026-02-28', monthly, k));
    expect(monthEnd).toEqual(['2026-03-31', '2026-04-30']);
  });

  it('steps every N weeks on the same weekday through DST changes', () => {
    const seq = [1, 2, 3].map((k) => launchOnCadence('2026-03-01', fortnightly, k));
    expect(seq).toEqual(['2026-03-15', '2026-03-29', '2026-04-12']);
  });

  it('finds the next launch after a date on the cadence', () => {
    expect(nextLaunchDate('2026-03-14', monthly)).toBe('2026-04-14');
    expect(nextLaunchDate('2026-02-28', monthly, '2026-01-31')).toBe('2026-03-31');
    expect(nextLaunchDate('2026-03-31', monthly, '2026-01-31')).toBe('2026-04-30');
    expect(nextLaunchDate('2026-06-10', bimonthly, '2026-01-15')).toBe('2026-07-15');
    expect(nextLaunchDate('2026-03-15', fortnightly, '2026-03-01')).toBe('2026-03-29');
    // An anchor in the future counts too.
    expect(nextLaunchDate('2026-01-01', monthly, '2026-05-20')).toBe('2026-01-20');
  });

  it('measures the cadence in days from a launch', () => {
    expect(cadenceDaysFrom('2026-01-31', monthly)).toBe(28);
    // A month-end rhythm: Feb 28 → Mar 31.
    expect(dueAfter('2026-02-28', monthly)).toBe('2026-03-31');
    expect(dueAfter('2028-02-28', monthly)).toBe('2028-03-28'); // not the month end in 2028
    expect(dueAfter('2026-02-28', { kind: 'weeks', every: 4 })).toBe('2026-03-28');
    expect(cadenceDaysFrom('2026-03-01', monthly)).toBe(31);
    expect(cadenceDaysFrom('2026-03-01', fortnightly)).toBe(14);
    expect(cadenceDaysFrom('2026-01-01', bimonthly)).toBe(59);
  });
});

describe('plan next drops', () => {
  const drop = (dropDate: string | null, archived = false) => ({ dropDate, archived });

  it('proposes slots after the last planned drop, anchored on its day of month', () => {
    const drops = [drop('2025-12-31'), drop('2026-01-31'), drop(null)];
    expect(proposeNextLaunches(drops, monthly, 3, '2026-01-10')).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('ignores archived drops', () => {
    const drops = [drop('2026-03-01'), drop('2026-09-01', true)];
    expect(proposeNextLaunches(drops, monthly, 2, '2026-02-01')).toEqual([
      '2026-04-01',
      '2026-05-01',
    ]);
  });

  it('never proposes a day in the past when the last drop is long gone', () => {
    const drops = [drop('2025-06-15')];
    expect(proposeNextLaunches(drops, monthly, 2, '2026-03-20')).toEqual([
      '2026-04-15',
      '2026-05-15',
    ]);
    expect(proposeNextLaunches(drops, monthly, 1, '2026-04-15')).toEqual(['2026-05-15']);
  });

  it('starts one cadence step after today when nothing is planned', () => {
    expect(proposeNextLaunches([], fortnightly, 3, '2026-03-04')).toEqual([
      '2026-03-18',
      '2026-04-01',
      '2026-04-15',
    ]);
    expect(proposeNextLaunches([], bimonthly, 2, '2026-12-31')).toEqual([
      '2027-02-28',
      '2027-04-30',
    ]);
  });

  it('proposes nothing for n = 0', () => {
    expect(proposeNextLaunches([drop('2026-01-01')], monthly, 0, '2026-01-01')).toEqual([]);
  });
});
