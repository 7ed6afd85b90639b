import { describe, expect, it } from 'vitest';
import { runProfile } from './profiles';

// The random cases are split over two files so they run on two cores.
describe('convergence harness', () => {
  it('small team with partitions: random cases converge with the board invariants', () => {
    const { cases, summary } = runProfile('small team with partitions');
    console.log(summary);
    expect(cases).toBeGreaterThan(0);
  });
});
