/**
 * Dates written with slashes: `03/10/2026` is 10 March to a US shop (Etsy, Excel in the US) and
 * 3 October to most others. Which order a file uses is read from its own values (a part above
 * 12 can only be a day), else chosen by the person importing it; never guessed silently.
 */
export type DateOrder = 'month-first' | 'day-first';

export const DATE_ORDERS: readonly DateOrder[] = ['month-first', 'day-first'];

/** The two numbers before the year of a slash date, and the year (two digits read as 20xx). */
export interface SlashDate {
  first: number;
  second: number;
  year: number;
  /** The characters of the date itself; the time after it is read as any other. */
  length: number;
}

// 03/10/26, 3/10/2026, 03/10/2026 14:02 (a time may follow after a space or a T).
const SLASHES = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?=$|[ T])/;
// 2026/03/10: year first, which is always followed by the month.
const YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?=$|[ T])/;

/** A day-or-month-first slash date at the start of a value, or null. */
export function slashDate(raw: string): SlashDate | null {
  const m = SLASHES.exec(raw);
  if (!m) return null;
  const [whole, a, b, y] = m;
  const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
  return { first: Number(a), second: Number(b), year, length: whole.length };
}

/** The order only one reading of a date allows (a part above 12 is the day), or null. */
export function orderShown(d: SlashDate): DateOrder | null {
  const { first, second } = d;
  if (first > 12 && second >= 1 && second <= 12) return 'day-first';
  if (second > 12 && first >= 1 && first <= 12) return 'month-first';
  return null;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * A value with its slash date rewritten as ISO (`2026-03-10 14:02`) for the time reader: year
 * first always, month or day first as `order` says. Unchanged without an order, so a date that
 * reads either way is never taken for one of them.
 */
export function slashDateToIso(raw: string, order: DateOrder | null): string {
  const y = YEAR_FIRST.exec(raw);
  if (y) return `${y[1]}-${pad(y[2]!)}-${pad(y[3]!)}${raw.slice(y[0].length)}`;
  const d = order && slashDate(raw);
  if (!d) return raw;
  const [month, day] = order === 'month-first' ? [d.first, d.second] : [d.second, d.first];
  return `${d.year}-${pad(month)}-${pad(day)}${raw.slice(d.length)}`;
}

/**
 * The order a reader in `locale` writes dates in (en-US: month first; en-GB, de, fr: day
 * first), from how the platform formats a date there: the guess offered when a file does not say.
 */
export function localeDateOrder(locale: string): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(Date.UTC(2026, 2, 25, 12)));
    const at = (type: string) => parts.findIndex((p) => p.type === type);
    return at('month') < at('day') ? 'month-first' : 'day-first';
  } catch {
    return 'day-first';
  }
}

/** "month first" or "day first", for messages. */
export const orderWords = (order: DateOrder) =>
  order === 'month-first' ? 'month first' : 'day first';
