import * as Y from 'yjs';
import { repairOrphans } from '../../shared/model/board';
import { createDrop } from '../../shared/model/drop';
import { readStages } from '../../shared/model/stage';
import { createUndoManager } from '../../shared/model/undo';
import { initWorkspace } from '../../shared/model/workspace';
import { assertBoard, assertConverged } from './invariants';
import { Network } from './network';
import { DEFAULT_WEIGHTS, randomOp, type OpKind, type OpWeights, type Peer } from './ops';
import { Prng, withSeededRandom } from './prng';

/** The shape of one family of random cases. */
export interface Profile {
  name: string;
  peers: [min: number, max: number];
  steps: [min: number, max: number];
  /** Drops on the board before the peers diverge. */
  initialDrops: [min: number, max: number];
  weights: Partial<OpWeights>;
  partitions: boolean;
}

export interface CaseStats {
  ops: Partial<Record<OpKind, number>>;
  refused: number;
  /** Cases where concurrent stage removals left no stage before repair. */
  noStages: number;
  /** Drops whose stage was removed concurrently (shown in the first stage until repaired). */
  orphans: number;
  repaired: number;
}

const between = (rng: Prng, [min, max]: [number, number]) => min + rng.int(max - min + 1);

/**
 * One reproducible case: a workspace shared by N peers, random board operations on random
 * peers, random delivery order, partitions and heals; then a full sync. Asserts identical
 * state and the board invariants, runs repairOrphans on some peers, syncs and asserts again.
 * Throws with the seed in the message when anything is wrong.
 */
export function runCase(seed: number, profile: Profile): CaseStats {
  const rng = new Prng(seed);
  const stats: CaseStats = { ops: {}, refused: 0, noStages: 0, orphans: 0, repaired: 0 };
  try {
    withSeededRandom(rng, () => play(rng, profile, stats));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(
      `Convergence case failed: profile "${profile.name}", seed ${seed}. ` +
        `Replay with CADENCE_HARNESS_SEED=${seed} CADENCE_HARNESS_CASES=1.\n${message}`,
    );
  }
  return stats;
}

function play(rng: Prng, profile: Profile, stats: CaseStats): void {
  const weights = { ...DEFAULT_WEIGHTS, ...profile.weights };
  const net = new Network(rng, between(rng, profile.peers));
  const origin = net.docs[0]!;
  initWorkspace(origin, { name: 'Harbour & Co', now: 0 });
  const stages = readStages(origin);
  for (let i = between(rng, profile.initialDrops); i > 0; i--) {
    createDrop(origin, { stageId: rng.pick(stages).id, title: `Seed drop ${i}` }, 0);
  }
  net.flush();

  const peers: Peer[] = net.docs.map((doc) => ({
    doc,
    // captureTimeout 0: every action is its own undo step.
    undo: weights.undo > 0 || weights.redo > 0 ? createUndoManager(doc, 0) : undefined,
  }));
  const created = new Set<string>();
  const deleted = new Set<string>();
  const steps = between(rng, profile.steps);
  for (let step = 1; step <= steps; step++) {
    const roll = rng.next();
    if (roll < 0.6) {
      const peer = rng.pick(peers);
      const before = Y.encodeStateVector(peer.doc);
      const result = randomOp(rng, peer, weights, step);
      stats.ops[result.kind] = (stats.ops[result.kind] ?? 0) + 1;
      if (result.refused) {
        stats.refused++;
        // A refused action (bad input, stale view) leaves the document exactly as it was.
        if (!equalBytes(before, Y.encodeStateVector(peer.doc))) {
          throw new Error(`a refused ${result.kind} still changed the document`);
        }
      }
      if (result.created) created.add(result.created);
      if (result.deleted) deleted.add(result.deleted);
    } else if (roll < 0.85) {
      net.deliverSome(1 + rng.int(6));
    } else if (roll < 0.93 && profile.partitions) {
      net.partition();
    } else {
      net.heal();
    }
    if (process.env.CADENCE_HARNESS_TRACE) trace(step, net.docs, stats);
  }

  net.flush();
  assertConverged(net.docs);
  for (const doc of net.docs) {
    const check = assertBoard(doc, false);
    if (doc === origin) {
      if (check.noStages) stats.noStages++;
      stats.orphans += check.orphans;
    }
  }
  // Without undo, the drops that exist are exactly those created and never deleted.
  if (!peers[0]!.undo) {
    const ids = new Set<string>();
    origin.getMap('drops').forEach((_v, id) => ids.add(id));
    for (const id of created) {
      if (!deleted.has(id) && !ids.has(id)) throw new Error(`drop ${id} was lost`);
    }
    for (const id of deleted) if (ids.has(id)) throw new Error(`deleted drop ${id} came back`);
  }

  // Repair on some peers at once (as each would after syncing), then everyone agrees again.
  const repairing = net.docs.filter((_d, i) => i === 0 || rng.bool(0.3));
  for (const doc of repairing) stats.repaired += repairOrphans(doc);
  net.flush();
  assertConverged(net.docs);
  for (const doc of net.docs) assertBoard(doc, true);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// Debugging aid: report the first step after which a replica shows a drop without a place.
function trace(step: number, docs: Y.Doc[], stats: CaseStats): void {
  docs.forEach((doc, i) => {
    doc.getMap<Y.Map<unknown>>('drops').forEach((rec, id) => {
      if (!rec.get('pos')) {
        console.log(`step ${step}: peer ${i} drop ${id} has no pos; ops so far`, stats.ops);
        throw new Error('traced');
      }
    });
  });
}
