import { isValidTimeZone } from '../../cadence/days';

// Square (and other Rails-built shops) name a zone as Rails does, "Pacific Time (US & Canada)".
// Only names whose zone is beyond doubt are read; any other is left to the workspace's zone.
const LABELS: Record<string, string> = {
  'pacific time (us & canada)': 'America/Los_Angeles',
  'mountain time (us & canada)': 'America/Denver',
  'central time (us & canada)': 'America/Chicago',
  'eastern time (us & canada)': 'America/New_York',
  'atlantic time (canada)': 'America/Halifax',
  newfoundland: 'America/St_Johns',
  arizona: 'America/Phoenix',
  alaska: 'America/Juneau',
  hawaii: 'Pacific/Honolulu',
  london: 'Europe/London',
  edinburgh: 'Europe/London',
  dublin: 'Europe/Dublin',
  paris: 'Europe/Paris',
  madrid: 'Europe/Madrid',
  tokyo: 'Asia/Tokyo',
  sydney: 'Australia/Sydney',
  melbourne: 'Australia/Melbourne',
  brisbane: 'Australia/Brisbane',
  adelaide: 'Australia/Adelaide',
  perth: 'Australia/Perth',
  auckland: 'Pacific/Auckland',
  utc: 'UTC',
};

// "(GMT-08:00) Pacific Time (US & Canada)": the offset is the zone's in winter only, so the
// name after it is what is read.
const OFFSET_PREFIX = /^\((?:GMT|UTC)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?\)\s*/i;

/**
 * The IANA zone a Time Zone column names: an IANA name (`Europe/London`) or a label Square
 * writes (`Pacific Time (US & Canada)`); null when it names none for sure.
 */
export function zoneOfLabel(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  // An area and a place (`Europe/London`): abbreviations such as EST are fixed offsets to the
  // runtime, though people write them for Eastern time all year.
  if (s.includes('/') && isValidTimeZone(s)) return s;
  const label = s.replace(OFFSET_PREFIX, '').replace(/\s+/g, ' ').toLowerCase();
  return LABELS[label] ?? null;
}
