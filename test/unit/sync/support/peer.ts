// A Cadence sync peer in its own Node process (y-webrtc allows one provider per room per
// process). Driven by its parent over IPC; used by the sync tests and the sync benchmark.
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import wrtc from '@roamhq/wrtc';
import { WebrtcProvider } from 'y-webrtc';
import {
  createDrop,
  initWorkspace,
  moveDrop,
  readBoard,
  readStages,
  updateDrop,
  type DropId,
} from '../../../../shared/model';
import type { SyncSettings } from '../../../../shared/sync/settings';
import { WorkspaceSync } from '../../../../renderer/src/sync/WorkspaceSync';

(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;

export type PeerCommand =
  | {
      op: 'init';
      workspaceId: string;
      settings: SyncSettings;
      name?: string;
      user: string;
      raw?: boolean;
      /** A previous session's document (base64 Yjs update): the person opening it again. */
      saved?: string;
    }
  | { op: 'create'; title: string; stage?: number }
  | { op: 'rename'; title: string; to: string }
  | { op: 'move'; title: string; stage: number }
  | { op: 'online'; online: boolean }
  | { op: 'openDrop'; title: string | null }
  | { op: 'hostile'; kind: 'unknown-root' | 'plain-record' }
  | { op: 'bulk'; count: number; prefix: string }
  | { op: 'state' }
  | { op: 'save' }
  | { op: 'settings'; settings: SyncSettings }
  | { op: 'stop' };

const doc = new Y.Doc();
let sync: WorkspaceSync | null = null;
let raw: WebrtcProvider | null = null;
const log: string[] = [];

function dropByTitle(title: string): DropId {
  for (const c of readBoard(doc)) for (const d of c.drops) if (d.title === title) return d.id;
  throw new Error(`no drop titled ${title}`);
}

async function handle(cmd: PeerCommand): Promise<unknown> {
  switch (cmd.op) {
    case 'init': {
      if (cmd.saved) Y.applyUpdate(doc, Buffer.from(cmd.saved, 'base64'));
      if (cmd.name) initWorkspace(doc, { name: cmd.name, now: 0 });
      if (cmd.raw) {
        // An unguarded y-webrtc peer: stands in for a buggy or hostile client.
        raw = new WebrtcProvider(cmd.settings.room, doc, {
          signaling: cmd.settings.signaling,
          password: cmd.settings.password,
          peerOpts: { wrtc, config: { iceServers: [] } },
        });
        return null;
      }
      sync = new WorkspaceSync({
        workspaceId: cmd.workspaceId,
        doc,
        settings: cmd.settings,
        user: { name: cmd.user, colour: '#0f766e' },
        wrtc,
        log: (m) => log.push(m),
      });
      await sync.ready();
      return null;
    }
    case 'create':
      createDrop(doc, { stageId: readStages(doc)[cmd.stage ?? 0]!.id, title: cmd.title });
      return null;
    case 'bulk': {
      const stageId = readStages(doc)[0]!.id;
      for (let i = 0; i < cmd.count; i++) createDrop(doc, { stageId, title: `${cmd.prefix}${i}` });
      return null;
    }
    case 'rename':
      updateDrop(doc, dropByTitle(cmd.title), { title: cmd.to });
      return null;
    case 'move':
      moveDrop(doc, dropByTitle(cmd.title), readStages(doc)[cmd.stage]!.id, 0);
      return null;
    case 'online':
      sync?.setOnline(cmd.online);
      await sync?.settled();
      return null;
    case 'openDrop':
      sync?.setOpenDrop(cmd.title === null ? null : dropByTitle(cmd.title));
      return null;
    case 'settings':
      sync?.updateSettings(cmd.settings);
      await sync?.settled();
      return null;
    case 'hostile': {
      if (cmd.kind === 'unknown-root') doc.getMap('evil').set('payload', 'x');
      else doc.getMap<unknown>('drops').set(dropByTitle('Target'), 'overwritten');
      return null;
    }
    case 'save':
      return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    case 'state': {
      const snap = sync?.getSnapshot();
      return {
        columns: readBoard(doc).map((c) => c.drops.map((d) => d.title)),
        stages: readStages(doc).length,
        roots: [...doc.share.keys()].sort(),
        sync: snap && {
          state: snap.state,
          peers: snap.peers.map((p) => ({
            name: p.name,
            openDropId: p.openDropId,
            connection: p.connection,
          })),
          unsent: snap.unsent,
          unsentDropCount: snap.unsentDropIds.size,
          lastSyncedAt: snap.lastSyncedAt,
          notices: snap.notices.map((n) => n.kind),
          messages: snap.notices.map((n) => n.message),
          server: snap.server,
        },
        log,
        debug: debugInfo(),
      };
    }
    case 'stop':
      await sync?.destroy();
      raw?.destroy();
      setTimeout(() => process.exit(0), 50);
      return null;
  }
}

// Raw y-webrtc internals, for diagnosing a failed test.
function debugInfo(): unknown {
  const provider = (
    sync as unknown as {
      provider?: {
        room?: { peerId: string; webrtcConns: Map<string, { connected: boolean }> };
        signalingConns: { connected: boolean; url: string }[];
      };
    } | null
  )?.provider;
  if (!provider) return null;
  return {
    peerId: provider.room?.peerId,
    conns: provider.room
      ? [...provider.room.webrtcConns].map(([id, c]) => `${id.slice(0, 6)}:${c.connected}`)
      : null,
    signaling: provider.signalingConns.map((c) => `${c.url}:${c.connected}`),
  };
}

process.on('message', (msg: { id: number; cmd: PeerCommand }) => {
  handle(msg.cmd).then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (e: unknown) =>
      process.send!({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
// An uncaught error in a peer is a test failure: report it instead of dying silently.
process.on('unhandledRejection', (e) => {
  log.push(`UNHANDLED: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
});
