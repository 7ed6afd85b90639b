import { runSyncCase, type SyncCaseStats, type SyncProfile } from './syncCase';

// Every scenario is replayable: a failure names its seed. CADENCE_SYNC_SEED picks the first
// seed and CADENCE_SYNC_CASES how many scenarios each profile runs.
const BASE_SEED = Number(process.env.CADENCE_SYNC_SEED ?? 20_261_128);
const CASES = Number(process.env.CADENCE_SYNC_CASES ?? 0);

/** A test's time limit: 30 min, more when many scenarios are asked for (about 1 s each at worst). */
export const SYNC_TIMEOUT_MS = Math.max(1_800_000, CASES * 1_000);

export const SYNC_PROFILES: (SyncProfile & { cases: number })[] = [
  {
    name: 'small team, lively network',
    cases: 4_700,
    peers: [3, 4],
    steps: [6, 24],
    initialDrops: [0, 6],
    faults: 0.06,
  },
  {
    name: 'bigger team, faults and late joiners',
    cases: 4_800,
    peers: [4, 6],
    steps: [6, 24],
    initialDrops: [0, 6],
    faults: 0.12,
  },
  {
    name: 'framed catch-ups',
    cases: 500,
    peers: [3, 5],
    steps: [4, 12],
    initialDrops: [50, 70],
    faults: 0.1,
  },
  {
    name: 'concurrent moves',
    cases: 500,
    peers: [2, 3],
    steps: [10, 40],
    initialDrops: [1, 6],
    faults: 0.06,
    weights: { move: 30, moveWithin: 20 },
  },
  {
    name: 'stage churn',
    cases: 400,
    peers: [3, 4],
    steps: [10, 30],
    initialDrops: [2, 8],
    faults: 0.08,
    weights: { addStage: 8, renameStage: 6, moveStage: 8, removeStage: 10 },
  },
  {
    name: 'undo and redo mixed in',
    cases: 500,
    peers: [3, 4],
    steps: [10, 40],
    initialDrops: [1, 8],
    faults: 0.08,
    weights: { undo: 8, redo: 4, removeStage: 4 },
  },
];

/**
 * Runs `count` scenarios of a profile from seed `first`, one after another. Between two, the
 * event loop turns once: simple-peer's bundled `process.nextTick` queues its callbacks (with
 * the peers they hold) until a timer drains them, and scenarios that only ever await promises
 * never let that timer run, so a long run kept every scenario's peers and documents and ran out
 * of memory (about 0.25 MB a scenario: 4 GB after some 5,000 a profile).
 */
export async function runSyncCases(
  profile: SyncProfile,
  first: number,
  count: number,
  onCase: (stats: SyncCaseStats) => void = () => {},
): Promise<void> {
  for (let i = 0; i < count; i++) {
    onCase(await runSyncCase(first + i, profile));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Runs one profile's scenarios (seeded); returns totals and a one-line summary. */
export async function runSyncProfile(
  name: string,
): Promise<{ cases: number; totals: SyncCaseStats; summary: string }> {
  const p = SYNC_PROFILES.findIndex((x) => x.name === name);
  const profile = SYNC_PROFILES[p]!;
  const cases = CASES > 0 ? CASES : profile.cases;
  const first = process.env.CADENCE_SYNC_SEED ? BASE_SEED : BASE_SEED + p * 1_000_003;
  const totals: SyncCaseStats = {
    peers: 0,
    ops: 0,
    undos: 0,
    stageEdits: 0,
    keystrokes: 0,
    delivered: 0,
    frames: 0,
    linkDrops: 0,
    partitions: 0,
    lateJoins: 0,
    leaves: 0,
    refused: 0,
  };
  await runSyncCases(profile, first, cases, (stats) => {
    for (const k of Object.keys(totals) as (keyof SyncCaseStats)[]) totals[k] += stats[k];
  });
  const summary =
    `[${profile.name}] ${cases} scenarios, ${totals.peers} peers, ${totals.ops} board edits ` +
    `(${totals.undos} undo/redo, ${totals.stageEdits} stage edits), ` +
    `${totals.keystrokes} keystrokes, ${totals.delivered} messages delivered (${totals.frames} ` +
    `frames), ${totals.linkDrops} dropped links, ${totals.partitions} partitions, ` +
    `${totals.lateJoins} late joins, ${totals.leaves} leaves, ${totals.refused} refused`;
  return { cases, totals, summary };
}
