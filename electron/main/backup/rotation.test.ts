import { describe, expect, it } from 'vitest';
import { backupFileName, latestBackup, parseBackupFileName, planRotation } from './rotation';

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

  it('keeps the newest ten and removes the oldest', () => {
    const shuffled = [...names].reverse();
    const { kept, removed } = planRotation(shuffled, 10);
    expect(kept).toEqual(names.slice(3));
    expect(removed).toEqual(names.slice(0, 3));
  });

  it('removes nothing while there are ten or fewer', () => {
    expect(planRotation(names.slice(0, 10), 10).removed).toEqual([]);
    expect(planRotation([], 10)).toEqual({ kept: [], removed: [] });
  });

  it('never touches files that are not backups', () => {
    const { kept, removed } = planRotation(
      [...names, 'notes.txt', 'export.cadence', '.DS_Store'],
      2,
    );
    expect([...kept, ...removed]).not.toContain('notes.txt');
    expect([...kept, ...removed]).not.toContain('export.cadence');
    expect(kept).toEqual(names.slice(11));
  });

  it('finds the newest backup', () => {
    expect(latestBackup(['notes.txt', ...names.slice(0, 4).reverse()])).toBe(names[3]);
    expect(latestBackup(['notes.txt'])).toBeNull();
  });
});
