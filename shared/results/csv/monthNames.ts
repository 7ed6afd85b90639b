// Dates written with the month's English name, as WordPress's default date format writes them
// (`September 1, 2026 10:00 am`), as do e-mail headers and other exports (`Tue, 01 Sep 2026
// 10:00:00 +0000`, `1 Sep 2026`, `01-Sep-2026`). The name says which part is the month, so
// such a date is never ambiguous. Every value of a file written so was once "not a time", and
// the whole file was refused.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The month (1–12) an English name or its abbreviation (`Sep`, `Sept`, `September`) names. */
function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
// Sep 1, 2026 · September 01 2026
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?=$|[\s,T])/;
// 1 Sep 2026 · 01-Sep-2026 · 1st September, 2026
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})(?=$|[\s,T])/;

/**
 * A date with the month's name at the start of a value rewritten as `2026-09-01`, with what
 * follows it (its time and offset; a comma or "at" before the time is dropped). Any other
 * value is returned as it is.
 */
export function monthNameToIso(raw: string): string {
  // Most exports write ISO dates: those are left at once (this runs for every row).
  if (/^\d{4}-/.test(raw)) return raw;
  const s = raw.replace(WEEKDAY, '');
  let m = MONTH_FIRST.exec(s);
  let month: number | null = null;
  let day = '';
  if (m) {
    month = monthOf(m[1]!);
    day = m[2]!;
  } else if ((m = DAY_FIRST.exec(s))) {
    month = monthOf(m[2]!);
    day = m[1]!;
  }
  if (!m || month === null) return raw;
  const rest = s
    .slice(m[0].length)
    .replace(/^,?\s*(?:at\s+)?/i, ' ')
    .trimEnd();
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return rest.trim() ? `${iso}${rest}` : iso;
}
