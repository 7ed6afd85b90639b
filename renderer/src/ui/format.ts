import { formatMoney } from '../../../shared/model';
import { parseShopTime } from '../../../shared/results';

// Building an Intl formatter costs far more than formatting with it (a Results view of 200
// drops formats about a thousand times): each is built once per set of options.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter<T extends Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}

/** Money for people in the reader's locale: "€1,234" (no cents from 1,000 up); shared/model/money. */
export function money(n: number, currency: string): string {
  return formatMoney(n, currency);
}

/** "1 order", "2 orders", "1,500 orders", "1.5 orders" (a split attribution). */
export function counted(n: number, one: string, many: string): string {
  const figure = Number.isInteger(n) ? n.toLocaleString() : n.toFixed(1);
  return `${figure} ${n === 1 ? one : many}`;
}

/** A count that may be fractional (split attribution): "5" or "5.5". */
export function count(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function pct(n: number | null): string {
  return n === null ? '—' : `${Number.isInteger(n) ? n : n.toFixed(1)} %`;
}

export function hours(n: number | null): string {
  return n === null ? '—' : `${Number.isInteger(n) ? n : n.toFixed(1)} h`;
}

/** An instant as a `datetime-local` value in the workspace's zone. */
export function toLocalInput(t: number, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}

/** A `datetime-local` value read in the workspace's zone; null when blank or invalid. */
export function fromLocalInput(value: string, tz: string): number | null {
  return value ? (parseShopTime(value.replace('T', ' '), tz)?.t ?? null) : null;
}

/** The year of an instant in a zone. */
function yearIn(t: number, tz: string): string {
  return formatter(
    `year|${tz}`,
    () => new Intl.DateTimeFormat('en', { timeZone: tz, year: 'numeric' }),
  ).format(t);
}

/**
 * An instant for people, in the workspace's zone: "Fri 27 Mar, 18:00", with the year when it
 * is not this year's ("Fri 27 Mar 2026, 18:00"). `day`: the day alone, for an all-day launch.
 */
export function when(t: number, tz: string, opts: { day?: boolean; now?: number } = {}): string {
  const year = yearIn(t, tz) !== yearIn(opts.now ?? Date.now(), tz);
  const key = `when|${tz}|${year ? 'y' : ''}|${opts.day ? 'd' : 't'}`;
  return formatter(
    key,
    () =>
      new Intl.DateTimeFormat(undefined, {
        timeZone: tz,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        ...(year ? { year: 'numeric' } : {}),
        ...(opts.day ? {} : { hour: '2-digit', minute: '2-digit' }),
      }),
  ).format(t);
}

/**
 * A launch for people: the day alone when it is at midnight in the zone (an all-day launch),
 * else the day and time.
 */
export function launchWhen(t: number, tz: string): string {
  return when(t, tz, { day: toLocalInput(t, tz).endsWith('T00:00') });
}

/**
 * A day for chart axes: "27 Mar" (in the zone the instant was placed in), or "27 Mar 2026"
 * when the axis spans more than one year.
 */
export function dayLabel(t: number, withYear = false): string {
  return formatter(
    withYear ? 'day|y' : 'day',
    () =>
      new Intl.DateTimeFormat(undefined, {
        day: 'numeric',
        month: 'short',
        // The whole year: "Aug 31, 26" reads like a day.
        ...(withYear ? { year: 'numeric' } : {}),
      }),
  ).format(t);
}
