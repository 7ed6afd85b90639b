import { addDays, differenceInCalendarDays, formatISO } from 'date-fns';
import { describe, expect, it, vi } from 'vitest';
import {
  addDaysTo,
  addMonthsTo,
  daysBetween,
  dayInstant,
  isIsoDay,
  isLaunchTime,
  isValidTimeZone,
  todayIn,
} from './days';

describe('calendar days', () => {
  it('accepts real days only, including 29 February in leap years', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2027-02-29')).toBe(false);
    expect(isIsoDay('2026-04-31')).toBe(false);
    expect(isIsoDay('2026-4-1')).toBe(false);
    expect(isIsoDay(20260401)).toBe(false);
  });

  it('accepts launch times on a 24-hour clock', () => {
    expect(isLaunchTime('18:00')).toBe(true);
    expect(isLaunchTime('00:05')).toBe(true);
    expect(isLaunchTime('24:00')).toBe(false);
    expect(isLaunchTime('6pm')).toBe(false);
  });

  it('knows IANA time zone names and rejects made-up ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('checks each zone name once, however often a board reads the settings', () => {
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let i = 0; i < 1000; i++) {
        expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
        expect(isValidTimeZone('Mars/Phobos')).toBe(false);
      }
      expect(built.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      built.mockRestore();
    }
  });

  it('clamps month arithmetic to the month end and knows leap years', () => {
    expect(addMonthsTo('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsTo('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsTo('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsTo('2026-12-15', 2)).toBe('2027-02-15');
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('tells today from the workspace time zone, not the computer’s', () => {
    const noonUtcNewYear = Date.UTC(2026, 0, 1, 12, 0);
    expect(todayIn('Pacific/Auckland', noonUtcNewYear)).toBe('2026-01-02');
    expect(todayIn('UTC', noonUtcNewYear)).toBe('2026-01-01');
    expect(todayIn('America/Los_Angeles', Date.UTC(2026, 0, 1, 3, 0))).toBe('2025-12-31');
  });

  it('places a launch time at the right instant on either side of a DST change', () => {
    // 18:00 in Berlin is 17:00 UTC in winter and 16:00 UTC in summer.
    expect(new Date(dayInstant('2026-03-28', 'Europe/Berlin', '18:00')).toISOString()).toBe(
      '2026-03-28T17:00:00.000Z',
    );
    expect(new Date(dayInstant('2026-03-29', 'Europe/Berlin', '18:00')).toISOString()).toBe(
      '2026-03-29T16:00:00.000Z',
    );
    // A time skipped by the change (02:30 on 29 March) lands just after it.
    expect(new Date(dayInstant('2026-03-29', 'Europe/Berlin', '02:30')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // Start of day in New York on the fall-back day.
    expect(new Date(dayInstant('2026-11-01', 'America/New_York')).toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
  });
});

describe('day arithmetic', () => {
  it('agrees with date-fns on plain dates across leap years and daylight-saving changes', () => {
    const base = new Date(1996, 0, 1, 12);
    for (let i = 0; i < 3000; i++) {
      const from = addDays(base, (i * 7919) % 40_000);
      const n = ((i * 104_729) % 1601) - 800;
      const day = formatISO(from, { representation: 'date' });
      const expected = formatISO(addDays(from, n), { representation: 'date' });
      expect(addDaysTo(day, n)).toBe(expected);
      expect(daysBetween(day, expected)).toBe(differenceInCalendarDays(addDays(from, n), from));
    }
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(() => addDaysTo('14/03/2026', 1)).toThrow(/is not a date like/);
  });
});
