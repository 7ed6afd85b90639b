import { slashDate } from './slashDates';
import { monthNameToIso } from './monthNames';

// A date with nothing after it: 2026-03-10, 10.03.2026, 03/10/26 or 2026/03/10.
const DATE_ALONE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\/\d{1,2}\/\d{1,2})$/;

/**
 * An order's time from a date column and a time-of-day column (Square writes them apart): the
 * two joined when the date has no time of its own, else the date column as written.
 */
export function dateWithTime(date: string, time: string): string {
  if (!time) return date;
  const slash = slashDate(date);
  // `Sep 1, 2026` alone too (a date with the month's name).
  const alone = slash ? slash.length === date.length : DATE_ALONE.test(monthNameToIso(date));
  return alone ? `${date} ${time}` : date;
}
