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

/** "Dec 4"; the year is added only for dates more than ~10 months away. */
export function shortDate(date: string, today: string): string {
  const d = parseISO(date);
  const far = Math.abs(differenceInCalendarDays(d, parseISO(today))) > 300;
  return format(d, far ? 'MMM d, yyyy' : 'MMM d');
}

/** The shoot-to-publish warning, or null when the drop keeps the playbook's seven days. */
export function turnaroundWarning(drop: Pick<Drop, 'shootDate' | 'publishDate'>): string | null {
  const days = slowTurnaround(drop);
  if (days === null) return null;
  return `Shoot to publish is ${days} days — the playbook says ${SHOOT_TO_PUBLISH_DAYS}`;
}
