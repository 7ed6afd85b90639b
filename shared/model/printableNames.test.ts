import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createCreator, readCreator } from './creator';
import { createDrop, readDrop, updateDrop } from './drop';
import { addStage, readStages, renameStage } from './stage';
import { root } from './schema';
import { initWorkspace } from './workspace';
import type { CreatorId, DropId } from './ids';

// Drop titles, creator names and stage names are shown in lists (cards, columns, the directory):
// a title with U+202E reverses the card's text, a line break breaks the card's layout.
function workspace() {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Saltmarsh Studio' });
  return doc;
}
const record = (doc: Y.Doc, map: 'drops' | 'creators' | 'stages', id: string) =>
  root[map](doc).get(id) as unknown as Y.Map<unknown>;

describe('names and titles shown in lists', () => {
  it('are saved as one plain line from the forms', () => {
    const doc = workspace();
    const stageId = readStages(doc)[0]!.id;
    const dropId = createDrop(doc, { stageId, title: 'Sale\u202Eends\nSoon' });
    expect(record(doc, 'drops', dropId).get('title')).toBe('Sale ends Soon');
    updateDrop(doc, dropId, { title: '\u2067Harbour\u2069 Linen\t' });
    expect(record(doc, 'drops', dropId).get('title')).toBe('Harbour Linen');
    expect(() => updateDrop(doc, dropId, { title: '\u202E\u200F' })).toThrow();
    const creatorId = createCreator(doc, { name: 'Mal\u202Elory\r\n' });
    expect(record(doc, 'creators', creatorId).get('name')).toBe('Mal lory');
    const added = addStage(doc, 'Re\u202Eview\n2');
    expect(record(doc, 'stages', added).get('name')).toBe('Re view 2');
    renameStage(doc, added, 'Wrap\u2066up');
    expect(record(doc, 'stages', added).get('name')).toBe('Wrap up');
  });

  it('read as one plain line when a teammate or a file wrote them, without rewriting them', () => {
    const doc = workspace();
    const stage = readStages(doc)[0]!;
    const dropId: DropId = createDrop(doc, { stageId: stage.id, title: 'Harbour Linen' });
    const creatorId: CreatorId = createCreator(doc, { name: 'Mallory' });
    doc.transact(() => {
      record(doc, 'drops', dropId).set('title', 'Sale\u202Eends\nSoon');
      record(doc, 'creators', creatorId).set('name', 'Mal\u202Elory');
      record(doc, 'stages', stage.id).set('name', 'Con\ncept\u202E');
    });
    expect(readDrop(doc, dropId)!.title).toBe('Sale ends Soon');
    expect(readCreator(doc, creatorId)!.name).toBe('Mal lory');
    expect(readStages(doc)[0]!.name).toBe('Con cept');
    expect(record(doc, 'drops', dropId).get('title')).toBe('Sale\u202Eends\nSoon');
    // Nothing left: the usual names for a missing one.
    doc.transact(() => {
      record(doc, 'drops', dropId).set('title', '\u202E');
      record(doc, 'creators', creatorId).set('name', '\n');
      record(doc, 'stages', stage.id).set('name', '\u2066');
    });
    expect(readDrop(doc, dropId)!.title).toBe('Untitled drop');
    expect(readCreator(doc, creatorId)!.name).toBe('Unnamed creator');
    expect(readStages(doc)[0]!.name).toBe('Untitled');
    // Positive control: ordinary text in any script is read as written.
    doc.transact(() => record(doc, 'drops', dropId).set('title', 'שלום — Ткань 🌾'));
    expect(readDrop(doc, dropId)!.title).toBe('שלום — Ткань 🌾');
  });
});
