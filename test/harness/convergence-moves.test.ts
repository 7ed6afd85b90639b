import { describe, expect, it } from 'vitest';
import { runProfile, runSeed } from './profiles';

// The random cases are split over two files so they run on two cores.
describe('convergence harness', () => {
  // Seeds that once found a bug; they stay as regression cases.
  // runSeed throws (naming the seed) when peers diverge or a board invariant breaks; the case
  // must still play the operations that once triggered the bug, or it guards nothing.
  it.each([
    ['undo and redo mixed in', 23_261_226, ['undo', 'move']], // undo of a winning concurrent move emptied pos
    ['undo and redo mixed in', 23_261_229, ['undo', 'delete']], // undo of a delete restored a drop without pos
  ] as const)('%s: regression seed %i', (name, seed, trigger) => {
    const { ops } = runSeed(name, seed);
    for (const kind of trigger) expect(ops[kind] ?? 0).toBeGreaterThan(0);
  });

  it('two peers, many concurrent moves: random cases converge with the board invariants', () => {
    const { cases, summary } = runProfile('two peers, many concurrent moves');
    console.log(summary);
    expect(cases).toBeGreaterThan(0);
  });

  it('stage churn: random cases converge with the board invariants', () => {
    const { cases, summary } = runProfile('stage churn');
    console.log(summary);
    expect(cases).toBeGreaterThan(0);
  });

  it('undo and redo mixed in: random cases converge with the board invariants', () => {
    const { cases, summary } = runProfile('undo and redo mixed in');
    console.log(summary);
    expect(cases).toBeGreaterThan(0);
  });
});
