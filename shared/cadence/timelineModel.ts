import type { Drop } from '../model/drop';
import type { DropId } from '../model/ids';
import type { Stage } from '../model/stage';
import type { Cadence } from '../model/workspace';
import { launchesBetween } from './cadence';
import { addMonthsTo, daysBetween, type IsoDay } from './days';
import { REPURCHASE_DAYS, SHOOT_TO_PUBLISH_DAYS } from './windows';

export type TimelineDrop = Pick<
  Drop,
  | 'id'
  | 'title'
  | 'color'
  | 'pos'
  | 'creatorId'
  | 'shootDate'
  | 'publishDate'
  | 'dropDate'
  | 'archived'
>;

/** One drop on the timeline, in day offsets from the timeline's first day. */
export interface TimelineBar {
  dropId: DropId;
  title: string;
  color: string;
  /** Shoot day (or the launch when there is no shoot date). */
  start: number;
  /** Publish day and publish deadline (shoot + 7), when known. */
  publish: number | null;
  deadline: number | null;
  launch: number;
  /** End of the 72-hour windows and of the 30-day repurchase window (exclusive offsets). */
  end72: number;
  end: number;
  flagged: boolean;
}

export interface TimelineLane {
  id: string;
  label: string;
  /** Bars packed into rows so none overlap. */
  rows: TimelineBar[][];
}

export interface TimelineModel {
  first: IsoDay;
  /** Number of days shown. */
  days: number;
  months: { label: IsoDay; offset: number; days: number }[];
  lanes: TimelineLane[];
  /** Day offsets of the cadence's beats (the rhythm grid). */
  beats: number[];
  today: number | null;
}

export interface TimelineInput {
  first: IsoDay;
  months: number;
  groupBy: 'stage' | 'creator';
  drops: Iterable<TimelineDrop>;
  stages: readonly Stage[];
  creators?: readonly { id: string; name: string }[];
  cadence: Cadence;
  today: IsoDay;
  flaggedIds?: ReadonlySet<string>;
}

/** Lays drops out on a horizontal timeline: lanes per stage or creator, packed rows, rhythm beats. */
export function buildTimeline(input: TimelineInput): TimelineModel {
  const { first } = input;
  const last = addMonthsTo(first, input.months); // exclusive
  const days = daysBetween(first, last);
  const months: TimelineModel['months'] = [];
  for (let m = first; m < last; m = addMonthsTo(m, 1)) {
    const next = addMonthsTo(m, 1);
    months.push({ label: m, offset: daysBetween(first, m), days: daysBetween(m, next) });
  }

  const lanes = new Map<string, { id: string; label: string; bars: TimelineBar[] }>();
  if (input.groupBy === 'stage') {
    for (const s of input.stages) lanes.set(s.id, { id: s.id, label: s.name, bars: [] });
  } else {
    for (const c of input.creators ?? []) lanes.set(c.id, { id: c.id, label: c.name, bars: [] });
  }
  const offset = (day: IsoDay) => daysBetween(first, day);
  let anchor: IsoDay | null = null;
  for (const d of input.drops) {
    if (d.archived || !d.dropDate) continue;
    if (anchor === null || d.dropDate < anchor) anchor = d.dropDate;
    const launch = offset(d.dropDate);
    const start = d.shootDate && d.shootDate <= d.dropDate ? offset(d.shootDate) : launch;
    const end = launch + REPURCHASE_DAYS;
    if (end <= 0 || start >= days) continue;
    const key = input.groupBy === 'stage' ? d.pos.stageId : (d.creatorId ?? '');
    let lane = lanes.get(key);
    if (!lane) {
      const label = input.groupBy === 'stage' ? 'Unknown stage' : 'No creator yet';
      lane = { id: key, label, bars: [] };
      lanes.set(key, lane);
    }
    lane.bars.push({
      dropId: d.id,
      title: d.title,
      color: d.color,
      start,
      publish: d.publishDate ? offset(d.publishDate) : null,
      deadline: d.shootDate ? offset(d.shootDate) + SHOOT_TO_PUBLISH_DAYS : null,
      launch,
      end72: launch + 3,
      end,
      flagged: input.flaggedIds?.has(d.id) ?? false,
    });
  }

  // The rhythm grid runs through the earliest planned launch (today when nothing is planned).
  const beats = launchesBetween(anchor ?? input.today, input.cadence, first, last).map(offset);

  const todayOffset = offset(input.today);
  return {
    first,
    days,
    months,
    lanes: [...lanes.values()].map((l) => ({ id: l.id, label: l.label, rows: packRows(l.bars) })),
    beats,
    today: todayOffset >= 0 && todayOffset < days ? todayOffset : null,
  };
}

/** Greedy interval packing: each bar goes in the first row where it fits. */
function packRows(bars: TimelineBar[]): TimelineBar[][] {
  const sorted = [...bars].sort(
    (x, y) => x.start - y.start || x.launch - y.launch || (x.dropId < y.dropId ? -1 : 1),
  );
  const rows: TimelineBar[][] = [];
  const rowEnds: number[] = [];
  for (const bar of sorted) {
    let i = rowEnds.findIndex((end) => end <= bar.start);
    if (i < 0) {
      i = rows.length;
      rows.push([]);
      rowEnds.push(0);
    }
    rows[i]!.push(bar);
    rowEnds[i] = bar.end;
  }
  return rows;
}

const sameBar = (a: TimelineBar, b: TimelineBar) =>
  a.dropId === b.dropId &&
  a.title === b.title &&
  a.color === b.color &&
  a.start === b.start &&
  a.publish === b.publish &&
  a.deadline === b.deadline &&
  a.launch === b.launch &&
  a.end72 === b.end72 &&
  a.end === b.end &&
  a.flagged === b.flagged;

/**
 * `next`, keeping each bar and lane of `prev` that is unchanged by identity, so a memoised view
 * redraws only the bars a change touched (a reschedule at 1,000 drops moves one bar).
 */
export function keepSameBars(prev: TimelineModel | null, next: TimelineModel): TimelineModel {
  if (!prev) return next;
  const bars = new Map<string, TimelineBar>();
  for (const lane of prev.lanes)
    for (const row of lane.rows) for (const b of row) bars.set(b.dropId, b);
  const oldLanes = new Map(prev.lanes.map((l) => [l.id, l]));
  const lanes = next.lanes.map((lane) => {
    const rows = lane.rows.map((row) =>
      row.map((b) => {
        const before = bars.get(b.dropId);
        return before && sameBar(before, b) ? before : b;
      }),
    );
    const before = oldLanes.get(lane.id);
    const same =
      before &&
      before.label === lane.label &&
      before.rows.length === rows.length &&
      before.rows.every(
        (r, i) => r.length === rows[i]!.length && r.every((b, j) => b === rows[i]![j]),
      );
    return same ? before : { ...lane, rows };
  });
  return { ...next, lanes };
}
