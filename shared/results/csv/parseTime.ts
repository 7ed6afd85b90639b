import { wallTimeIn } from '../../cadence/wallTime';
import { slashDate, slashDateToIso, orderWords, type DateOrder } from './slashDates';
import { monthNameToIso } from './monthNames';

/** An instant read from a shop export, with the offset it was written in (minutes east of UTC). */
export interface ParsedTime {
  t: number;
  off: number;
}

// 2026-04-05 21:06:21 +0400 (Shopify), 2026-04-05T21:06:21+04:00 / Z (ISO), 2026-04-05 21:06
// (WooCommerce, no offset), 2026-04-05 (a spreadsheet's date). Optional fractions of a second,
// and a 12-hour clock (2:02 PM, as Excel in the US writes it).
const RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AP])\.?M\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

// 05.04.2026 21:06 (a German or Swiss spreadsheet: day first, dots, never month first) as
// 2026-04-05 21:06. Slashes are read as the file's order says (see slashDates.ts).
const DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?=$|[ T])/;
function dayFirstToIso(s: string): string {
  const m = DAY_FIRST.exec(s);
  if (!m) return s;
  const [whole, d, mo, y] = m;
  return `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}${s.slice(whole.length)}`;
}

/**
 * Reads a time as shops export it. A written offset is honoured exactly (the same wall time in
 * +04:00 and -07:00 are different instants); a time without an offset is read in the
 * workspace's zone, daylight saving included. A date with slashes is read in `order` (none: it
 * is not read). Null when it is not a time.
 */
export function parseShopTime(
  raw: string,
  tz: string,
  order: DateOrder | null = null,
): ParsedTime | null {
  // Also a date with the month's name (`September 1, 2026 10:00 am`), which is never ambiguous.
  const m = RE.exec(slashDateToIso(dayFirstToIso(monthNameToIso(raw.trim())), order));
  if (!m) return null;
  const [, y, mo, d, h12 = '0', mi = '0', s = '0', half, zone] = m;
  const h = half ? hourOf12(Number(h12), half.toUpperCase() === 'P') : Number(h12);
  if (Number.isNaN(h)) return null;
  const parts = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [Y, M, D, H, MI, S] = parts;
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || MI > 59 || S > 59) return null;
  const utcGuess = Date.UTC(Y, M - 1, D, H, MI, S);
  // A day that does not exist (31 April) rolls over in Date.UTC: refuse it.
  if (new Date(utcGuess).getUTCDate() !== D) return null;
  if (zone) {
    let off = 0;
    if (!/^(Z|UTC|GMT)$/i.test(zone)) {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2, 4));
      if (oh > 14 || om > 59) return null;
      off = sign * (oh * 60 + om);
    }
    return { t: utcGuess - off * 60_000, off };
  }
  const t = wallTimeIn(utcGuess, tz);
  return { t, off: Math.round((utcGuess - t) / 60_000) };
}

// 12 AM is midnight, 12 PM noon; an hour past 12 is no 12-hour time.
function hourOf12(h: number, pm: boolean): number {
  if (h < 1 || h > 12) return NaN;
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * Why a value is not a time, for the report. A date with slashes (Etsy's `03/10/26`) is read in
 * the order the file shows or the person chose (`order`); without one it reads either way, and
 * the report says so. Anything else gets an example of a time.
 */
export function timeProblem(raw: string, example: string, order: DateOrder | null = null): string {
  if (slashDate(raw.trim())) {
    if (!order) {
      return `"${raw}" is a date with slashes and nothing says whether it is month or day first: choose which when importing, or write it as 2026-04-05.`;
    }
    return `"${raw}" is not a date read ${orderWords(order)}, as this file's dates are.`;
  }
  return `"${raw}" is not a time (expected like ${example}).`;
}

/** Formats an instant as the shop wrote it: local wall time at its own offset. */
export function formatWithOffset(t: number, off: number): string {
  const d = new Date(t + off * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${sign}${p(Math.floor(a / 60))}${p(a % 60)}`;
}
