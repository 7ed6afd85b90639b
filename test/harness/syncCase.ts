import * as Y from 'yjs';
import { repairOrphans } from '../../shared/model/board';
import { createUndoManager } from '../../shared/model/undo';
import { createDrop } from '../../shared/model/drop';
import { readStages } from '../../shared/model/stage';
import { initWorkspace } from '../../shared/model/workspace';
import { useTiming } from '../../renderer/src/sync/timing';
import { storeInternals } from '../../renderer/src/sync/ywebrtcInternals';
import { assertBoard, assertConverged } from './invariants';
import { DEFAULT_WEIGHTS, randomOp, type OpWeights } from './ops';
import { Prng } from './prng';
import { openPeer, SyncNet, type SyncPeer } from './syncNet';
import { VirtualClock } from './virtualClock';

/** The shape of one family of seeded sync scenarios. */
export interface SyncProfile {
  name: string;
  peers: [min: number, max: number];
  steps: [min: number, max: number];
  /** Drops on the origin's board before anyone connects (long titles: framed catch-ups). */
  initialDrops: [min: number, max: number];
  /** Chance per step of a fault: a dropped link, a partition, a peer leaving or joining. */
  faults: number;
  /** How often each board edit is chosen (ops.ts; stage churn, undo and redo vary). */
  weights?: Partial<OpWeights>;
}

export interface SyncCaseStats {
  peers: number;
  ops: number;
  /** Board edits that were undo or redo. */
  undos: number;
  /** Board edits that added, renamed, reordered or removed a stage. */
  stageEdits: number;
  keystrokes: number;
  delivered: number;
  /** Frames sent: parts of messages larger than one data-channel message. */
  frames: number;
  linkDrops: number;
  partitions: number;
  lateJoins: number;
  leaves: number;
  refused: number;
}

const between = (rng: Prng, [min, max]: [number, number]) => min + rng.int(max - min + 1);
const LONG =
  'Harbour linen capsule with rooftop knit and café denim, shot at golden hour on the old tram stop';

/**
 * One reproducible scenario: 3–6 peers run the shipped sync path (see syncNet.ts) while random
 * board edits and brief keystrokes happen on random peers, messages interleave at random
 * across links (relays overtake direct deliveries, updates arrive twice via different
 * neighbours), links drop with their messages in flight, the team partitions and heals, peers
 * join late and leave. At the end everyone still in the room is connected and every message
 * delivered: the copies must be identical, nothing parked as pending, no honest message
 * refused, every drop placed exactly once, everyone's presence seen by everyone.
 */
