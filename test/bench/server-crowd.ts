// The team-server benchmark's crowd: N simulated clients (plain @hocuspocus/provider, one
// Y.Doc each) in one Node process, each editing its own drop's title now and then, plus one
// observer that records when each edit becomes visible to it. Driven over IPC.
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { HocuspocusProvider } from '@hocuspocus/provider';
import {
  createDrop,
  initWorkspace,
  readStages,
  root,
  updateDrop,
  type DropId,
} from '../../shared/model';

type Cmd =
  | { op: 'start'; url: string; document: string; token: string; clients: number }
  | { op: 'run'; seconds: number; editEveryMs: number }
  | { op: 'stop' };

const now = () => performance.timeOrigin + performance.now();
const providers: HocuspocusProvider[] = [];
const clients: { doc: Y.Doc; drop: DropId }[] = [];
const seenAt = new Map<string, number>();

function connect(url: string, document: string, token: string, doc: Y.Doc): HocuspocusProvider {
  const p = new HocuspocusProvider({
    url,
    name: document,
    token,
    document: doc,
    ...({ WebSocketPolyfill: WebSocket } as object), // not in the provider's type
  });
  providers.push(p);
  return p;
}

const synced = (p: HocuspocusProvider) =>
  new Promise<void>((r) => (p.isSynced ? r() : p.on('synced', () => r())));

async function handle(cmd: Cmd): Promise<unknown> {
  switch (cmd.op) {
    case 'start': {
      const observer = new Y.Doc();
      await synced(connect(cmd.url, cmd.document, cmd.token, observer));
      if (readStages(observer).length === 0) initWorkspace(observer, { name: 'Crowd', now: 0 });
      observer.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.local) return;
        const t = now();
        for (const key of tr.changedParentTypes.keys()) {
          const title = key instanceof Y.Map ? key.get('title') : undefined;
          if (typeof title === 'string' && title.includes('#') && !seenAt.has(title))
            seenAt.set(title, t);
        }
      });
      for (let i = 0; i < cmd.clients; i++) {
        const doc = new Y.Doc();
        const p = connect(cmd.url, cmd.document, cmd.token, doc);
        await synced(p);
        while (readStages(doc).length === 0) await new Promise((r) => setTimeout(r, 5));
        const drop = createDrop(doc, { stageId: readStages(doc)[0]!.id, title: `client ${i}` });
        clients.push({ doc, drop });
      }
      // Until the observer has every client's drop.
      while (root.drops(observer).size < cmd.clients) await new Promise((r) => setTimeout(r, 10));
      return null;
    }
    case 'run': {
      const sent = new Map<string, number>();
      const end = performance.now() + cmd.seconds * 1000;
      let n = 0;
      // Each client edits every `editEveryMs`, staggered so edits spread evenly.
      const timers = clients.map((c, i) =>
        setTimeout(
          function tick() {
            if (performance.now() > end) return;
            const title = `client ${i} #${n++}`;
            sent.set(title, now());
            updateDrop(c.doc, c.drop, { title });
            timers[i] = setTimeout(tick, cmd.editEveryMs);
          },
          (cmd.editEveryMs * i) / clients.length,
        ),
      );
      await new Promise((r) => setTimeout(r, cmd.seconds * 1000 + 2000));
      timers.forEach(clearTimeout);
      const lat: number[] = [];
      let lost = 0;
      for (const [title, t0] of sent) {
        const t1 = seenAt.get(title);
        if (t1 === undefined) lost++;
        else lat.push(t1 - t0);
      }
      return { lat, edits: sent.size, lost };
    }
    case 'stop':
      for (const p of providers) p.destroy();
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
