/**
 * Reads an amount as shops and spreadsheets write it: `123.45`, `1,234.50`, `1.234,50`,
 * `€ 12,00`, `-5`, `(5.00)`. Blank is null; anything else is NaN (a row error).
 */
export function parseAmount(raw: string): number | null {
  let s = raw.trim();
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/[^\d.,-]/g, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s)) return Number.NaN;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both separators: the last one is the decimal point.
    const dec = lastDot > lastComma ? '.' : ',';
    const thousands = dec === '.' ? ',' : '.';
    s = s.split(thousands).join('').replace(dec, '.');
  } else if (lastComma >= 0) {
    // Only commas: a decimal comma when one comma has 1–2 digits after it, else thousands.
    const parts = s.split(',');
    s = parts.length === 2 && parts[1]!.length <= 2 ? parts.join('.') : parts.join('');
  }
  const n = Number(s);
  if (!Number.isFinite(n)) return Number.NaN;
  return Math.round((negative ? -n : n) * 100) / 100;
}

/** Reads a whole, non-negative quantity; blank is null, anything else NaN. */
export function parseQuantity(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  return /^\d{1,7}$/.test(s) ? Number(s) : Number.NaN;
}
