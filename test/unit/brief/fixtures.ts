import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  createCreator,
  createDrop,
  initWorkspace,
  linkCreator,
  readStages,
  root,
  type DropId,
} from '../../../shared/model';
import { briefSchemaExtensions } from '../../../renderer/src/briefs/editor/extensions';

export const schema = getSchema(briefSchemaExtensions());

/** A workspace with one drop linked to one creator, as a producer would set it up. */
export function briefWorkspace() {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour & Thread' });
  const stageId = readStages(doc)[1]!.id;
  const creatorId = createCreator(doc, {
    name: 'Mara Lin',
    handles: { tiktok: 'maralin', instagram: 'mara.lin' },
    platform: 'tiktok',
    email: 'mara@studio.com',
    revenueSharePct: 12,
    discountCode: 'MARA15',
    trackingLink: 'https://harbour.example.com/?ref=mara',
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
  return { doc, dropId, creatorId, stageId };
}

/** Replaces a brief's rich text with ProseMirror JSON content (what the editor would write). */
export function writeBody(doc: Y.Doc, dropId: DropId, content: unknown[]): void {
  doc.transact(() => {
    const fragment = root.briefBody(doc, dropId);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, fragment);
  });
}

export const p = (text: string, marks?: { type: string; attrs?: object }[]) => ({
  type: 'paragraph',
  content: text ? [{ type: 'text', text, ...(marks ? { marks } : {}) }] : [],
});

/** Connects docs so every update reaches the others (an always-online room). */
export function connect(...docs: Y.Doc[]): () => void {
  const handlers = docs.map((from) => {
    const h = (update: Uint8Array, origin: unknown) => {
      for (const to of docs)
        if (to !== from && origin !== 'remote') Y.applyUpdate(to, update, 'remote');
    };
    from.on('update', h);
    return () => from.off('update', h);
  });
  return () => handlers.forEach((off) => off());
}

/** Two-way state exchange, as on reconnect. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

export function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
