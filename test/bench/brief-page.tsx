// Benchmark page for briefs (bundled by brief.mjs with esbuild and driven in Chromium): the
// real brief editor over an in-memory workspace, a simulated remote peer, and the print view.
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { createRoot, type Root } from 'react-dom/client';
import * as Y from 'yjs';
import { buildBriefPrintModel, readBriefState, updateBrief } from '../../shared/brief';
import {
  createCreator,
  createDrop,
  createUndoManager,
  initWorkspace,
  linkCreator,
  readStages,
  root as docRoot,
  type DropId,
} from '../../shared/model';
import { WorkspaceStore } from '../../shared/store/workspaceStore';
import { BriefEditor } from '../../renderer/src/briefs/BriefEditor';
import { briefSchemaExtensions } from '../../renderer/src/briefs/editor/extensions';
import { BriefPrint } from '../../renderer/src/briefs/print/BriefPrint';
import '../../renderer/src/ui/print/fonts.css';
import '../../renderer/src/briefs/print/print.css';
import { WorkspaceProvider } from '../../renderer/src/state';
import type { OpenWorkspace } from '../../renderer/src/workspace';

const schema = getSchema(briefSchemaExtensions());
const WORDS =
  'linen harbour wind sleeve stitch dawn quay salt rope indigo trim texture light shadow fold hem'.split(
    ' ',
  );

/** About one printed page of creative direction: a heading and eight 40-word paragraphs. */
function pageOfText(n: number) {
  const para = (k: number) => ({
    type: 'paragraph',
    content: [
      {
        type: 'text',
        text:
          Array.from({ length: 40 }, (_, i) => WORDS[(n * 7 + k * 3 + i) % WORDS.length]).join(
            ' ',
          ) + '.',
      },
    ],
  });
  return [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Scene ${n + 1}` }] },
    ...Array.from({ length: 8 }, (_, k) => para(k)),
  ];
}

function workspace(pages: number) {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour & Thread' });
  const stageId = readStages(doc)[1]!.id;
  const creatorId = createCreator(doc, {
    name: 'Mara Lin',
    handles: { tiktok: 'maralin', instagram: 'mara.lin' },
    discountCode: 'MARA15',
    trackingLink: 'https://harbour.example.com/?ref=mara',
    revenueSharePct: 12,
  });
  const dropId = createDrop(doc, {
    stageId,
    title: 'Harbour linen',
    narrative: 'Linen cut for the harbour wind: one shirt, three ways, sewn in Porto.',
    shootDate: '2026-03-10',
    publishDate: '2026-03-16',
    dropDate: '2026-03-17',
    inventory: 120,
    channels: ['tiktok', 'instagram', 'popup'],
  });
  linkCreator(doc, dropId, creatorId);
  updateBrief(doc, dropId, {
    fee: 350,
    sampleSizes: 'S, M',
    contacts: 'Producer: Sam Ortiz, sam@harbour.example.com',
  });
  prosemirrorJSONToYXmlFragment(
    schema,
    { type: 'doc', content: Array.from({ length: pages }, (_, n) => pageOfText(n)).flat() },
    docRoot.briefBody(doc, dropId),
  );
  const undoManager = createUndoManager(doc);
  const store = new WorkspaceStore(doc, undoManager);
  const ws: OpenWorkspace = {
    id: 'bench',
    doc,
    undoManager,
    store,
    compacted: Promise.resolve(0),
    destroy: async () => store.destroy(),
  };
  return { ws, dropId };
}

const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let reactRoot: Root | null = null;
let current: ReturnType<typeof workspace> | null = null;
let remoteTimer: ReturnType<typeof setInterval> | null = null;

function fresh(): HTMLElement {
  reactRoot?.unmount();
  if (remoteTimer) clearInterval(remoteTimer);
  document.documentElement.classList.remove('print-mode');
  const el = document.getElementById('root')!;
  reactRoot = createRoot(el);
  return el;
}

const api = {
  /** Opens a brief whose text is `pages` pages long; ms from render call to the editor painted. */
  async open(pages: number): Promise<number> {
    fresh();
    current = workspace(pages);
    await nextPaint();
    const t0 = performance.now();
    reactRoot!.render(
      <WorkspaceProvider ws={current.ws} onError={() => {}}>
        <BriefEditor
          workspaceId="bench"
          dropId={current.dropId}
          onClose={() => {}}
          onMessage={() => {}}
        />
      </WorkspaceProvider>,
    );
    while (!document.querySelector('.brief-prose h2')) await new Promise((r) => setTimeout(r, 0));
    await nextPaint();
    return performance.now() - t0;
  },

  /**
   * A remote peer types into the brief every `everyMs` (its updates arrive as they would over
   * the network, one message each). Records keystroke → next paint for local typing.
   */
  startRemoteAndWatchKeys(everyMs: number): void {
    const local = current!.ws.doc;
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    remote.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'net') setTimeout(() => Y.applyUpdate(local, u, 'net'), 0);
    });
    local.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'net') setTimeout(() => Y.applyUpdate(remote, u, 'net'), 0);
    });
    const fragment = docRoot.briefBody(remote, current!.dropId as DropId);
    let k = 0;
    remoteTimer = setInterval(() => {
      // The remote peer types near the end of the text, one character at a time.
      const para = fragment.get(fragment.length - 2) as Y.XmlElement;
      const text = para.get(0) as Y.XmlText;
      text.insert(text.length, 'abcdefghij'[k++ % 10]!);
    }, everyMs);
    const out: number[] = [];
    (window as unknown as { keys_: number[] }).keys_ = out;
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => out.push(performance.now() - t0), 0));
      },
      true,
    );
  },

  /** Renders the print view of a brief with `pages` pages of text; ms to ready (fonts in). */
  async print(pages: number): Promise<number> {
    fresh();
    current = workspace(pages);
    const state = readBriefState(current.ws.doc, current.dropId)!;
    const t0 = performance.now();
    document.documentElement.classList.add('print-mode');
    const model = buildBriefPrintModel(state.brief, state.body, { version: 1, pageSize: 'A4' });
    reactRoot!.render(
      <>
        <style>{'@page { size: A4; margin: 16mm 16mm 18mm; }'}</style>
        <BriefPrint model={model} />
      </>,
    );
    await nextPaint();
    await document.fonts.ready;
    return performance.now() - t0;
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
