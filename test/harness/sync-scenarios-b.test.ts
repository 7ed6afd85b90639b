import { describe, expect, it } from 'vitest';
import { runSyncProfile } from './syncProfiles';

// See sync-scenarios-a.test.ts.
describe('sync scenarios through the shipped sync path', () => {
  it('bigger team, faults and late joiners: copies agree, nothing refused, every drop placed once', async () => {
    const { totals, summary } = await runSyncProfile('bigger team, faults and late joiners');
    console.log(summary);
    expect(totals.refused).toBe(0);
    expect(totals.linkDrops + totals.partitions + totals.lateJoins + totals.leaves).toBeGreaterThan(
      0,
    );
  }, 1_800_000);
});
