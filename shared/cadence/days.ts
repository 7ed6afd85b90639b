import { TZDate } from '@date-fns/tz';
import { addMonths, format, formatISO, isValid } from 'date-fns';
import { wallTimeIn } from './wallTime';

/** A calendar day in the workspace's time zone, stored as `yyyy-MM-dd`. */
export type IsoDay = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Two kinds of date work, kept apart:
// - Calendar-day arithmetic (add days or months, count days) does not depend on any time
//   zone: 14 March plus 7 days is 21 March everywhere. It runs on plain dates at local noon,
//   which no daylight-saving change touches, and is fast enough for thousands of drops.
// - Where a day meets an instant (today, a launch time, the 72-hour windows, .ics times), the
//   workspace's zone decides, and TZDate from @date-fns/tz does the conversion.

/** A day as a plain Date at local noon, for calendar arithmetic with date-fns. */
export function civilDate(day: IsoDay): Date {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`"${day}" is not a date like 2026-03-14.`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

/** The day of a Date made by `civilDate` (or any Date, read in local time). */
export function civilDay(date: Date): IsoDay {
  // formatISO's date form is several times faster than format() and gives the same text.
  return formatISO(date, { representation: 'date' });
}

/** True for a real calendar day written as `yyyy-MM-dd` (2027-02-29 is false). */
export function isIsoDay(value: unknown): value is IsoDay {
  if (typeof value !== 'string' || !DAY_RE.test(value)) return false;
  const d = civilDate(value);
  return isValid(d) && civilDay(d) === value;
}

/** True for a launch time written as `HH:mm` (24-hour clock). */
export function isLaunchTime(value: unknown): value is string {
  return typeof value === 'string' && TIME_RE.test(value);
}

// Building an Intl.DateTimeFormat costs about a millisecond, and the zone is checked on every
// read of the workspace's settings (once per card on a board of 1,000), so each name is
// checked once. Bounded: any peer can write any number of names.
const zoneChecks = new Map<string, boolean>();
const ZONE_CHECKS_KEPT = 64;

/** True when `tz` is an IANA time zone name this runtime knows (e.g. "Europe/Berlin"). */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  const known = zoneChecks.get(tz);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneChecks.size >= ZONE_CHECKS_KEPT) zoneChecks.clear();
  zoneChecks.set(tz, valid);
  return valid;
}

/**
 * A valid zone written as its own name is written ("america/new_york" → "America/New_York",
 * "utc" → "UTC"). A name the runtime maps to another zone ("EST" → "America/Panama", an old
 * "Asia/Calcutta") is kept as typed: it is what the person chose, and it keeps its meaning.
 */
export function zoneNameAsWritten(tz: string): string {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
  } catch {
    return tz;
  }
}

// Day numbers for the hot paths (a reschedule at 1,000 drops counts days thousands of times):
// days since 1970-01-01 on the proleptic Gregorian calendar, from UTC milliseconds, which have
// no daylight-saving hours. A year below 100 is set with setUTCFullYear (Date.UTC would read
// it as 19xx).
const DAY_MS = 86_400_000;

// A plan's dates repeat (1,000 drops over a year), so each day's number is kept; bounded, as
// any peer can write any number of dates.
const dayNumbers = new Map<IsoDay, number>();
const DAY_NUMBERS_KEPT = 20_000;

function dayNumber(day: IsoDay): number {
  const known = dayNumbers.get(day);
  if (known !== undefined) return known;
  const n = parseDayNumber(day);
  if (dayNumbers.size >= DAY_NUMBERS_KEPT) dayNumbers.clear();
  dayNumbers.set(day, n);
  return n;
}

function parseDayNumber(day: IsoDay): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`"${day}" is not a date like 2026-03-14.`);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(d.getTime() / DAY_MS);
}

function dayOfNumber(n: number): IsoDay {
  const d = new Date(n * DAY_MS);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new Error(`Day ${n} is outside the years 0000–9999.`);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** `day` plus `n` calendar days (n may be negative). */
export function addDaysTo(day: IsoDay, n: number): IsoDay {
  return dayOfNumber(dayNumber(day) + n);
}

/** `day` plus `n` months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsTo(day: IsoDay, n: number): IsoDay {
  return civilDay(addMonths(civilDate(day), n));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar day an instant falls on in `tz`. */
export function dateToDay(instant: Date | number, tz: string): IsoDay {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return format(new TZDate(ms, tz), 'yyyy-MM-dd');
}

/** Today's calendar day in the workspace's time zone. */
export function todayIn(tz: string, now: number = Date.now()): IsoDay {
  return dateToDay(now, tz);
}

/**
 * The instant a day starts in `tz`, or the instant of `time` (HH:mm) on that day.
 * A wall-clock time that does not exist (skipped by a spring-forward change) resolves to
 * the same clock reading after the change, as calendar apps do.
 */
export function dayInstant(day: IsoDay, tz: string, time?: string | null): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`"${day}" is not a date like 2026-03-14.`);
  const [h, min] = time && isLaunchTime(time) ? time.split(':').map(Number) : [0, 0];
  // A time the clocks skip or repeat that day is read as imported times are (wallTimeIn).
  return wallTimeIn(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h!, min!), tz);
}

/** Formats a day for people, e.g. "Sat, 14 Mar 2026" (locale-aware). */
export function formatDayForPeople(day: IsoDay, locale?: string, withYear = true): string {
  const key = `${locale ?? ''}|${withYear}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
    });
    formatters.set(key, fmt);
  }
  return fmt.format(civilDate(day));
}

// Building an Intl formatter is slow; a calendar formats dozens of days per render.
const formatters = new Map<string, Intl.DateTimeFormat>();
