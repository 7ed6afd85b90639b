import { describe, expect, it } from 'vitest';
import { snapshotsToPrune, type SnapshotSize } from './budget';

const snap = (
  id: string,
  kind: SnapshotSize['kind'],
  createdAt: number,
  size = 10,
): SnapshotSize => ({
  id,
  kind,
  createdAt,
  size,
});

describe('snapshotsToPrune', () => {
  it('keeps everything within the budget', () => {
    expect(
      snapshotsToPrune([snap('a', 'daily', 1), snap('b', 'named', 2)], {
        automatic: 2,
        bytes: 100,
      }),
    ).toEqual([]);
  });

  it('prunes the oldest automatic snapshots past the count, never a named one', () => {
    const all = [
      snap('n1', 'named', 0),
      snap('d1', 'daily', 1),
      snap('i1', 'before-import', 2),
      snap('d2', 'daily', 3),
      snap('r1', 'before-restore', 4),
    ];
    expect(snapshotsToPrune(all, { automatic: 2, bytes: 1000 })).toEqual(['d1', 'i1']);
  });

  it('prunes automatic snapshots until the total fits, keeping the newest', () => {
    const all = [
      snap('n1', 'named', 0, 40),
      snap('d1', 'daily', 1, 40),
      snap('d2', 'daily', 2, 40),
      snap('d3', 'daily', 3, 40),
    ];
    expect(snapshotsToPrune(all, { automatic: 10, bytes: 100 })).toEqual(['d1', 'd2']);
    // Named snapshots alone over the budget: the newest automatic one still stays.
    expect(
      snapshotsToPrune([snap('n1', 'named', 0, 500), snap('d1', 'daily', 1, 40)], {
        automatic: 10,
        bytes: 100,
      }),
    ).toEqual([]);
  });
});
