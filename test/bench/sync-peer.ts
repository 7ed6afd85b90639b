// One sync peer for the sync benchmark, in its own Node process (y-webrtc allows one provider
// per room per process). Runs either Cadence's WorkspaceSync (guarded) or a bare y-webrtc
// provider (raw) on the same document, so the two can be compared edit for edit.
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import wrtc from '@roamhq/wrtc';
import { WebrtcProvider } from 'y-webrtc';
import {
  createDrop,
  initWorkspace,
  readDrops,
  readStages,
  root,
  updateDrop,
  type DropId,
} from '../../shared/model';
import type { SyncSettings } from '../../shared/sync/settings';
import { WorkspaceSync } from '../../renderer/src/sync/WorkspaceSync';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;

type Cmd =
  | { op: 'init'; mode: 'guarded' | 'raw'; settings: SyncSettings; seed: boolean }
  | { op: 'peers'; n: number }
  | { op: 'watch' }
  | { op: 'edits'; count: number; intervalMs: number; prefix: string }
  | { op: 'arrivals'; prefix: string; count: number }
  | { op: 'online'; online: boolean }
  | { op: 'bulk'; count: number; prefix: string }
  | { op: 'untilDrops'; count: number }
  | { op: 'connectedAt' }
  | { op: 'bytes' }
  | { op: 'cpu' }
  | { op: 'state' }
  | { op: 'stop' };

const doc = new Y.Doc();
let sync: WorkspaceSync | null = null;
let raw: WebrtcProvider | null = null;
let settings: SyncSettings;
let mode: 'guarded' | 'raw' = 'guarded';
let bytesSent = 0;
const counted = new WeakSet<object>();
const arrivals = new Map<string, number>();
let connectedAt: number | null = null;
const watchedPeers = new WeakSet<object>();

// When the first WebRTC connection opens (simple-peer's 'connect'), before any catch-up work.
function watchConnects(): void {
  const r = room() as {
    webrtcConns: Map<
      string,
      { connected: boolean; peer: { once(e: string, f: () => void): void } }
    >;
  } | null;
  for (const conn of r?.webrtcConns.values() ?? []) {
    if (watchedPeers.has(conn.peer)) continue;
    watchedPeers.add(conn.peer);
    conn.peer.once('connect', () => (connectedAt ??= now()));
  }
}
const now = () => performance.timeOrigin + performance.now();

interface Conn {
  connected: boolean;
  peer: { _channel?: { send(d: Uint8Array): void } | null };
}
function room(): { webrtcConns: Map<string, Conn> } | null {
  const provider = (
    mode === 'raw' ? raw : (sync as unknown as { provider: WebrtcProvider | null })?.provider
  ) as (WebrtcProvider & { room: { webrtcConns: Map<string, Conn> } | null }) | null;
  return provider?.room ?? null;
}

// Counts what leaves on every data channel (the wire bytes of sync, before DTLS): at the
// channel itself, after everything that may hold a message back (Cadence's echo suppression,
// framing and pacing).
function countBytes(): number {
  const r = room();
  let connected = 0;
  for (const conn of r?.webrtcConns.values() ?? []) {
    if (!conn.connected) continue;
    connected++;
    const channel = conn.peer._channel;
    if (!channel || counted.has(channel)) continue;
    counted.add(channel);
    const send = channel.send.bind(channel);
    channel.send = (d: Uint8Array) => {
      bytesSent += d.byteLength;
      send(d);
    };
  }
  return connected;
}

function start(): void {
  if (mode === 'raw') {
    raw = new WebrtcProvider(settings.room, doc, {
      signaling: settings.signaling,
      password: settings.password,
      peerOpts: { wrtc, config: { iceServers: [] } },
    });
  }
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 2));
}

