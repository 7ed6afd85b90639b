import { TZDate } from '@date-fns/tz';

// Wall-clock times in a zone, decided the same way in every zone where clocks change.

const DAY_MS = 86_400_000;
// Zones change offset only on a quarter hour (UTC), so each quarter hour is looked up once:
// an export without offsets asks for the same few thousand quarters on every row.
const QUARTER_MS = 900_000;
const offsets = new Map<string, Map<number, number>>();
/** The zone's offset at an instant, in minutes east of UTC. */
function zoneOffset(t: number, tz: string): number {
  let zone = offsets.get(tz);
  if (!zone || zone.size > 200_000) offsets.set(tz, (zone = new Map()));
  const quarter = Math.floor(t / QUARTER_MS);
  let off = zone.get(quarter);
  if (off === undefined)
    zone.set(quarter, (off = -new TZDate(quarter * QUARTER_MS, tz).getTimezoneOffset()));
  return off;
}

/**
 * The instant a wall time (given as if it were UTC: `Date.UTC(y, m, d, h, min)`) names in `tz`.
 * When clocks go back, the hour that happens twice is read as its first time (summer time); a
 * time in the hour skipped when they go forward is read with the offset before the change
 * (02:30 → 03:30 summer time), as JavaScript's Temporal does ("compatible"). Decided here, as
 * zone libraries differ on it.
 */
export function wallTimeIn(wall: number, tz: string): number {
  const before = zoneOffset(wall - DAY_MS, tz);
  const after = zoneOffset(wall + DAY_MS, tz);
  const fits = (off: number) => zoneOffset(wall - off * 60_000, tz) === off;
  const candidates = [before, after].filter(fits).map((off) => wall - off * 60_000);
  return candidates.length ? Math.min(...candidates) : wall - before * 60_000;
}
