import { isKnownCurrency } from '../../model/money';

// An amount may carry one currency mark before or after it: a symbol (€, $, £, ¥…) or an
// ISO code this runtime knows (EUR, USD…). Anything else beside the digits is a row error, so
// `64.OO` or `12abc` is reported instead of read as 64 or 12.
const AMOUNT =
  /^(?<minus1>-?)(?<before>\p{Sc}|[A-Z]{3})?(?<minus2>-?)(?<digits>[\d.,]+)(?<after>\p{Sc}|[A-Z]{3})?$/u;
const isCurrencyMark = (mark: string) => /^\p{Sc}$/u.test(mark) || isKnownCurrency(mark);

/**
 * Reads an amount as shops and spreadsheets write it: `123.45`, `1,234.50`, `1.234,50`,
 * `€ 12,00`, `12.00 EUR`, `1 234,50`, `-5`, `(5.00)`. Blank is null; anything else is NaN
 * (a row error).
 */
export function parseAmount(raw: string): number | null {
  let s = raw.trim();
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // Spaces (also no-break and thin ones) group thousands or part the number from its currency.
  const g = AMOUNT.exec(s.replace(/\s/g, ''))?.groups;
  if (!g || (g.minus1 && g.minus2) || (g.before && g.after)) return Number.NaN;
  const mark = g.before ?? g.after;
  if (mark && !isCurrencyMark(mark)) return Number.NaN;
  if (g.minus1 || g.minus2) negative = !negative;
  s = g.digits!;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both separators: the last one is the decimal point.
    const dec = lastDot > lastComma ? '.' : ',';
    const thousands = dec === '.' ? ',' : '.';
    s = s.split(thousands).join('').replace(dec, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    // One kind of separator, commas or dots alike: thousands when it groups digits by three
    // (`1,234`, `1.234`, `12.345.678`), else a single one is the decimal point (`12,5`, `0.125`).
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const grouped = parts.slice(1).every((p) => p.length === 3) && /^[1-9]\d{0,2}$/.test(parts[0]!);
    if (grouped) s = parts.join('');
    else if (parts.length === 2) s = parts.join('.');
    else return Number.NaN;
  }
  const n = Number(s);
  if (!Number.isFinite(n)) return Number.NaN;
  return Math.round((negative ? -n : n) * 100) / 100;
}

/**
 * Reads a whole quantity, negative for units that came back (`-1`, or `−1` with a typographic
 * minus as some spreadsheets write it), also with a zero decimal part (`1.0`, as Square's item
 * export writes every quantity, or `2,00`); blank is null, anything else NaN (`1.5`, and
 * `1.000`, which may be a thousand).
 */
export function parseQuantity(raw: string): number | null {
  const s = raw.trim().replace(/^\u2212/, '-');
  if (s === '') return null;
  const m = /^(-?\d{1,7})(?:[.,]0{1,2})?$/.exec(s);
  if (!m) return Number.NaN;
  // `-0` is no return.
  return Number(m[1]) || 0;
}
