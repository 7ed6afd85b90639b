import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupTime,
  latestBackup,
  parseBackupFileName,
  planRotation,
} from './rotation';

const sha = 'a1b2c3d4e5f6'.padEnd(64, '0');

describe('backupFileName', () => {
  it('is sortable by time and carries the start of the checksum', () => {
    const name = backupFileName(Date.UTC(2026, 10, 21, 23, 46, 45, 123), sha);
    expect(name).toBe('20261121T234645123Z-a1b2c3d4e5f6.cadence');
    expect(parseBackupFileName(name)).toEqual({
      stamp: '20261121T234645123Z',
      checksum: 'a1b2c3d4e5f6',
    });
    expect(backupFileName(Date.UTC(2026, 10, 21, 23, 46, 45, 124), sha) > name).toBe(true);
  });
});

describe('planRotation', () => {
  const names = Array.from({ length: 13 }, (_, i) =>
    backupFileName(Date.UTC(2026, 0, 1, 0, 0, i), sha),
  );

  // A day after the backups above were written.
  const soon = Date.UTC(2026, 0, 2);

  it('keeps the newest ten and removes the oldest', () => {
    const shuffled = [...names].reverse();
    const { kept, removed } = planRotation(shuffled, 10, soon);
    expect(kept).toEqual(names.slice(3));
    expect(removed).toEqual(names.slice(0, 3));
  });

  it('removes nothing while there are ten or fewer', () => {
    expect(planRotation(names.slice(0, 10), 10, soon).removed).toEqual([]);
    expect(planRotation([], 10, soon)).toEqual({ kept: [], removed: [] });
  });

  it('never touches files that are not backups', () => {
    const { kept, removed } = planRotation(
      [...names, 'notes.txt', 'export.cadence', '.DS_Store'],
      2,
      soon,
    );
    expect([...kept, ...removed]).not.toContain('notes.txt');
    expect([...kept, ...removed]).not.toContain('export.cadence');
    expect(kept).toEqual(names.slice(11));
  });

  it('removes backups older than 30 days, but never the newest one', () => {
    const day = (d: number) => backupFileName(Date.UTC(2026, 0, d, 12), sha);
    const written = [day(1), day(5), day(20), day(40), day(41)];
    // On 15 February, 30 days back is 16 January.
    const feb15 = Date.UTC(2026, 1, 15, 12);
    expect(planRotation(written, 10, feb15)).toEqual({
      kept: [day(20), day(40), day(41)],
      removed: [day(1), day(5)],
    });
    // A workspace left alone for a year keeps its last backup, and only that one.
    expect(planRotation(written, 10, Date.UTC(2027, 0, 1)).kept).toEqual([day(41)]);
    // Count still bounds a busy month.
    expect(planRotation(written, 2, feb15).kept).toEqual([day(40), day(41)]);
  });

  it('reads the time a backup was written from its name', () => {
    const at = Date.UTC(2026, 10, 21, 23, 46, 45, 123);
    expect(backupTime(backupFileName(at, sha))).toBe(at);
    expect(backupTime('notes.txt')).toBeNull();
  });

  it('finds the newest backup', () => {
    expect(latestBackup(['notes.txt', ...names.slice(0, 4).reverse()])).toBe(names[3]);
    expect(latestBackup(['notes.txt'])).toBeNull();
  });
});
