import { TZDate } from '@date-fns/tz';
import { addDays, addHours } from 'date-fns';
import type { Drop } from '../model/drop';
import {
  PLAYBOOK_LABELS,
  REPURCHASE_DAYS,
  RETARGETING_HOURS,
  SELL_THROUGH_HOURS,
  SHOOT_TO_PUBLISH_DAYS,
} from '../playbook';
import { addDaysTo, dateToDay, dayInstant, type IsoDay } from './days';

// The playbook's numbers live in shared/playbook; re-exported for the cadence's readers.
export {
  BRIEF_READY_DAYS,
  REPURCHASE_DAYS,
  RETARGETING_HOURS,
  SELL_THROUGH_HOURS,
  SHOOT_TO_PUBLISH_DAYS,
} from '../playbook';

export type WindowKind = 'publish-deadline' | 'retargeting' | 'sell-through' | 'repurchase';

/** The calendar days a window derived from a drop's dates touches (inclusive). */
export interface WindowSpan {
  kind: WindowKind;
  startDay: IsoDay;
  endDay: IsoDay;
}

/** A window with its exact instants too. */
export interface DropWindow extends WindowSpan {
  label: string;
  /** Milliseconds since the epoch; `end` is exclusive. */
  start: number;
  end: number;
}

/** What the windows need of a drop. */
export type DatedDrop = Pick<Drop, 'shootDate' | 'dropDate'> & { launchTime?: string | null };

export const WINDOW_LABELS: Record<WindowKind, string> = {
  'publish-deadline': `Publish deadline (shoot + ${PLAYBOOK_LABELS.shootToPublish})`,
  retargeting: `Retargeting window (${PLAYBOOK_LABELS.retargeting})`,
  'sell-through': `Local sell-through window (${PLAYBOOK_LABELS.sellThrough})`,
  repurchase: `Repurchase-interest window (${PLAYBOOK_LABELS.repurchase})`,
};

/**
 * The windows a drop's dates imply, as calendar days. An all-day launch counts whole days
 * (72 h = the launch day and the two after it; 30 days = the launch day and 29 after), so a
 * daylight-saving change never spills a window into another day. A launch with a time counts
 * real hours from that instant in the workspace's zone.
 */
export function dropWindowDays(drop: DatedDrop, tz: string): WindowSpan[] {
  if (drop.dropDate && drop.launchTime) return dropWindows(drop, tz);
  const out: WindowSpan[] = [];
  if (drop.shootDate) {
    const deadline = addDaysTo(drop.shootDate, SHOOT_TO_PUBLISH_DAYS);
    out.push({ kind: 'publish-deadline', startDay: deadline, endDay: deadline });
  }
  if (drop.dropDate) {
    const d = drop.dropDate;
    const end72 = addDaysTo(d, RETARGETING_HOURS / 24 - 1);
    out.push({ kind: 'retargeting', startDay: d, endDay: end72 });
    out.push({ kind: 'sell-through', startDay: d, endDay: end72 });
    out.push({ kind: 'repurchase', startDay: d, endDay: addDaysTo(d, REPURCHASE_DAYS - 1) });
  }
  return out;
}

/** The windows with their exact instants in the workspace's zone (see `dropWindowDays`). */
export function dropWindows(drop: DatedDrop, tz: string): DropWindow[] {
  const out: DropWindow[] = [];
  if (drop.shootDate) {
    const deadline = addDaysTo(drop.shootDate, SHOOT_TO_PUBLISH_DAYS);
    out.push({
      kind: 'publish-deadline',
      label: WINDOW_LABELS['publish-deadline'],
      startDay: deadline,
      endDay: deadline,
      start: dayInstant(deadline, tz),
      end: dayInstant(addDaysTo(deadline, 1), tz),
    });
  }
  if (drop.dropDate) {
    const timed = !!drop.launchTime;
    const start = dayInstant(drop.dropDate, tz, drop.launchTime);
    const from = new TZDate(start, tz);
    for (const [kind, hours] of [
      ['retargeting', RETARGETING_HOURS],
      ['sell-through', SELL_THROUGH_HOURS],
    ] as const) {
      const end = timed ? addHours(from, hours).getTime() : addDays(from, hours / 24).getTime();
      out.push(instantWindow(kind, start, end, tz));
    }
    // Repurchase interest is counted in calendar days whatever the launch time.
    out.push(instantWindow('repurchase', start, addDays(from, REPURCHASE_DAYS).getTime(), tz));
  }
  return out;
}

/** The publish deadline (shoot + 7 days), or null without a shoot date. */
export function publishDeadline(drop: Pick<Drop, 'shootDate'>): IsoDay | null {
  return drop.shootDate ? addDaysTo(drop.shootDate, SHOOT_TO_PUBLISH_DAYS) : null;
}

function instantWindow(kind: WindowKind, start: number, end: number, tz: string): DropWindow {
  return {
    kind,
    label: WINDOW_LABELS[kind],
    startDay: dateToDay(start, tz),
    // The end is exclusive: the last day touched is the one holding the instant just before.
    endDay: dateToDay(end - 1, tz),
    start,
    end,
  };
}
