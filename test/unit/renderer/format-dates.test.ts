import { describe, expect, it } from 'vitest';
import { dayLabel, launchWhen, when } from '../../../renderer/src/ui/format';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const TZ = 'Europe/Berlin';

describe('dates for people', () => {
  it('carry the year only when it is not this year', () => {
    expect(when(Date.parse('2026-03-27T17:00:00Z'), TZ, { now: NOW })).not.toMatch(/2026/);
    expect(when(Date.parse('2025-03-27T17:00:00Z'), TZ, { now: NOW })).toMatch(/2025/);
    expect(when(Date.parse('2027-02-28T09:00:00Z'), TZ, { now: NOW })).toMatch(/2027/);
  });

  it('write an all-day launch (midnight in the zone) as its day alone', () => {
    // Midnight in Berlin is 23:00 UTC the day before.
    const allDay = launchWhen(Date.parse('2026-03-26T23:00:00Z'), TZ);
    expect(allDay).toMatch(/27/);
    expect(allDay).not.toMatch(/00:00|\d{2}:\d{2}/);
    expect(launchWhen(Date.parse('2026-03-27T17:00:00Z'), TZ)).toMatch(/18:00|06:00 PM/);
  });

  it("label a chart's days with the year when asked, and never because of a tick's index", () => {
    const t = Date.parse('2025-09-29T12:00:00Z');
    expect(dayLabel(t)).not.toMatch(/25$/);
    // The whole year: "Sep 29, 25" reads like a day of the month.
    expect(dayLabel(t, true)).toMatch(/\b2025\b/);
    expect(dayLabel(t, true)).not.toMatch(/, 25$/);
  });
});
