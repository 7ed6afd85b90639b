import { TZDate } from '@date-fns/tz';
import { addDays, addHours } from 'date-fns';
import type { Drop } from '../model/drop';
import { addDaysTo, dateToDay, dayInstant, type IsoDay } from './days';

/** The playbook's numbers. */
export const SHOOT_TO_PUBLISH_DAYS = 7;
export const RETARGETING_HOURS = 72;
export const SELL_THROUGH_HOURS = 72;
export const REPURCHASE_DAYS = 30;
export const BRIEF_READY_DAYS = 14;

export type WindowKind = 'publish-deadline' | 'retargeting' | 'sell-through' | 'repurchase';

/** A time window derived from a drop's dates. */
export interface DropWindow {
  kind: WindowKind;
  label: string;
  /** First and last calendar day the window touches (inclusive), in the workspace's zone. */
  startDay: IsoDay;
  endDay: IsoDay;
  /** The exact instants (ms since epoch); `end` is exclusive. */
  start: number;
  end: number;
}

/** What the windows need of a drop. */
export type DatedDrop = Pick<Drop, 'shootDate' | 'dropDate'> & { launchTime?: string | null };

export const WINDOW_LABELS: Record<WindowKind, string> = {
  'publish-deadline': 'Publish deadline (shoot + 7 days)',
  retargeting: 'Retargeting window (72 h)',
  'sell-through': 'Local sell-through window (72 h)',
  repurchase: 'Repurchase-interest window (30 days)',
};

/**
 * The windows a drop's dates imply. With a launch time, the 72-hour windows are 72 real
 * hours from that instant; an all-day launch counts three whole calendar days instead, so a
 * daylight-saving change never spills a window into a fourth day.
 */
export function dropWindows(drop: DatedDrop, tz: string): DropWindow[] {
  const out: DropWindow[] = [];
  if (drop.shootDate) {
    const deadline = addDaysTo(drop.shootDate, SHOOT_TO_PUBLISH_DAYS, tz);
    out.push(dayWindow('publish-deadline', deadline, deadline, tz));
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
    const end = addDays(from, REPURCHASE_DAYS).getTime();
    out.push(instantWindow('repurchase', start, end, tz));
  }
  return out;
}

/** The publish deadline (shoot + 7 days), or null without a shoot date. */
export function publishDeadline(drop: Pick<Drop, 'shootDate'>, tz = 'UTC'): IsoDay | null {
  return drop.shootDate ? addDaysTo(drop.shootDate, SHOOT_TO_PUBLISH_DAYS, tz) : null;
}

function dayWindow(kind: WindowKind, startDay: IsoDay, endDay: IsoDay, tz: string): DropWindow {
  return {
    kind,
    label: WINDOW_LABELS[kind],
    startDay,
    endDay,
    start: dayInstant(startDay, tz),
    end: dayInstant(addDaysTo(endDay, 1, tz), tz),
  };
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
