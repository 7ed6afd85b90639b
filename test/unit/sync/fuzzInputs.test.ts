import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { writeSyncStep1, writeSyncStep2, writeUpdate } from 'y-protocols/sync';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer } from '../../../electron/signaling/server';
import { createDrop, initWorkspace, readStages } from '../../../shared/model';
import { decodeBackup, encodeBackup, mergeBackupInto } from '../../../shared/sync/backupFile';
import { MessageType } from '../../../shared/sync/messageTypes';
import { FrameAssembler, toFrames } from '../../../renderer/src/sync/framing';
import { useTiming } from '../../../renderer/src/sync/timing';
import { storeInternals } from '../../../renderer/src/sync/ywebrtcInternals';
import { openPeer, SyncNet, type SyncPeer } from '../../harness/syncNet';
import { VirtualClock } from '../../harness/virtualClock';
import { Prng } from '../../harness/prng';
import { mutateBytes } from './support/mutate';

// Fuzzing the places untrusted bytes enter: a peer's data-channel message (through the guard
// as the app runs it: reassembly, the message check, y-webrtc), the frame reassembler, the
// signaling endpoint's message parser (through a running endpoint) and workspace/backup file
// headers. No throw escapes, and a refused input changes nothing. 105,000 inputs in all; the
// counts are printed. CADENCE_FUZZ_SCALE multiplies them.
const SCALE = Number(process.env.CADENCE_FUZZ_SCALE ?? 1);
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

