// Calendar-day arithmetic on ISO dates (yyyy-MM-dd). Days are zone-free labels here, so UTC
// arithmetic is exact (no daylight-saving hour can move a day).
const DAY_MS = 86_400_000;

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(toUtc(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sat 14 Mar 2026": the way a brief shows a date to a creator (same on every machine). */
export function formatDay(day: string | null): string {
  if (!day) return '—';
  const d = new Date(toUtc(day));
  if (Number.isNaN(d.getTime())) return '—';
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
