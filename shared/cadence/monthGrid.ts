import { addMonths, endOfMonth, endOfWeek, format, startOfMonth, startOfWeek } from 'date-fns';
import type { Drop } from '../model/drop';
import type { DropId } from '../model/ids';
import { addDaysTo, civilDate, civilDay, type IsoDay } from './days';
import type { CadenceFlag } from './flags';
import { dropWindowDays } from './windows';
import type { Weekday } from './weekStart';

/** What the month calendar shows of a drop. */
export type CalendarDrop = Pick<
  Drop,
  'id' | 'title' | 'color' | 'shootDate' | 'publishDate' | 'dropDate' | 'archived'
> & { launchTime?: string | null };

export interface DayMarker {
  dropId: DropId;
  kind: 'shoot' | 'publish';
}

/** One cell of the month grid. */
export interface GridDay {
  day: IsoDay;
  dayOfMonth: number;
  inMonth: boolean;
  isToday: boolean;
  isPast: boolean;
  /** Drops launching this day, by launch time then title. */
  launches: DropId[];
  /** Shoot and publish days (only when dependents are shown). */
  markers: DayMarker[];
  /** Drops whose 72-hour retargeting / sell-through window covers this day. */
  window72: DropId[];
  /** Drops whose 30-day repurchase-interest window covers this day. */
  repurchase: DropId[];
  /** Drops whose publish deadline (shoot + 7 days) is this day. */
  deadlines: DropId[];
  /** A proposed launch ("ghost slot") on this day. */
  ghost: boolean;
  flags: CadenceFlag[];
}

export interface MonthGrid {
  /** `yyyy-MM` */
  month: string;
  weeks: GridDay[][];
  /** Weekday numbers in column order (0 = Sunday). */
  weekdays: Weekday[];
}

export interface MonthGridInput {
  month: string;
  weekStartsOn: Weekday;
  today: IsoDay;
  tz: string;
  drops: Iterable<CalendarDrop>;
  showDependents?: boolean;
  ghosts?: readonly IsoDay[];
  flags?: readonly CadenceFlag[];
}

// A flag's ⚠ must sit beside a drop it concerns. With shoot and publish hidden, a flag that
// belongs to a publish day (slow turnaround) moves to its drop's launch, where its chip is;
// left on the publish day it would sit beside whichever other drop launches there. Drops are
// looked up by id: a plan of 1,000 drops has hundreds of flags.
function flagDay(
  f: CadenceFlag,
  launchesOnly: ReadonlyMap<DropId, CalendarDrop> | null,
): IsoDay | null {
  if (!launchesOnly || f.dropIds.length === 0) return f.day;
  // The first concerned launch, unless one of them is on the flag's own day (no arrays: a plan
  // of 1,000 drops checks hundreds of flags on every change).
  let first: IsoDay | null = null;
  for (const id of f.dropIds) {
    const launch = launchesOnly.get(id)?.dropDate;
    if (launch == null) continue;
    if (launch === f.day) return f.day;
    first ??= launch;
  }
  return first;
}

/** The `yyyy-MM` month holding `day`. */
export const monthOf = (day: IsoDay): string => day.slice(0, 7);

/** The month `n` months after `month` (`yyyy-MM`). */
export function shiftMonth(month: string, n: number): string {
  return format(addMonths(civilDate(`${month}-01`), n), 'yyyy-MM');
}

/** The days shown for a month: whole weeks from its first to its last day. */
export function monthRange(month: string, weekStartsOn: Weekday): { first: IsoDay; last: IsoDay } {
  const d = civilDate(`${month}-01`);
  return {
    first: civilDay(startOfWeek(startOfMonth(d), { weekStartsOn })),
    last: civilDay(endOfWeek(endOfMonth(d), { weekStartsOn })),
  };
}

/** Builds the month calendar: weeks of days, each with its launches, markers, windows and flags. */
export function buildMonthGrid(input: MonthGridInput): MonthGrid {
  const { month, weekStartsOn, today, tz } = input;
  const { first, last } = monthRange(month, weekStartsOn);
  const cells = new Map<IsoDay, GridDay>();
  const list: GridDay[] = [];
  const weeks: GridDay[][] = [];
  for (let day = first, i = 0; day <= last; day = addDaysTo(day, 1), i++) {
    if (i % 7 === 0) weeks.push([]);
    const cell: GridDay = {
      day,
      dayOfMonth: Number(day.slice(8)),
      inMonth: day.startsWith(month),
      isToday: day === today,
      isPast: day < today,
      launches: [],
      markers: [],
      window72: [],
      repurchase: [],
      deadlines: [],
      ghost: false,
      flags: [],
    };
    weeks.at(-1)!.push(cell);
    cells.set(day, cell);
    list.push(cell);
  }

  const earliestRelevant = addDaysTo(first, -31);
  const visible = new Map<DropId, CalendarDrop>();
  for (const d of input.drops) if (!d.archived) visible.set(d.id, d);
  for (const d of visible.values()) {
    if (d.dropDate) cells.get(d.dropDate)?.launches.push(d.id);
    if (input.showDependents) {
      if (d.shootDate) cells.get(d.shootDate)?.markers.push({ dropId: d.id, kind: 'shoot' });
      if (d.publishDate) cells.get(d.publishDate)?.markers.push({ dropId: d.id, kind: 'publish' });
    }
    // Only walk windows that can touch the visible weeks (none reaches 31 days past a date).
    const latest = (d.dropDate ?? '') > (d.shootDate ?? '') ? d.dropDate : d.shootDate;
    if (!latest || latest < earliestRelevant || (d.dropDate ?? '') > last) continue;
    for (const w of dropWindowDays(d, tz)) {
      if (w.endDay < first || w.startDay > last) continue;
      const from = list.indexOf(cells.get(w.startDay < first ? first : w.startDay)!);
      const to = list.indexOf(cells.get(w.endDay > last ? last : w.endDay)!);
      for (let i = from; i <= to; i++) {
        const cell = list[i]!;
        if (w.kind === 'retargeting') cell.window72.push(d.id);
        else if (w.kind === 'repurchase') cell.repurchase.push(d.id);
        else if (w.kind === 'publish-deadline') cell.deadlines.push(d.id);
      }
    }
  }
  // Each day's few drops are sorted on their own (sorting every drop of a big plan on each
  // change cost more than the rest of the grid).
  const byOrder = (x: DropId, y: DropId) => {
    const a = visible.get(x)!;
    const b = visible.get(y)!;
    return (
      (a.launchTime ?? '').localeCompare(b.launchTime ?? '') ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id)
    );
  };
  for (const cell of list) {
    if (cell.launches.length > 1) cell.launches.sort(byOrder);
    if (cell.window72.length > 1) cell.window72.sort(byOrder);
  }
  for (const g of input.ghosts ?? []) {
    const cell = cells.get(g);
    if (cell) cell.ghost = true;
  }
  for (const f of input.flags ?? []) {
    const day = flagDay(f, input.showDependents ? null : visible);
    if (day) cells.get(day)?.flags.push(f);
  }

  const weekdays = Array.from({ length: 7 }, (_, i) => ((weekStartsOn + i) % 7) as Weekday);
  return { month, weeks, weekdays };
}
