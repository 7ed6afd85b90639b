import { describe, expect, it } from 'vitest';
import { addDaysTo, addMonthsTo, daysBetween } from '../../../shared/cadence/days';

// Calendar-day arithmetic runs on plain dates in the computer's own zone: prove that zone
// never changes a result, including zones that change clocks at midnight.
describe('calendar days on any computer', () => {
  it('adds days across daylight-saving changes without moving the day, whatever the computer’s zone', () => {
    const saved = process.env.TZ;
    // Berlin springs forward on 29 March 2026, New York on 8 March; Santiago and Havana have
    // changed clocks at midnight, Lord Howe by half an hour.
    for (const zone of [
      'Europe/Berlin',
      'America/New_York',
      'America/Santiago',
      'America/Havana',
      'Australia/Lord_Howe',
      'UTC',
    ]) {
      process.env.TZ = zone;
      expect(addDaysTo('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDaysTo('2026-03-28', 2)).toBe('2026-03-30');
      expect(addDaysTo('2026-10-24', 2)).toBe('2026-10-26');
      expect(addDaysTo('2026-03-07', 7)).toBe('2026-03-14');
      expect(addDaysTo('2026-11-07', -7)).toBe('2026-10-31');
      expect(addDaysTo('2026-09-05', 1)).toBe('2026-09-06'); // Santiago: no midnight on 6 Sept
      expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
      expect(daysBetween('2026-10-01', '2026-11-30')).toBe(60);
      expect(addMonthsTo('2026-01-31', 1)).toBe('2026-02-28');
    }
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
});
