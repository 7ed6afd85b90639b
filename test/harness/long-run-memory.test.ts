import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runSyncCases, SYNC_PROFILES } from './syncProfiles';

// The long runs test/README.md documents (100,000 scenarios, hours) must fit in memory: each
// scenario's peers and documents are let go once it is over. This runs 150 of the lightest
// profile's scenarios and compares the heap after a full collection with the heap after the
// first ten. Before scenarios let simple-peer's queued callbacks drain (see runSyncCases), the
// heap grew by about 0.25 MB a scenario (some 35 MB here) and a run of 5,000 a profile died
// at 4 GB.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = () => {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

describe('a long run of sync scenarios', () => {
  it('keeps its memory flat: scenarios that are over hold nothing', async () => {
    const profile = SYNC_PROFILES.find((p) => p.name === 'small team, lively network')!;
    let ran = 0;
    let warm = 0;
    await runSyncCases(profile, 31_000_000, 150, () => {
      ran++;
      if (ran === 10) warm = heapMB();
    });
    const grew = heapMB() - warm;
    expect(ran).toBe(150);
    expect(grew).toBeLessThan(10);
  }, 300_000);
});
