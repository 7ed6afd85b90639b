import { describe, expect, it } from 'vitest';
import { runSyncProfile, SYNC_TIMEOUT_MS } from './syncProfiles';

// See sync-scenarios-a.test.ts.
describe('sync scenarios through the shipped sync path', () => {
  it(
    'bigger team, faults and late joiners: copies agree, nothing refused, every drop placed once',
    async () => {
      const { totals, summary } = await runSyncProfile('bigger team, faults and late joiners');
      console.log(summary);
      expect(totals.refused).toBe(0);
      expect(
        totals.linkDrops + totals.partitions + totals.lateJoins + totals.leaves,
      ).toBeGreaterThan(0);
    },
    SYNC_TIMEOUT_MS,
  );

  it(
    'concurrent moves: the same cards moved at once by two or three people land once each',
    async () => {
      const { cases, totals, summary } = await runSyncProfile('concurrent moves');
      console.log(summary);
      expect(totals.refused).toBe(0);
      expect(totals.ops).toBeGreaterThan(cases * 3);
    },
    SYNC_TIMEOUT_MS,
  );

  it(
    'undo and redo mixed in: undoing my edits beside a teammate’s keeps copies equal and every drop placed',
    async () => {
      const { cases, totals, summary } = await runSyncProfile('undo and redo mixed in');
      console.log(summary);
      expect(totals.refused).toBe(0);
      expect(totals.undos).toBeGreaterThan(cases / 2);
    },
    SYNC_TIMEOUT_MS,
  );
});
