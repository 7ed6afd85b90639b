import { describe, expect, it } from 'vitest';
import { runSyncProfile, SYNC_TIMEOUT_MS } from './syncProfiles';

// Seeded scenarios through the shipped sync path (syncNet.ts); split over two files so they
// run on two cores. 11,400 in all; CADENCE_SYNC_CASES=N runs N per profile.
describe('sync scenarios through the shipped sync path', () => {
  it(
    'small team, lively network: copies agree, nothing refused, every drop placed once',
    async () => {
      const { cases, totals, summary } = await runSyncProfile('small team, lively network');
      console.log(summary);
      expect(totals.refused).toBe(0);
      expect(totals.delivered).toBeGreaterThan(cases * 10);
    },
    SYNC_TIMEOUT_MS,
  );

  it(
    'framed catch-ups: large first syncs leave in frames, paced, and arrive whole',
    async () => {
      const { cases, totals, summary } = await runSyncProfile('framed catch-ups');
      console.log(summary);
      expect(totals.refused).toBe(0);
      expect(totals.frames).toBeGreaterThan(cases);
    },
    SYNC_TIMEOUT_MS,
  );

  it(
    'stage churn: stages added, renamed, reordered and removed at once; every drop placed once',
    async () => {
      const { cases, totals, summary } = await runSyncProfile('stage churn');
      console.log(summary);
      expect(totals.refused).toBe(0);
      expect(totals.stageEdits).toBeGreaterThan(cases);
    },
    SYNC_TIMEOUT_MS,
  );
});
