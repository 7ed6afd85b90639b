import { describe, expect, it } from 'vitest';
import { dayInstant } from '../../../shared/cadence';
import { launchHint } from '../../../renderer/src/panel/launchHint';

describe('the launch time on a day the clocks change', () => {
  it('says when a launch time does not exist that day, and when it really launches', () => {
    expect(launchHint('2027-03-28', '02:30', 'Europe/Berlin')).toBe(
      '02:30 does not exist that day in Europe/Berlin (the clocks go forward): it launches at 03:30',
    );
    // Positive controls: the day before, and a time that exists.
    expect(launchHint('2027-03-27', '02:30', 'Europe/Berlin')).toBe('In the workspace time zone');
    expect(launchHint('2027-03-28', '04:00', 'Europe/Berlin')).toBe('In the workspace time zone');
    expect(launchHint('2027-03-28', null, 'Europe/Berlin')).toBe('Optional: all day when empty');
  });

  it('places a launch in the repeated hour at its first time, in every zone alike', () => {
    // Berlin 31 Oct 2027 02:30 happens twice: the first is 00:30 UTC (summer time).
    expect(
      new Date(dayInstant('2027-10-31' as never, 'Europe/Berlin', '02:30')).toISOString(),
    ).toBe('2027-10-31T00:30:00.000Z');
    // New York 7 Nov 2027 01:30 happens twice: the first is 05:30 UTC.
    expect(
      new Date(dayInstant('2027-11-07' as never, 'America/New_York', '01:30')).toISOString(),
    ).toBe('2027-11-07T05:30:00.000Z');
  });
});
