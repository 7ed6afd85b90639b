import { runCase, type CaseStats, type Profile } from './runCase';

// Every case is replayable: a failure names its seed. CADENCE_HARNESS_SEED picks the first
// seed and CADENCE_HARNESS_CASES how many cases each profile runs.
const BASE_SEED = Number(process.env.CADENCE_HARNESS_SEED ?? 20_261_122);
const CASES = Number(process.env.CADENCE_HARNESS_CASES ?? 0);

export const PROFILES: (Profile & { cases: number })[] = [
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
    cases: 500,
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

/** Runs one profile's cases (seeded); returns a one-line summary. Throws with the seed. */
export function runProfile(name: string): { cases: number; first: number; summary: string } {
  const p = PROFILES.findIndex((x) => x.name === name);
  const profile = PROFILES[p]!;
  const cases = CASES > 0 ? CASES : profile.cases;
  const first = process.env.CADENCE_HARNESS_SEED ? BASE_SEED : BASE_SEED + p * 1_000_003;
  const stats: CaseStats[] = [];
  for (let i = 0; i < cases; i++) stats.push(runCase(first + i, profile));
  const ops = stats.reduce((sum, s) => sum + Object.values(s.ops).reduce((a, b) => a + b, 0), 0);
  const summary =
    `[${profile.name}] ${cases} cases, ${ops} operations, ${total(stats, 'refused')} refused, ` +
    `${total(stats, 'orphans')} orphaned drops shown in the first stage, ` +
    `${total(stats, 'noStages')} boards left without stages, ${total(stats, 'repaired')} drops repaired`;
  return { cases, first, summary };
}

/** Replays one seed of a profile. */
export function runSeed(name: string, seed: number): CaseStats {
  return runCase(
    seed,
    PROFILES.find((x) => x.name === name)!,
  );
}
