// One person for the team-server benchmark, in its own Node process (y-webrtc allows one
// provider per room per process): the app's WorkspaceSync, peer to peer and/or through a team
// server depending on its settings. Driven by test/bench/server.mjs over IPC.
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import wrtc from '@roamhq/wrtc';
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

(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;

type Cmd =
  | { op: 'init'; settings: SyncSettings; seed: boolean }
  | { op: 'connected' }
  | { op: 'watch' }
  | { op: 'edits'; count: number; intervalMs: number; prefix: string }
  | { op: 'arrivals'; prefix: string; count: number }
  | { op: 'stop' };

const doc = new Y.Doc();
let sync: WorkspaceSync | null = null;
const arrivals = new Map<string, number>();
const now = () => performance.timeOrigin + performance.now();

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 2));
}

async function handle(cmd: Cmd): Promise<unknown> {
  switch (cmd.op) {
    case 'init':
      if (cmd.seed) {
        initWorkspace(doc, { name: 'Bench label', now: 0 });
        createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Edited drop' });
      }
      sync = new WorkspaceSync({
        workspaceId: 'w_bench',
        doc,
        settings: cmd.settings,
        user: { name: 'bench', colour: '#0f766e' },
        wrtc,
        log: () => {},
      });
      await sync.ready();
      return null;
    case 'connected':
      // A peer or the server, and the workspace is here.
      await until(() => sync!.getSnapshot().state === 'connected' && readDrops(doc).length > 0);
      return null;
    case 'watch':
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
      const id = readDrops(doc).find(
        (d) => d.title.startsWith('Edited') || d.title.startsWith('edit'),
      )?.id;
      const sent: number[] = [];
      for (let i = 0; i < cmd.count; i++) {
        sent.push(now());
        updateDrop(doc, (id ?? readDrops(doc)[0]!.id) as DropId, { title: `${cmd.prefix}${i}` });
        await new Promise((r) => setTimeout(r, cmd.intervalMs));
      }
      return { sent };
    }
    case 'arrivals': {
      const seen = () => [...arrivals].filter(([title]) => title.startsWith(cmd.prefix));
      const deadline = performance.now() + 3000;
      await until(() => seen().length >= cmd.count || performance.now() > deadline);
      return Object.fromEntries(seen());
    }
    case 'stop':
      await sync?.destroy();
      setTimeout(() => process.exit(0), 20);
      return null;
  }
}

process.on('message', (msg: { id: number; cmd: Cmd }) => {
  handle(msg.cmd).then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (e: unknown) =>
      process.send!({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
