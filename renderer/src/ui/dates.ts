import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { slowTurnaround } from '../../../shared/cadence/flags';
import type { Drop } from '../../../shared/model';
import { SHOOT_TO_PUBLISH_DAYS } from '../../../shared/playbook';

/** Today as yyyy-MM-dd in local time (cards compare calendar days, not hours). */
export function todayIso(now = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** "today", "tomorrow", "in 5 days", "yesterday", "3 days ago". */
export function countdown(date: string, today: string): string {
  const days = differenceInCalendarDays(parseISO(date), parseISO(today));
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

// Days are written in the reader's locale everywhere ("Dec 4" in the US, "4 Dec" in Britain),
// as the calendar, timeline and Results already do. Building a formatter is slow: one per form.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = dayFormats.get(key);
  if (!f) dayFormats.set(key, (f = new Intl.DateTimeFormat(undefined, options)));
  return f;
}

/** More than ~10 months from today: a card writes its year, not a countdown. */
export function isFarDate(date: string, today: string): boolean {
  return Math.abs(differenceInCalendarDays(parseISO(date), parseISO(today))) > 300;
}

/** "Dec 4" (in the reader's locale); the year is added only for dates more than ~10 months away. */
export function shortDate(date: string, today: string): string {
  const d = parseISO(date);
  return isFarDate(date, today)
    ? dayFormat('dmy', { day: 'numeric', month: 'short', year: 'numeric' }).format(d)
    : dayFormat('dm', { day: 'numeric', month: 'short' }).format(d);
}

/** "Fri, Dec 4" (in the reader's locale). */
export function weekdayDate(date: Date | number): string {
  return dayFormat('wdm', { weekday: 'short', day: 'numeric', month: 'short' }).format(date);
}

/** "Dec 4, 2026, 14:05" (in the reader's locale): when something was saved or taken. */
export function dateTime(at: Date | number, withYear = true): string {
  return dayFormat(withYear ? 'dmyt' : 'dmt', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** "December 4, 2026" (in the reader's locale). */
export function longDate(at: Date | number): string {
  return dayFormat('long', { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** The shoot-to-publish warning, or null when the drop keeps the playbook's seven days. */
export function turnaroundWarning(drop: Pick<Drop, 'shootDate' | 'publishDate'>): string | null {
  const days = slowTurnaround(drop);
  if (days === null) return null;
  return `Shoot to publish is ${days} days — the playbook says ${SHOOT_TO_PUBLISH_DAYS}`;
}
