import { describe, expect, it } from 'vitest';
import { runCase, type CaseStats, type Profile } from './runCase';

// Every case is replayable: a failure names its seed. CADENCE_HARNESS_SEED picks the first
// seed and CADENCE_HARNESS_CASES how many cases each profile runs.
const BASE_SEED = Number(process.env.CADENCE_HARNESS_SEED ?? 20_261_122);
const CASES = Number(process.env.CADENCE_HARNESS_CASES ?? 0);

const PROFILES: (Profile & { cases: number })[] = [
  {
    name: 'two peers, many concurrent moves',
    cases: 700,
    peers: [2, 2],
    steps: [10, 60],
    initialDrops: [1, 6],
    weights: { move: 30, moveWithin: 20 },
    partitions: true,
  },
  {
    name: 'small team with partitions',
    cases: 600,
    peers: [3, 5],
    steps: [20, 80],
    initialDrops: [0, 10],
    weights: {},
    partitions: true,
  },
  {
    name: 'stage churn',
    cases: 500,
    peers: [2, 4],
    steps: [10, 50],
    initialDrops: [2, 8],
    weights: { addStage: 8, renameStage: 6, moveStage: 8, removeStage: 10 },
    partitions: true,
  },
  {
    name: 'undo and redo mixed in',
    cases: 500,
    peers: [2, 4],
    steps: [10, 60],
    initialDrops: [1, 8],
    weights: { undo: 8, redo: 4, removeStage: 4 },
    partitions: true,
  },
];

function total(stats: CaseStats[], key: 'refused' | 'noStages' | 'orphans' | 'repaired') {
  return stats.reduce((sum, s) => sum + s[key], 0);
}

// Seeds that once found a bug; they stay as regression cases.
const REGRESSION_SEEDS: [profile: string, seed: number][] = [
  ['undo and redo mixed in', 23_261_226], // undo of a winning concurrent move emptied pos
  ['undo and redo mixed in', 23_261_229], // undo of a delete restored a drop without pos
];

describe('convergence harness', () => {
  it.each(REGRESSION_SEEDS)('%s: regression seed %i', (name, seed) => {
    const profile = PROFILES.find((p) => p.name === name)!;
    expect(runCase(seed, profile).ops).toBeDefined();
  });

  PROFILES.forEach((profile, p) => {
    const cases = CASES > 0 ? CASES : profile.cases;
    const first = process.env.CADENCE_HARNESS_SEED ? BASE_SEED : BASE_SEED + p * 1_000_003;
    it(`${profile.name}: ${cases} random cases converge with the board invariants (seeds from ${first})`, () => {
      const stats: CaseStats[] = [];
      for (let i = 0; i < cases; i++) stats.push(runCase(first + i, profile));
      const ops = stats.reduce(
        (sum, s) => sum + Object.values(s.ops).reduce((a, b) => a + b, 0),
        0,
      );
      console.log(
        `[${profile.name}] ${cases} cases, ${ops} operations, ${total(stats, 'refused')} refused, ` +
          `${total(stats, 'orphans')} orphaned drops shown in the first stage, ` +
          `${total(stats, 'noStages')} boards left without stages, ${total(stats, 'repaired')} drops repaired`,
      );
      expect(stats).toHaveLength(cases);
    });
  });
});
