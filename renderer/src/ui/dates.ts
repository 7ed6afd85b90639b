import { differenceInCalendarDays, format, parseISO } from 'date-fns';

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

/** "Dec 4"; the year is added only for dates more than ~10 months away. */
export function shortDate(date: string, today: string): string {
  const d = parseISO(date);
  const far = Math.abs(differenceInCalendarDays(d, parseISO(today))) > 300;
  return format(d, far ? 'MMM d, yyyy' : 'MMM d');
}

/** Days from shoot to publish, or null when either date is missing. */
export function shootToPublishDays(shoot: string | null, publish: string | null): number | null {
  if (!shoot || !publish) return null;
  return differenceInCalendarDays(parseISO(publish), parseISO(shoot));
}

/** The playbook's turnaround: seven days from shoot to publish. */
export const SHOOT_TO_PUBLISH_DAYS = 7;
