import { parseShopTime, timeProblem, type ParsedTime } from './parseTime';
import type { RowProblems } from './rowProblems';
import { orderShown, orderWords, slashDate, type DateOrder } from './slashDates';

/** A date with slashes, read once the whole file has shown which order it writes them in. */
export class LaterTime {
  time: ParsedTime | null = null;
  constructor(
    readonly raw: string,
    readonly row: number,
    /** The zone it is read in when it has no offset. */
    readonly timeZone: string,
  ) {}
}

/** How a file's dates with slashes were read, for the preview. */
export interface SlashDates {
  order: DateOrder;
  /** The first value only this order reads (`03/25/2026`); null when none tells. */
  shownBy: string | null;
  /** The file's first date with slashes, to ask about. */
  example: string;
}

/**
 * The times of one file, read row by row. A date with slashes waits until every row is in: a
 * value with a part above 12 decides the file's order (03/25 is month first, 25/03 day first),
 * else the order chosen for it (remembered for the layout, or the person's) is used, and without
 * one it is a bad row. A file showing both orders is refused at the rows that contradict it.
 */
export class FileTimes {
  private readonly later: LaterTime[] = [];
  private first: { order: DateOrder; at: LaterTime } | null = null;

  constructor(
    private readonly timeZone: string,
    private readonly chosen: DateOrder | null,
  ) {}

  /**
   * A time now, a date with slashes to be read later, or null when it is not a time. Without an
   * offset it is read in `timeZone` (the row's own), else the workspace's.
   */
  read(raw: string, row: number, timeZone = this.timeZone): ParsedTime | LaterTime | null {
    const d = slashDate(raw);
    if (!d) return parseShopTime(raw, timeZone);
    const at = new LaterTime(raw, row, timeZone);
    this.later.push(at);
    const shown = orderShown(d);
    if (shown && !this.first) this.first = { order: shown, at };
    return at;
  }

  /**
   * Reads the dates with slashes once every row is in, reporting those that cannot be read; how
   * they were read (null: the file has none, or no order to read them in).
   */
  settle(problems: RowProblems, example: string): SlashDates | null {
    const first = this.later[0];
    if (!first) return null;
    const order = this.first?.order ?? this.chosen;
    for (const at of this.later) {
      const shown = orderShown(slashDate(at.raw)!);
      if (this.first && shown && shown !== this.first.order) {
        const { at: by, order: byOrder } = this.first;
        problems.add(
          at.row,
          `"${at.raw}" is ${orderWords(shown)}, but "${by.raw}" (row ${by.row}) is ${orderWords(byOrder)}: this file writes its dates both ways, so they cannot be read.`,
        );
        continue;
      }
      at.time = order && parseShopTime(at.raw, at.timeZone, order);
      if (!at.time) problems.add(at.row, timeProblem(at.raw, example, order));
    }
    return order && { order, shownBy: this.first?.at.raw ?? null, example: first.raw };
  }
}

/** The instant of a value `FileTimes.read` returned, once settled (null: reported already). */
export const timeOf = (v: ParsedTime | LaterTime): ParsedTime | null =>
  v instanceof LaterTime ? v.time : v;
