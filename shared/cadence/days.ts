import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, format, isValid } from 'date-fns';

/** A calendar day in the workspace's time zone, stored as `yyyy-MM-dd`. */
export type IsoDay = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar day written as `yyyy-MM-dd` (2027-02-29 is false). */
export function isIsoDay(value: unknown): value is IsoDay {
  if (typeof value !== 'string') return false;
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const d = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 'UTC');
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

/** True for a launch time written as `HH:mm` (24-hour clock). */
export function isLaunchTime(value: unknown): value is string {
  return typeof value === 'string' && TIME_RE.test(value);
}

/** True when `tz` is an IANA time zone name this runtime knows (e.g. "Europe/Berlin"). */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * A day as a date at local noon in `tz`. Day arithmetic happens at noon so a daylight-saving
 * change (which never falls at noon) or a zone that skips midnight cannot move the day.
 */
export function dayToDate(day: IsoDay, tz: string): TZDate {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`"${day}" is not a date like 2026-03-14.`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0, tz);
}

/** The calendar day a date falls on in its own time zone (TZDate) or in `tz`. */
export function dateToDay(date: Date | number, tz: string): IsoDay {
  return format(new TZDate(typeof date === 'number' ? date : date.getTime(), tz), 'yyyy-MM-dd');
}

/** Today's calendar day in the workspace's time zone. */
export function todayIn(tz: string, now: number = Date.now()): IsoDay {
  return dateToDay(now, tz);
}

/** `day` plus `n` calendar days (n may be negative). */
export function addDaysTo(day: IsoDay, n: number, tz = 'UTC'): IsoDay {
  return format(addDays(dayToDate(day, tz), n), 'yyyy-MM-dd');
}

/** `day` plus `n` months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsTo(day: IsoDay, n: number, tz = 'UTC'): IsoDay {
  return format(addMonths(dayToDate(day, tz), n), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDay, to: IsoDay, tz = 'UTC'): number {
  return differenceInCalendarDays(dayToDate(to, tz), dayToDate(from, tz));
}

/**
 * The instant a day starts in `tz`, or the instant of `time` (HH:mm) on that day.
 * A wall-clock time that does not exist (skipped by a spring-forward change) resolves to
 * the same clock reading after the change, as calendar apps do.
 */
export function dayInstant(day: IsoDay, tz: string, time?: string | null): number {
  const noon = dayToDate(day, tz);
  const [h, min] = time && isLaunchTime(time) ? time.split(':').map(Number) : [0, 0];
  const d = new TZDate(noon.getFullYear(), noon.getMonth(), noon.getDate(), h!, min!, 0, tz);
  return d.getTime();
}

/** Formats a day for people, e.g. "Sat 14 Mar 2026" (locale-aware). */
export function formatDayForPeople(day: IsoDay, locale?: string, withYear = true): string {
  const d = dayToDate(day, 'UTC');
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(d);
}
