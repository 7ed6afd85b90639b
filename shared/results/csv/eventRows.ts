import { INTEREST_KINDS, type InterestKind } from '../interest';
import { columnPositions, type EventField, type Mapping } from './fields';
import { RowProblems } from './rowProblems';
import { parseShopTime } from './parseTime';
import { isBlankRow } from './blankRow';

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

/** Reads an email-click or wishlist export row by row (see OrderRowReader). */
export class EventRowReader {
  private readonly events: DraftEvent[] = [];
  private readonly problems = new RowProblems();
  private readonly at: Record<EventField, number>;
  rows = 0;

  constructor(
    mapping: Mapping<EventField>,
    headers: readonly string[],
    private readonly opts: { timeZone: string; defaultKind: InterestKind },
  ) {
    this.at = columnPositions(mapping, headers);
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
    const email = c('email');
    if (!email) return this.error(row, 'No customer email.');
    const timeRaw = c('time');
    const time = parseShopTime(timeRaw, this.opts.timeZone);
    if (!time) return this.error(row, `"${timeRaw}" is not a time.`);
    const kind = kindOf(c('kind'), this.opts.defaultKind);
    if (!kind) return this.error(row, `Unknown event type "${c('kind')}" (click or wishlist).`);
    this.events.push({ kind, t: time.t, sku: c('sku').toUpperCase().slice(0, 64), email });
  }

  finish() {
    return {
      events: this.events,
      problems: this.problems,
      rows: this.rows,
    };
  }
}
