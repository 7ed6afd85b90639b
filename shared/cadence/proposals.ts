import type { Drop } from '../model/drop';
import type { Cadence } from '../model/workspace';
import { launchOnCadence, nextLaunchDate } from './cadence';
import type { IsoDay } from './days';

/** What proposals need of a drop. */
export type PlannedDrop = Pick<Drop, 'dropDate' | 'archived'>;

/** The last launch date among live drops, or null when nothing is planned. */
export function lastPlannedLaunch(drops: Iterable<PlannedDrop>): IsoDay | null {
  let last: IsoDay | null = null;
  for (const d of drops) {
    if (d.archived || !d.dropDate) continue;
    if (last === null || d.dropDate > last) last = d.dropDate;
  }
  return last;
}

/**
 * The next `n` launch dates on the cadence after the last planned drop ("ghost slots"),
 * anchored on that drop so monthly slots keep its day of month. Slots never fall on or
 * before `today`; with nothing planned, the first slot is one cadence step after today.
 */
export function proposeNextLaunches(
  drops: Iterable<PlannedDrop>,
  cadence: Cadence,
  n: number,
  today: IsoDay,
): IsoDay[] {
  const count = Math.max(0, Math.min(24, Math.floor(n)));
  if (count === 0) return [];
  const anchor = lastPlannedLaunch(drops) ?? today;
  const after = anchor > today ? anchor : today;
  const first = nextLaunchDate(after, cadence, anchor);
  // Find the first slot's index from the anchor so later slots are computed from the anchor too.
  let k = 1;
  while (launchOnCadence(anchor, cadence, k) < first) k++;
  return Array.from({ length: count }, (_, i) => launchOnCadence(anchor, cadence, k + i));
}
