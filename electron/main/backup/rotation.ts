// Rolling backups: userData/backups/<workspaceId>/<time>-<checksum>.cadence, newest N kept.

export const BACKUPS_KEPT = 10;
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

/**
 * Which backups to keep and which to delete: the newest `keep` by time; files that are not
 * backups (a note the user dropped there) are never touched.
 */
export function planRotation(
  names: readonly string[],
  keep = BACKUPS_KEPT,
): { kept: string[]; removed: string[] } {
  const backups = names.filter((n) => parseBackupFileName(n) !== null).sort();
  const cut = Math.max(0, backups.length - keep);
  return { kept: backups.slice(cut), removed: backups.slice(0, cut) };
}

/** The newest backup's name, if any. */
export function latestBackup(names: readonly string[]): string | null {
  const backups = names.filter((n) => parseBackupFileName(n) !== null).sort();
  return backups.at(-1) ?? null;
}
