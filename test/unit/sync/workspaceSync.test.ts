import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../../electron/signaling/server';
import { newSyncSettings, type SyncSettings } from '../../../shared/sync/settings';
import { bundlePeer, eventually, startPeer, type Peer, type PeerState } from './support/peers';

// Each peer is a separate Node process with @roamhq/wrtc, talking through a real signaling
// endpoint on 127.0.0.1: the same path the desktop app takes, minus the window.
let server: SignalingServer;
const peers: Peer[] = [];

beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  await bundlePeer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});

function roomSettings(): SyncSettings {
  return { ...newSyncSettings(), signaling: [server.address] };
}

async function peer(
  settings: SyncSettings,
  opts: { name?: string; user: string; raw?: boolean },
): Promise<Peer> {
  const p = await startPeer();
  peers.push(p);
  await p.send({ op: 'init', workspaceId: 'w_test', settings, ...opts });
  return p;
}

const titles = (s: PeerState) => s.columns.flat().sort();

async function converged(list: Peer[], expected: string[]): Promise<PeerState[]> {
  return eventually(async () => {
    const states = await Promise.all(list.map((p) => p.state()));
    for (const s of states) {
      expect(titles(s)).toEqual([...expected].sort());
      expect(s.columns).toEqual(states[0]!.columns);
      expect(s.stages).toBe(7);
    }
    return states;
  });
}

const noUncaught = (s: PeerState) =>
  expect(s.log.filter((l) => l.startsWith('UNHANDLED'))).toEqual([]);

