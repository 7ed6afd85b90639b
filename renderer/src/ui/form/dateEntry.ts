import { isPlanYear, PLAN_YEAR_MESSAGE } from '../../../../shared/model';

/** What a date box holds right now, read from its value and whether the browser finds it partial. */
export type DateEntry =
  { kind: 'empty' } | { kind: 'partial' } | { kind: 'implausible' } | { kind: 'date'; iso: string };

/**
 * Reads a native date input. Chromium reports a half-typed date as value "" with
 * `validity.badInput`, and a year still being typed as a complete date in year 2, 20, 202:
 * only a real day in a plausible year counts as a date.
 */
export function readDateEntry(value: string, badInput: boolean): DateEntry {
  if (value === '') return badInput ? { kind: 'partial' } : { kind: 'empty' };
  if (!/^\d{4,}-\d{2}-\d{2}$/.test(value)) return { kind: 'partial' };
  if (!isPlanYear(Number(value.slice(0, value.length - 6)))) return { kind: 'implausible' };
  return { kind: 'date', iso: value };
}

/** 14 March of the current year written the way this locale's date boxes show dates. */
export function exampleDate(locale?: string, year = new Date().getFullYear()): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(year, 2, 14));
}

/**
 * The message for an entry that cannot be saved, in the field's own format. The browser reads
 * a day that does not exist (02/29/2027, 04/31) exactly as a half-typed date, so the one
 * message covers both.
 */
export function dateEntryMessage(entry: DateEntry, locale?: string): string | null {
  if (entry.kind === 'partial') {
    return `Finish the date, like ${exampleDate(locale)}, on a day that exists.`;
  }
  if (entry.kind === 'implausible') return PLAN_YEAR_MESSAGE;
  return null;
}