function workspace(drops: number): Y.Doc {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour Label', now: 0 });
  const stages = readStages(doc);
  for (let i = 0; i < drops; i++)
    createDrop(doc, { stageId: stages[i % stages.length]!.id, title: `Drop ${i}` }, 0);
  return doc;
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** Real messages of every type a peer sends, to mutate. */
function corpus(doc: Y.Doc): Uint8Array[] {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(other);
  createDrop(other, { stageId: readStages(other)[0]!.id, title: 'Café pop-up capsule' });
  const update = Y.encodeStateAsUpdate(other, sv);
  const awareness = (state: unknown) =>
    message((e) => {
      encoding.writeVarUint(e, MessageType.AWARENESS);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 4242);
      encoding.writeVarUint(inner, 3);
      encoding.writeVarString(inner, JSON.stringify(state));
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
  return [
    message((e) => {
      encoding.writeVarUint(e, MessageType.SYNC);
      writeSyncStep1(e, other);
    }),
    message((e) => {
      encoding.writeVarUint(e, MessageType.SYNC);
      writeSyncStep2(e, other, Y.encodeStateVector(doc));
    }),
    message((e) => {
      encoding.writeVarUint(e, MessageType.SYNC);
      writeUpdate(e, update);
    }),
    awareness({ user: { name: 'Theo', color: '#0f766e' }, openDropId: null, peerId: 'p' }),
    awareness({ user: { name: 'Theo' }, cursor: { anchor: 1, head: 2 } }),
    awareness(null),
    message((e) => encoding.writeVarUint(e, MessageType.QUERY_AWARENESS)),
    message((e) => {
      encoding.writeVarUint(e, MessageType.BC_PEER_ID);
      encoding.writeUint8(e, 1);
      encoding.writeVarString(e, 'peer-id');
    }),
  ];
}

function randomBytes(rng: Prng, max: number): Uint8Array {
  const n = rng.int(max + 1);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(256);
  // Often a known type first, so the fuzz reaches past the first byte.
  if (n > 0 && rng.bool(0.7)) out[0] = rng.pick([0, 1, 3, 4, 127]);
  if (n > 1 && out[0] === 0 && rng.bool(0.7)) out[1] = rng.int(3);
  return out;
}

describe('fuzzed inputs', () => {
  it('peer messages through the guard: no throw escapes, a refused message changes nothing', async () => {
    const clock = new VirtualClock();
    cleanups.push(useTiming(clock));
    const peers: SyncPeer[] = [await openPeer(0, true), await openPeer(1, true)];
    const net = new SyncNet(peers);
    cleanups.push(() => net.destroy());
    const [theo, ines] = peers as [SyncPeer, SyncPeer];
    const base = workspace(3);
    Y.applyUpdate(theo.doc, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(ines.doc, Y.encodeStateAsUpdate(base));
    await net.connect(0, 1);
    while (net.deliverSome(100, () => 0) > 0 || clock.runNext());
    const link = [...net.links.values()][0]!;
    const towardIns = link.a === 0 ? link.ab : link.ba; // what Theo sends, Ines receives
    const seeds = corpus(base);
    const rng = new Prng(9_101);
    const total = 30_000 * SCALE;
    let refused = 0;
    let accepted = 0;
    const snapshot = () =>
      [
        Y.encodeStateVector(ines.doc).join(),
        storeInternals(ines.doc).pendingStructs?.update.join() ?? '',
        JSON.stringify([...ines.awareness.getStates()]),
      ].join('|');
    for (let i = 0; i < total; i++) {
      const input = rng.bool(0.6)
        ? mutateBytes(rng.pick(seeds), () => rng.next())
        : randomBytes(rng, 48);
      const before = snapshot();
      const refusedBefore = ines.report.refused.length;
      towardIns.queue.push(input);
      towardIns.bufferedAmount += input.byteLength;
      towardIns.deliverOne(); // throws if anything escapes the guard
      // Whatever Ines sends back (answers, re-syncs) is not needed here.
      for (const l of net.links.values()) {
        l.ab.queue.length = 0;
        l.ba.queue.length = 0;
        l.ab.bufferedAmount = 0;
        l.ba.bufferedAmount = 0;
      }
      if (ines.report.refused.length > refusedBefore) {
        refused++;
        expect(snapshot()).toBe(before);
      } else accepted++;
    }
    console.log(`peer messages: ${total} fuzzed, ${refused} refused, ${accepted} accepted`);
    expect(refused).toBeGreaterThan(total / 4);
    expect(accepted).toBeGreaterThan(0); // positive control: near-misses that are valid pass
  }, 600_000);

  it('frame reassembly: no throw, a refused sequence leaves the assembler clean', () => {
    const rng = new Prng(9_202);
    const message = new Uint8Array(12_000).map((_v, i) => (i * 7) % 251);
    const good = toFrames(message, 1024);
    const total = 40_000 * SCALE;
    let invalid = 0;
    for (let i = 0; i < total; i++) {
      const assembler = new FrameAssembler(1 << 20);
      const inputs: Uint8Array[] = [];
      const kind = rng.int(4);
      if (kind === 0) inputs.push(randomBytes(rng, 64));
      else if (kind === 1) inputs.push(...good.slice(0, 1 + rng.int(good.length)).reverse());
      else if (kind === 2)
        inputs.push(...good.map((f) => (rng.bool(0.1) ? mutateBytes(f, () => rng.next()) : f)));
      else inputs.push(...good.filter(() => rng.bool(0.8)));
      let sawInvalid = false;
      for (const input of inputs) if (assembler.push(input).kind === 'invalid') sawInvalid = true;
      if (sawInvalid) invalid++;
      // Whatever came before, a whole framed message then arrives intact (positive control).
      let last = assembler.push(good[0]!);
      for (const f of good.slice(1)) last = assembler.push(f);
      const intact =
        last.kind === 'message' && Buffer.from(last.message).equals(Buffer.from(message));
      if (!intact) expect.fail(`sequence ${i}: a whole message did not arrive intact afterwards`);
    }
    console.log(`frames: ${total} fuzzed sequences, ${invalid} refused`);
    expect(invalid).toBeGreaterThan(total / 10);
  }, 600_000);

  it('signaling endpoint parser: malformed messages are dropped, nothing else changes', async () => {
    // The publish rate limit is lifted: this is about parsing, not about flood control.
    const server = await startSignalingServer({
      host: '127.0.0.1',
      port: 0,
      limits: { publishPerSecond: 1e9, publishBurst: 1e9 },
    });
    cleanups.push(() => server.close());
    const open = async (): Promise<WebSocket> => {
      const ws = new WebSocket(server.address);
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      cleanups.push(() => ws.close());
      return ws;
    };
    const listener = await open();
    const fuzzer = await open();
    const received: unknown[] = [];
    listener.on('message', (raw) => received.push(JSON.parse(String(raw))));
    listener.send(JSON.stringify({ type: 'subscribe', topics: ['control'] }));
    const rng = new Prng(9_303);
    const valid = [
      { type: 'subscribe', topics: ['room-a'] },
      { type: 'unsubscribe', topics: ['room-a'] },
      { type: 'publish', topic: 'room-b', data: 'x' },
      { type: 'ping' },
    ].map((m) => JSON.stringify(m));
    const total = 20_000 * SCALE;
    for (let i = 0; i < total; i++) {
      const k = rng.int(3);
      const text =
        k === 0
          ? new TextDecoder().decode(
              mutateBytes(new TextEncoder().encode(rng.pick(valid)), () => rng.next()),
            )
          : k === 1
            ? JSON.stringify(
                rng.pick([
                  null,
                  1,
                  'x',
                  [],
                  { type: 7 },
                  { type: 'subscribe', topics: 'control' },
                  { type: 'publish', topic: ['control'] },
                  { type: 'subscribe', topics: [1, null, {}] },
                ]),
              )
            : String.fromCharCode(...randomBytes(rng, 40));
      fuzzer.send(text);
    }
    // Positive control: after all that, the endpoint answers and relays as before.
    fuzzer.send(JSON.stringify({ type: 'publish', topic: 'control', data: 'after the fuzz' }));
    await expect
      .poll(() => received.find((m) => (m as { data?: unknown }).data === 'after the fuzz'), {
        timeout: 60_000,
      })
      .toMatchObject({ clients: 1 }); // nothing else got subscribed to the control topic
    const stats = server.stats();
    console.log(
      `signaling: ${total} fuzzed messages, ${stats.dropped} dropped, ${stats.connections} connections`,
    );
    expect(stats.dropped).toBeGreaterThan(total / 3);
    expect(stats.connections).toBe(2);
    expect(received.filter((m) => (m as { topic?: unknown }).topic !== 'control')).toEqual([]);
  }, 600_000);

  it('workspace/backup file headers: never throw, a refused file changes nothing', async () => {
    const doc = workspace(5);
    const file = await encodeBackup(doc, { workspaceId: 'w_fuzz', now: 0 });
    const headerEnd = file.indexOf(0x0a, 11) + 1;
    const rng = new Prng(9_404);
    const target = workspace(1);
    const before = Y.encodeStateVector(target).join();
    const total = 15_000 * SCALE;
    let refused = 0;
    for (let i = 0; i < total; i++) {
      const k = rng.int(3);
      let input: Uint8Array;
      if (k === 0) {
        const head = mutateBytes(file.subarray(0, headerEnd), () => rng.next());
        input = new Uint8Array([...head, ...file.subarray(headerEnd)]);
      } else if (k === 1) input = file.subarray(0, rng.int(file.byteLength));
      else input = randomBytes(rng, 200);
      const decoded = await decodeBackup(input);
      if (!decoded.ok) {
        refused++;
        expect(decoded.message.length).toBeGreaterThan(10); // a message a person can read
        if (i % 10 === 0) {
          const merged = await mergeBackupInto(target, input);
          expect(merged.ok).toBe(false);
          expect(Y.encodeStateVector(target).join()).toBe(before);
        }
      }
    }
    console.log(`backup headers: ${total} fuzzed files, ${refused} refused`);
    expect(refused).toBeGreaterThan(total / 2);
    expect((await decodeBackup(file)).ok).toBe(true); // positive control
  }, 600_000);
});