// Each peer is a Node process on @roamhq/wrtc, a native WebRTC build that now and then dies with
// SIGSEGV on its own (seen without any Cadence code on the stack, more often when the machine is
// busy: twice in a row for one test once). A crash fails the test at once with the signal's
// name; two retries keep that from failing the suite, while a real sync bug fails every attempt.
describe('WorkspaceSync over WebRTC (Node peers)', { retry: 2 }, () => {
  it('two peers: the joiner receives the workspace and edits flow both ways', async () => {
    const settings = roomSettings();
    const ines = await peer(settings, { name: 'Harbour Label', user: 'Ines' });
    await ines.send({ op: 'create', title: 'Linen on the harbour wall' });
    const theo = await peer(settings, { user: 'Theo' });
    await converged([ines, theo], ['Linen on the harbour wall']);
    await theo.send({ op: 'create', title: 'Café pop-up capsule', stage: 2 });
    const [a] = await converged([ines, theo], ['Linen on the harbour wall', 'Café pop-up capsule']);
    expect(a!.sync?.state).toBe('connected');
    await ines.send({ op: 'openDrop', title: 'Café pop-up capsule' });
    const seen = await eventually(async () => {
      const s = await theo.state();
      expect(s.sync?.peers).toHaveLength(1);
      expect(s.sync?.peers[0]).toMatchObject({ name: 'Ines' });
      expect(s.sync?.peers[0]?.openDropId).toMatch(/^d_/);
      return s;
    });
    expect(seen.sync?.lastSyncedAt).not.toBeNull();
    noUncaught(seen);
  });

  it('a workspace too large for one WebRTC message (> 256 KiB) still reaches a new peer', async () => {
    const settings = roomSettings();
    const a = await peer(settings, { name: 'Harbour Label', user: 'A' });
    await a.send({ op: 'bulk', count: 700, prefix: 'Archive drop ' });
    const b = await peer(settings, { user: 'B' });
    await eventually(async () => {
      const s = await b.state();
      expect(s.columns.flat()).toHaveLength(700);
    }, 60_000);
  });

  it('a plain y-webrtc 10.3 peer: its empty replies to our frames are ignored, and it receives the workspace', async () => {
    const settings = roomSettings();
    const ines = await peer(settings, { name: 'Harbour Label', user: 'Ines' });
    await ines.send({ op: 'bulk', count: 150, prefix: 'Archive drop ' }); // > 16 KiB: framed
    const plain = await peer(settings, { user: 'Plain', raw: true });
    await eventually(async () => {
      const s = await plain.state();
      expect(s.columns.flat()).toHaveLength(150);
    }, 60_000);
    await plain.send({ op: 'create', title: 'From a plain y-webrtc app' });
    const s = await eventually(async () => {
      const s = await ines.state();
      expect(s.columns.flat()).toContain('From a plain y-webrtc app');
      return s;
    });
    expect(s.sync?.notices).toEqual([]);
    expect(s.log.filter((l) => l.includes('Rejected'))).toEqual([]);
    noUncaught(s);
  });

  it('five peers converge', async () => {
    const settings = roomSettings();
    const first = await peer(settings, { name: 'Harbour Label', user: 'P0' });
    const rest = await Promise.all([1, 2, 3, 4].map((i) => peer(settings, { user: `P${i}` })));
    const all = [first, ...rest];
    await converged(all, []);
    await Promise.all(
      all.map((p, i) => p.send({ op: 'create', title: `Drop from P${i}`, stage: i })),
    );
    const states = await converged(
      all,
      all.map((_, i) => `Drop from P${i}`),
    );
    for (const s of states) noUncaught(s);
  });

  it('edits made offline on both sides converge after reconnecting, and are marked until sent', async () => {
    const settings = roomSettings();
    const a = await peer(settings, { name: 'Harbour Label', user: 'A' });
    await a.send({ op: 'create', title: 'Shared drop' });
    await a.send({ op: 'create', title: 'Other drop' });
    const b = await peer(settings, { user: 'B' });
    await converged([a, b], ['Shared drop', 'Other drop']);

    await Promise.all([
      a.send({ op: 'online', online: false }),
      b.send({ op: 'online', online: false }),
    ]);
    await a.send({ op: 'rename', title: 'Shared drop', to: 'Shared drop, renamed by A' });
    await b.send({ op: 'move', title: 'Shared drop', stage: 3 });
    await b.send({ op: 'rename', title: 'Other drop', to: 'Other drop, renamed by B' });
    await a.send({ op: 'create', title: 'New on A' });
    await b.send({ op: 'create', title: 'New on B' });
    const offline = await a.state();
    expect(offline.sync).toMatchObject({ state: 'off', unsent: true, unsentDropCount: 2 });

    await Promise.all([
      a.send({ op: 'online', online: true }),
      b.send({ op: 'online', online: true }),
    ]);
    const [sa] = await converged(
      [a, b],
      ['Shared drop, renamed by A', 'Other drop, renamed by B', 'New on A', 'New on B'],
    );
    // The move from B and the rename from A both survive on the same drop.
    expect(sa!.columns[3]).toContain('Shared drop, renamed by A');
    await eventually(async () => {
      const s = await a.state();
      expect(s.sync).toMatchObject({ state: 'connected', unsent: false, unsentDropCount: 0 });
    });
  });

  it('a peer with a wrong password receives nothing; the others show a notice and keep syncing', async () => {
    const settings = roomSettings();
    const a = await peer(settings, { name: 'Harbour Label', user: 'A' });
    await a.send({ op: 'create', title: 'Secret drop' });
    const b = await peer(settings, { user: 'B' });
    await converged([a, b], ['Secret drop']);
    const intruder = await peer(
      { ...settings, password: newSyncSettings().password },
      { user: 'Mallory' },
    );
    await eventually(async () => {
      const s = await a.state();
      expect(s.sync?.notices).toContain('wrong-password');
    });
    await b.send({ op: 'create', title: 'After the intruder' });
    const states = await converged([a, b], ['Secret drop', 'After the intruder']);
    const seen = await intruder.state();
    expect(seen.columns.flat()).toEqual([]);
    expect(seen.stages).toBe(0);
    expect(seen.sync?.peers).toEqual([]);
    for (const s of [...states, seen]) noUncaught(s);
  });

  it('a rotated password locks out a peer that still has the old one', async () => {
    const settings = roomSettings();
    const a = await peer(settings, { name: 'Harbour Label', user: 'A' });
    const b = await peer(settings, { user: 'B' });
    const old = await peer(settings, { user: 'Former teammate' });
    await converged([a, b, old], []);
    const rotated = { ...settings, password: newSyncSettings().password };
    await Promise.all([
      a.send({ op: 'settings', settings: rotated }),
      b.send({ op: 'settings', settings: rotated }),
    ]);
    await a.send({ op: 'create', title: 'After rotation' });
    await converged([a, b], ['After rotation']);
    const s = await old.state();
    expect(s.columns.flat()).toEqual([]);
  });

  it('a hostile update is rejected and logged; the document is unchanged and sync goes on', async () => {
    const settings = roomSettings();
    const a = await peer(settings, { name: 'Harbour Label', user: 'A' });
    await a.send({ op: 'create', title: 'Target' });
    const b = await peer(settings, { user: 'B' });
    const rogue = await peer(settings, { user: 'rogue', raw: true });
    await converged([a, b], ['Target']);
    await eventually(async () => expect((await rogue.state()).columns.flat()).toEqual(['Target']));
    await rogue.send({ op: 'hostile', kind: 'unknown-root' });
    await rogue.send({ op: 'hostile', kind: 'plain-record' });
    await eventually(async () => {
      const s = await a.state();
      expect(s.sync?.notices).toContain('rejected-update');
      expect(s.log.some((l) => l.startsWith('Rejected an update from a peer'))).toBe(true);
    });
    await b.send({ op: 'create', title: 'Still syncing' });
    const states = await converged([a, b], ['Target', 'Still syncing']);
    for (const s of states) {
      expect(s.roots).not.toContain('evil');
      noUncaught(s);
    }
  });
});
