import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createDrop, initWorkspace, moveDrop, readStages, updateDrop } from '../../../shared/model';
import { dropsChangedBy } from '../../../shared/sync/changedDrops';

function record(doc: Y.Doc, edit: () => void): Set<string> {
  let seen = new Set<string>();
  const f = (tr: Y.Transaction) => (seen = dropsChangedBy(doc, tr));
  doc.on('afterTransaction', f);
  edit();
  doc.off('afterTransaction', f);
  return seen;
}

describe('dropsChangedBy', () => {
  it('names the drops an edit touched: created, edited, moved, brief body', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Label' });
    const [first, second] = readStages(doc);
    let id = '';
    expect(
      record(doc, () => (id = createDrop(doc, { stageId: first!.id, title: 'Linen' }))),
    ).toEqual(new Set([id]));
    const other = createDrop(doc, { stageId: first!.id, title: 'Denim' });
    expect(record(doc, () => updateDrop(doc, other, { title: 'Denim, washed' }))).toEqual(
      new Set([other]),
    );
    expect(record(doc, () => moveDrop(doc, other, second!.id, 0))).toEqual(new Set([other]));
    expect(
      record(doc, () => doc.getXmlFragment(`brief:${id}`).insert(0, [new Y.XmlText('Hero shot')])),
    ).toEqual(new Set([id]));
    expect(record(doc, () => doc.getMap('meta').set('name', 'Renamed'))).toEqual(new Set());
  });
});
