// Rolling backups: userData/backups/<workspaceId>/<time>-<checksum>.cadence, bounded by both
// count (the newest ten) and age (30 days; the newest backup is kept however old it is).

export const BACKUPS_KEPT = 10;
export const BACKUP_MAX_AGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^(\d{8}T\d{9}Z)-([0-9a-f]{12})\.cadence$/;

/** A sortable name: UTC time to the millisecond, then the start of the content's checksum. */
export function backupFileName(now: number, sha256: string): string {
  const iso = new Date(now).toISOString(); // 2026-11-21T23:46:45.123Z
  const stamp = iso.replace(/[-:]/g, '').replace('.', ''); // 20261121T234645123Z
  return `${stamp}-${sha256.slice(0, 12)}.cadence`;
}

export function parseBackupFileName(name: string): { stamp: string; checksum: string } | null {
  const m = NAME.exec(name);
  return m ? { stamp: m[1]!, checksum: m[2]! } : null;
}

/** When a backup was written (ms since the epoch), from its name. */
export function backupTime(name: string): number | null {
  const stamp = parseBackupFileName(name)?.stamp;
  if (!stamp) return null;
  const [, y, mo, d, h, mi, s, ms] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/.exec(
    stamp,
  )!;
  return Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, +ms!);
}

/**
 * Which backups to keep and which to delete: at most the newest `keep`, and none older than
 * `maxAgeDays` before `now` except the newest one (a workspace left alone for months keeps
 * its last backup). Files that are not backups (a note the user dropped there) are never
 * touched.
 */
export function planRotation(
  names: readonly string[],
  keep = BACKUPS_KEPT,
  now: number = Date.now(),
  maxAgeDays = BACKUP_MAX_AGE_DAYS,
): { kept: string[]; removed: string[] } {
  const backups = names.filter((n) => parseBackupFileName(n) !== null).sort();
  const oldest = now - maxAgeDays * DAY_MS;
  const kept = backups
    .slice(Math.max(0, backups.length - keep))
    .filter((n, i, all) => i === all.length - 1 || (backupTime(n) ?? 0) >= oldest);
  return { kept, removed: backups.filter((n) => !kept.includes(n)) };
}

/** The newest backup's name, if any. */
export function latestBackup(names: readonly string[]): string | null {
  const backups = names.filter((n) => parseBackupFileName(n) !== null).sort();
  return backups.at(-1) ?? null;
}