async function handle(cmd: Cmd): Promise<unknown> {
  switch (cmd.op) {
    case 'init':
      mode = cmd.mode;
      settings = cmd.settings;
      if (cmd.seed) {
        initWorkspace(doc, { name: 'Bench label', now: 0 });
        createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Edited drop' });
      }
      if (mode === 'raw') start();
      else {
        sync = new WorkspaceSync({
          workspaceId: 'w_bench',
          doc,
          settings,
          user: { name: cmd.mode, colour: '#0f766e' },
          wrtc,
          log: () => {},
        });
        await sync.ready();
      }
      return null;
    case 'peers':
      await until(() => countBytes() >= cmd.n);
      return null;
    case 'watch':
      // Record when each edit's title becomes visible here (after a remote transaction).
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.local) return;
        const t = now();
        root.drops(doc).forEach((rec) => {
          const title = rec.get('title');
          if (typeof title === 'string' && title.startsWith('edit ') && !arrivals.has(title))
            arrivals.set(title, t);
        });
      });
      return null;
    case 'edits': {
      await until(() => readDrops(doc).length > 0);
      const id = readDrops(doc).find((d) => d.title === 'Edited drop')?.id ?? readDrops(doc)[0]!.id;
      countBytes();
      const before = bytesSent;
      const sent: number[] = [];
      for (let i = 0; i < cmd.count; i++) {
        sent.push(now());
        updateDrop(doc, id as DropId, { title: `${cmd.prefix}${i}` });
        await new Promise((r) => setTimeout(r, cmd.intervalMs));
      }
      return { sent, bytes: bytesSent - before };
    }
    case 'arrivals': {
      // Until every edit of the round arrived, or 300 ms after the last one was sent.
      const seen = () => [...arrivals].filter(([title]) => title.startsWith(cmd.prefix));
      const deadline = performance.now() + 300;
      await until(() => seen().length >= cmd.count || performance.now() > deadline);
      return Object.fromEntries(seen());
    }
    case 'online':
      connectedAt = null;
      if (cmd.online) {
        const provider = (
          mode === 'raw' ? raw : (sync as unknown as { provider: WebrtcProvider | null }).provider
        )!;
        provider.on('peers', watchConnects);
      }
      if (mode === 'raw') {
        if (cmd.online) raw?.connect();
        else raw?.disconnect();
      } else {
        sync?.setOnline(cmd.online);
        await sync?.settled();
      }
      return now();
    case 'bulk': {
      const stageId = readStages(doc)[0]!.id;
      // One edit = one transaction, as a person would make them.
      for (let i = 0; i < cmd.count; i++) createDrop(doc, { stageId, title: `${cmd.prefix}${i}` });
      return null;
    }
    case 'connectedAt':
      return connectedAt;
    case 'bytes':
      // Everything this peer has sent so far (its own edits and what it relays).
      countBytes();
      return bytesSent;
    case 'cpu': {
      // CPU time this process has used so far (user + system), in ms.
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
    case 'state':
      // What this peer holds: compared across the room after a round, every peer must agree.
      return (
        Buffer.from(Y.encodeStateVector(doc)).toString('base64') +
        ' ' +
        readDrops(doc)
          .map((d) => d.title)
          .join('|')
      );
    case 'untilDrops':
      await until(() => root.drops(doc).size >= cmd.count);
      return now();
    case 'stop':
      await writeProfile();
      await sync?.destroy();
      raw?.destroy();
      setTimeout(() => process.exit(0), 20);
      return null;
  }
}

// CADENCE_BENCH_SYNC_PROFILE=<dir>: each peer writes a CPU profile of its whole run there.
const profileDir = process.env.CADENCE_BENCH_SYNC_PROFILE;
const profiling = profileDir
  ? (async () => {
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return session;
    })()
  : null;
async function writeProfile(): Promise<void> {
  if (!profiling) return;
  const session = await profiling;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`${profileDir}/peer-${process.pid}.cpuprofile`, JSON.stringify(profile));
}

process.on('message', (msg: { id: number; cmd: Cmd }) => {
  handle(msg.cmd).then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (e: unknown) =>
      process.send!({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