export async function runSyncCase(seed: number, profile: SyncProfile): Promise<SyncCaseStats> {
  const rng = new Prng(seed);
  const clock = new VirtualClock();
  const restoreTiming = useTiming(clock);
  const restoreRandom = seedRandom(rng);
  const stats: SyncCaseStats = {
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
  let net: SyncNet | null = null;
  try {
    net = await play(rng, clock, profile, stats);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(
      `Sync scenario failed: profile "${profile.name}", seed ${seed}. ` +
        `Replay with CADENCE_SYNC_SEED=${seed} CADENCE_SYNC_CASES=1.\n${message}`,
    );
  } finally {
    await net?.destroy();
    restoreRandom();
    restoreTiming();
  }
  return stats;
}

async function play(
  rng: Prng,
  clock: VirtualClock,
  profile: SyncProfile,
  stats: SyncCaseStats,
): Promise<SyncNet> {
  const n = between(rng, profile.peers);
  stats.peers = n;
  const weights = { ...DEFAULT_WEIGHTS, ...profile.weights };
  const undoing = weights.undo > 0 || weights.redo > 0;
  const peers: SyncPeer[] = [];
  for (let i = 0; i < n; i++) peers.push(await openPeer(i, rng.bool()));
  const net = new SyncNet(peers);
  const origin = peers[0]!;
  initWorkspace(origin.doc, { name: 'Harbour & Co', now: 0 });
  const stages = readStages(origin.doc);
  for (let i = between(rng, profile.initialDrops); i > 0; i--) {
    const title = `${LONG.slice(0, 60 + rng.int(40))} ${i}`;
    createDrop(origin.doc, { stageId: rng.pick(stages).id, title }, 0);
  }
  // captureTimeout 0: every action is its own undo step. Remote changes are never undone. As
  // in the app, undo starts after the workspace exists (opening is not an edit): made before,
  // the first peer's undos took back the workspace's creation, leaving a board of no stages
  // that no person can reach.
  const undo = peers.map((p) => (undoing ? createUndoManager(p.doc, 0) : undefined));
  peers.forEach((p, i) =>
    p.awareness.setLocalState({
      user: { name: `Peer ${i}`, color: '#0f766e' },
      openDropId: null,
      peerId: p.room.peerId,
    }),
  );

  // Who is in the room, and which group each is in (peers talk only within their group).
  const present = new Set<number>([0]);
  for (let i = 1; i < n; i++) if (rng.bool(0.6)) present.add(i);
  const group = peers.map(() => 0);
  const gone = new Set<number>(); // left for good
  const touchedByGone = new Set<string>();
  const created = new Set<string>();
  const deleted = new Set<string>();
  const author = new Map<string, number>();

  const connectReachable = async (): Promise<void> => {
    for (const a of present)
      for (const b of present)
        if (a < b && group[a] === group[b] && !net.linked(a, b)) await net.connect(a, b);
  };
  await connectReachable();

  const steps = between(rng, profile.steps);
  for (let step = 0; step < steps; step++) {
    const roll = rng.next();
    const fault = rng.next() < profile.faults;
    if (fault) await randomFault();
    else if (roll < 0.45) edit();
    else if (roll < 0.55) type();
    else if (roll < 0.6) presence();
    else stats.delivered += net.deliverSome(1 + rng.int(8), (k) => rng.int(k));
    if (rng.bool(0.1)) clock.runNext(); // time passes: paced frames leave, holds expire
  }

  // Everyone not gone for good comes back; the groups heal; everything is delivered.
  for (let i = 0; i < n; i++) if (!gone.has(i)) present.add(i);
  group.fill(0);
  await connectReachable();
  settle();
  for (const p of live()) stats.refused += p.report.refused.length;
  check();
  // Drops orphaned by concurrent stage removals are repaired on some peers at once.
  for (const p of live()) if (p === live()[0] || rng.bool(0.3)) repairOrphans(p.doc);
  settle();
  check(true);
  stats.frames = net.frames;
  return net;

  function live(): SyncPeer[] {
    return peers.filter((_p, i) => present.has(i));
  }

  function settle(): void {
    for (let rounds = 0; ; rounds++) {
      if (rounds > 1_000_000) throw new Error('the network never went quiet');
      const delivered = net.deliverSome(64, (k) => rng.int(k));
      stats.delivered += delivered;
      if (delivered > 0) continue;
      if (!clock.runNext()) return;
    }
  }

  function check(strict = false): void {
    const docs = live().map((p) => p.doc);
    for (const p of live()) {
      if (p.report.refused.length > 0)
        throw new Error(`peer ${p.index} refused honest messages: ${p.report.refused.join(' | ')}`);
      if (p.report.unavailable.length > 0)
        throw new Error(`peer ${p.index}: guard unavailable (${p.report.unavailable.join()})`);
      // Content stays parked only when it waits for changes of a peer that left for good
      // before they reached anyone (Yjs hands pending content on in sync step 2).
      const store = storeInternals(p.doc);
      const waitsForGone = (client: number) => gone.has(client - 1);
      const missing = [...(store.pendingStructs?.missing.keys() ?? [])];
      if (missing.some((c) => !waitsForGone(c)) || (store.pendingDs && gone.size === 0))
        throw new Error(`peer ${p.index} still has content parked as pending`);
    }
    assertConverged(docs);
    const briefs = (doc: Y.Doc) =>
      [...doc.share.keys()]
        .filter((k) => k.startsWith('brief:'))
        .sort()
        .map((k) => `${k}=${doc.getXmlFragment(k).toString()}`)
        .join('\n');
    for (const doc of docs) {
      if (briefs(doc) !== briefs(docs[0]!)) throw new Error('brief texts differ');
      assertBoard(doc, strict);
    }
    // Without undo, the drops that exist are exactly those created and never deleted.
    if (undoing) return checkPresence();
    const ids = new Set<string>();
    docs[0]!.getMap('drops').forEach((_v, id) => ids.add(id));
    for (const id of created)
      if (!deleted.has(id) && !touchedByGone.has(id) && !ids.has(id))
        throw new Error(`drop ${id} was lost`);
    for (const id of deleted)
      if (!touchedByGone.has(id) && ids.has(id)) throw new Error(`deleted drop ${id} came back`);
    checkPresence();
  }

  // Presence: everyone in the room sees everyone else's name.
  function checkPresence(): void {
    for (const p of live())
      for (const q of live()) {
        const state = p.awareness.getStates().get(q.doc.clientID) as
          { user?: { name?: string } } | undefined;
        if (state?.user?.name !== `Peer ${q.index}`)
          throw new Error(`peer ${p.index} does not see peer ${q.index}'s presence`);
      }
  }

  function edit(): void {
    const i = rng.pick([...present]);
    const doc = peers[i]!.doc;
    const before = Y.encodeStateVector(doc);
    const result = randomOp(rng, { doc, undo: undo[i] }, weights, stats.ops);
    stats.ops++;
    if (result.kind === 'undo' || result.kind === 'redo') stats.undos++;
    if (result.kind.endsWith('Stage')) stats.stageEdits++;
    // A refused action (bad input, stale view) leaves the document exactly as it was.
    if (result.refused && !equalBytes(before, Y.encodeStateVector(doc)))
      throw new Error(`a refused ${result.kind} still changed the document`);
    if (result.created) {
      created.add(result.created);
      author.set(result.created, i);
    }
    if (result.deleted) deleted.add(result.deleted);
    for (const id of [result.created, result.deleted]) if (id && gone.has(i)) touchedByGone.add(id);
  }

  // Keystrokes in a drop's brief: one update each, which relays deliver out of order.
  function type(): void {
    const p = peers[rng.pick([...present])]!;
    const ids: string[] = [];
    p.doc.getMap('drops').forEach((_v, id) => ids.push(id));
    if (ids.length === 0) return;
    const fragment = p.doc.getXmlFragment(`brief:${rng.pick(ids)}`);
    if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement('paragraph')]);
    const paragraph = fragment.get(0);
    if (!(paragraph instanceof Y.XmlElement)) return;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    const text = paragraph.get(0);
    if (!(text instanceof Y.XmlText)) return;
    for (let k = 1 + rng.int(12); k > 0; k--) {
      text.insert(rng.int(text.length + 1), 'linen '[rng.int(6)]!);
      stats.keystrokes++;
    }
  }

  function presence(): void {
    const p = peers[rng.pick([...present])]!;
    const ids: string[] = [];
    p.doc.getMap('drops').forEach((_v, id) => ids.push(id));
    p.awareness.setLocalStateField('openDropId', ids.length > 0 ? rng.pick(ids) : null);
  }

  async function randomFault(): Promise<void> {
    const kind = rng.int(5);
    const inRoom = [...present];
    if (kind === 0) {
      // A link drops with its messages in flight, and comes back (y-webrtc reconnects).
      const links = [...net.links.values()];
      if (links.length === 0) return;
      const link = rng.pick(links);
      await net.disconnect(link.a, link.b);
      stats.linkDrops++;
      if (rng.bool(0.7)) await net.connect(link.a, link.b);
    } else if (kind === 1) {
      // The room splits in two groups; links across them close.
      for (const i of inRoom) group[i] = rng.int(2);
      for (const l of [...net.links.values()])
        if (group[l.a] !== group[l.b]) await net.disconnect(l.a, l.b);
      stats.partitions++;
    } else if (kind === 2) {
      group.fill(0);
      await connectReachable();
    } else if (kind === 3) {
      // A late joiner, or someone who left, comes in.
      const away = peers.map((_p, i) => i).filter((i) => !present.has(i) && !gone.has(i));
      if (away.length === 0) return;
      present.add(rng.pick(away));
      stats.lateJoins++;
      await connectReachable();
    } else {
      // Someone leaves (now and then for good); never the last two.
      if (inRoom.length <= 2) return;
      const i = rng.pick(inRoom.filter((x) => x !== 0));
      for (const j of inRoom) await net.disconnect(i, j);
      present.delete(i);
      stats.leaves++;
      if (rng.bool(0.2)) {
        gone.add(i);
        for (const [id, by] of author) if (by === i) touchedByGone.add(id);
        for (const id of deleted) touchedByGone.add(id); // its deletions may not have left
      }
    }
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Seeds Math.random and crypto.getRandomValues (ids, rank jitter) from `rng` until restored. */
function seedRandom(rng: Prng): () => void {
  const crypto = globalThis.crypto;
  const original = crypto.getRandomValues;
  const originalRandom = Math.random;
  Object.defineProperty(crypto, 'getRandomValues', {
    value: <A extends ArrayBufferView | null>(array: A): A => {
      if (array) {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
      }
      return array;
    },
    configurable: true,
    writable: true,
  });
  Math.random = () => rng.next();
  return () => {
    delete (crypto as { getRandomValues?: unknown }).getRandomValues;
    if (crypto.getRandomValues !== original)
      Object.defineProperty(crypto, 'getRandomValues', {
        value: original,
        configurable: true,
        writable: true,
      });
    Math.random = originalRandom;
  };
}
