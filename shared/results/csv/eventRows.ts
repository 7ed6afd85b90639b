import { INTEREST_KINDS, type InterestKind } from '../interest';
import { columnPositions, type EventField, type Mapping } from './fields';
import { RowProblems } from './rowProblems';
import { timeProblem, type ParsedTime } from './parseTime';
import { isBlankRow } from './blankRow';
import { FileTimes, timeOf, type LaterTime } from './fileTimes';
import type { DateOrder } from './slashDates';

/** An interest event read from a file, before its customer is hashed. */
export interface DraftEvent {
  kind: InterestKind;
  t: number;
  sku: string;
  email: string;
}

function kindOf(raw: string, fallback: InterestKind): InterestKind | null {
  const s = raw.trim().toLowerCase();
  if (!s) return fallback;
  if ((INTEREST_KINDS as readonly string[]).includes(s)) return s as InterestKind;
  if (/click/.test(s)) return 'click';
  if (/wish|save|favou?rite/.test(s)) return 'wishlist';
  return null;
}

/**
 * Rows of an events export that are not interest a customer can be counted by: other kinds of
 * event (an email platform's export mixes opens and sends with clicks) and rows without an
 * email (a guest's wishlist). Skipped, and named in the preview, rather than refusing the file.
 */
export interface SkippedEvents {
  /** Each other kind of event as the file names it, and how many rows had it. */
  kinds: [kind: string, rows: number][];
  noEmail: number;
}

/** Reads an email-click or wishlist export row by row (see OrderRowReader). */
// An event whose time may be a date with slashes, read once the whole file is in.
type ReadEvent = Omit<DraftEvent, 't'> & { at: ParsedTime | LaterTime };

const TIME_EXAMPLE = '2026-04-05 21:06 +0200';

export class EventRowReader {
  private readonly events: ReadEvent[] = [];
  private readonly times: FileTimes;
  private readonly problems = new RowProblems();
  private readonly at: Record<EventField, number>;
  private readonly otherKinds = new Map<string, number>();
  private noEmail = 0;
  rows = 0;

  constructor(
    mapping: Mapping<EventField>,
    headers: readonly string[],
    private readonly opts: {
      timeZone: string;
      defaultKind: InterestKind;
      /** How dates with slashes are read when no value in the file tells (see FileTimes). */
      dateOrder?: DateOrder | null;
    },
  ) {
    this.at = columnPositions(mapping, headers);
    this.times = new FileTimes(opts.timeZone, opts.dateOrder ?? null);
  }

  private error(row: number, message: string): void {
    this.problems.add(row, message);
  }

  /** Reads one data row (its cells in header order); `row` is its spreadsheet row number. */
  addRow(cells: readonly string[], row: number): void {
    const c = (f: EventField) => {
      const i = this.at[f];
      const v = i === undefined || i < 0 ? undefined : cells[i];
      return v ? v.trim() : '';
    };
    if (isBlankRow(cells)) return;
    this.rows++;
    const kind = kindOf(c('kind'), this.opts.defaultKind);
    if (!kind) return this.skipKind(c('kind'));
    const timeRaw = c('time');
    const at = this.times.read(timeRaw, row);
    if (!at) return this.error(row, timeProblem(timeRaw, TIME_EXAMPLE));
    const email = c('email');
    if (!email) return void this.noEmail++;
    this.events.push({ kind, at, sku: c('sku').toUpperCase().slice(0, 64), email });
  }

  private skipKind(name: string): void {
    // A file of many kinds is named by its first 20; the rest are counted together.
    const key = this.otherKinds.has(name) || this.otherKinds.size < 20 ? name.slice(0, 60) : '…';
    this.otherKinds.set(key, (this.otherKinds.get(key) ?? 0) + 1);
  }

  finish() {
    const dates = this.times.settle(this.problems, TIME_EXAMPLE);
    const events: DraftEvent[] = [];
    for (const { at, ...e } of this.events) {
      // A time that could not be read was reported on its row.
      const time = timeOf(at);
      if (time) events.push({ ...e, t: time.t });
    }
    const skipped: SkippedEvents = { kinds: [...this.otherKinds], noEmail: this.noEmail };
    return { events, problems: this.problems, rows: this.rows, skipped, dates };
  }
}
