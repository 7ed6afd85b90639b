import { isLastDayOfMonth, lastDayOfMonth } from 'date-fns';
import type { Cadence } from '../model/workspace';
import { addDaysTo, addMonthsTo, civilDate, civilDay, daysBetween, type IsoDay } from './days';

// Cadence maths is calendar-day arithmetic: it does not depend on the time zone.

/** "Every 2 weeks", "Monthly", "Every two months". */
export function describeCadence(cadence: Cadence): string {
  switch (cadence.kind) {
    case 'weeks':
      return cadence.every === 1 ? 'Weekly' : `Every ${cadence.every} weeks`;
    case 'monthly':
      return 'Monthly';
    case 'bimonthly':
      return 'Every two months';
  }
}

/**
 * The k-th launch on the cadence counted from `anchor` (k = 0 is the anchor itself).
 * Always computed from the anchor, never chained, so monthly launches keep the anchor's
 * day of month: Jan 31 → Feb 28 (29 in leap years) → Mar 31. An anchor on a month's last
 * day is an end-of-month rhythm: Feb 28 → Mar 31 → Apr 30.
 */
export function launchOnCadence(anchor: IsoDay, cadence: Cadence, k: number): IsoDay {
  if (cadence.kind === 'weeks') return addDaysTo(anchor, 7 * cadence.every * k);
  const next = addMonthsTo(anchor, cadence.kind === 'monthly' ? k : 2 * k);
  if (!isLastDayOfMonth(civilDate(anchor))) return next;
  return civilDay(lastDayOfMonth(civilDate(next)));
}

/** The index k of the first launch from `anchor` that falls strictly after `after`. */
function firstIndexAfter(after: IsoDay, cadence: Cadence, anchor: IsoDay): number {
  // Estimate k from the average step, then walk to the exact answer (a step or two).
  const approxStep =
    cadence.kind === 'weeks' ? 7 * cadence.every : cadence.kind === 'monthly' ? 30.44 : 60.88;
  let k = Math.floor(daysBetween(anchor, after) / approxStep);
  while (launchOnCadence(anchor, cadence, k - 1) > after) k--;
  while (launchOnCadence(anchor, cadence, k) <= after) k++;
  return k;
}

/**
 * The first launch on the cadence through `anchor` that falls strictly after `after`
 * (the anchor defaults to `after`, giving one cadence step later).
 */
export function nextLaunchDate(after: IsoDay, cadence: Cadence, anchor: IsoDay = after): IsoDay {
  return launchOnCadence(anchor, cadence, firstIndexAfter(after, cadence, anchor));
}

/** Every launch day of the cadence through `anchor` in [from, to). */
export function launchesBetween(
  anchor: IsoDay,
  cadence: Cadence,
  from: IsoDay,
  to: IsoDay,
): IsoDay[] {
  const out: IsoDay[] = [];
  let k = firstIndexAfter(addDaysTo(from, -1), cadence, anchor);
  for (let day = launchOnCadence(anchor, cadence, k); day < to;) {
    out.push(day);
    day = launchOnCadence(anchor, cadence, ++k);
  }
  return out;
}

/** The latest day the cadence allows for the launch after one on `from`. */
export function dueAfter(from: IsoDay, cadence: Cadence): IsoDay {
  return launchOnCadence(from, cadence, 1);
}

/** Days the cadence expects between a launch on `from` and the next one. */
export function cadenceDaysFrom(from: IsoDay, cadence: Cadence): number {
  return daysBetween(from, dueAfter(from, cadence));
}
