import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { isValidTimeZone } from '../cadence/days';

// How history names values in the product's words (no DOM, no locale data needed).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-06-03` → `3 Jun 2026`; null → `not set`. */
export function dayWords(iso: string | null | undefined): string {
  if (!iso) return 'not set';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** An instant as a day and a wall time in `tz`: `20 Mar 2026 09:00`. */
export function momentWords(at: number, tz: string): string {
  const local = new TZDate(at, isValidTimeZone(tz) ? tz : 'UTC');
  return `${dayWords(format(local, 'yyyy-MM-dd'))} ${format(local, 'HH:mm')}`;
}

/** A title or name in curly quotes, cut to a readable length. */
export function quoted(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > 60 ? `${clean.slice(0, 59)}…` : clean}”`;
}

/** A byte count as people read it: `812 B`, `14 KB`, `2.3 MB`. */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
