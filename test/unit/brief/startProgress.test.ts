import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readStartProgress, startComplete, updateBrief } from '../../../shared/brief';
import {
  createDrop,
  initWorkspace,
  readDrops,
  readStages,
  setDropArchived,
  updateDrop,
  type DropId,
} from '../../../shared/model';
import { p, writeBody } from './fixtures';

function emptyWorkspace() {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour & Thread' });
  const stageId = readStages(doc)[0]!.id;
  return { doc, stageId };
}

describe('the first steps read from the document', () => {
  it('starts with nothing done and never adds a brief body by reading', () => {
    const { doc } = emptyWorkspace();
    expect(readStartProgress(doc)).toEqual({ firstDropId: null, briefWritten: false, planned: 0 });
    expect(startComplete(readStartProgress(doc))).toBe(false);
  });

  it('ticks the first drop, its brief (body or a written field) and three dated drops after it', () => {
    const { doc, stageId } = emptyWorkspace();
    const first = createDrop(doc, { stageId, title: 'Harbour linen' }, 1000);
    const keysBefore = [...doc.share.keys()].sort();
    let progress = readStartProgress(doc);
    expect(progress).toEqual({ firstDropId: first, briefWritten: false, planned: 0 });
    // Reading a missing body does not create one.
    expect([...doc.share.keys()].sort()).toEqual(keysBefore);

    // An empty paragraph is not writing.
    writeBody(doc, first, [p('')]);
    expect(readStartProgress(doc).briefWritten).toBe(false);
    writeBody(doc, first, [p('Salt on linen, shot at dawn.')]);
    expect(readStartProgress(doc).briefWritten).toBe(true);

    const ids: DropId[] = [];
    for (const [i, day] of ['2026-01-20', '2026-02-20', '2026-03-20'].entries()) {
      // A drop without a date is not yet planned.
      ids.push(createDrop(doc, { stageId, title: `Next ${i}` }, 2000 + i));
      expect(readStartProgress(doc).planned).toBe(i);
      createDrop(doc, { stageId, title: `Dated ${i}`, dropDate: day }, 3000 + i);
    }
    progress = readStartProgress(doc);
    expect(progress.planned).toBe(3);
    expect(startComplete(progress)).toBe(true);
  });

  it('counts a written field of the brief, and not archived drops', () => {
    const { doc, stageId } = emptyWorkspace();
    const first = createDrop(doc, { stageId, title: 'Old' }, 1);
    const second = createDrop(doc, { stageId, title: 'New', dropDate: '2026-02-01' }, 2);
    expect(readStartProgress(doc)).toMatchObject({ firstDropId: first, planned: 1 });
    setDropArchived(doc, first, true);
    expect(readStartProgress(doc)).toMatchObject({ firstDropId: second, planned: 0 });
    updateBrief(doc, second, { goal: 'Sell out the 120 shirts in 72 hours.' });
    expect(readStartProgress(doc).briefWritten).toBe(true);
  });

  it('counts the narrative, the brief’s first field (shared with the drop)', () => {
    const { doc, stageId } = emptyWorkspace();
    const id = createDrop(doc, { stageId, title: 'Harbour linen' });
    updateDrop(doc, id, { narrative: '   ' });
    expect(readStartProgress(doc).briefWritten).toBe(false);
    updateDrop(doc, id, { narrative: 'Linen cut for the harbour wind.' });
    expect(readStartProgress(doc).briefWritten).toBe(true);
  });

  it('does not count the brief of an archived drop', () => {
    const { doc, stageId } = emptyWorkspace();
    const old = createDrop(doc, { stageId, title: 'Old' }, 1);
    createDrop(doc, { stageId, title: 'New' }, 2);
    writeBody(doc, old, [p('Salt on linen, shot at dawn.')]);
    updateBrief(doc, old, { goal: 'Sell out.' });
    expect(readStartProgress(doc).briefWritten).toBe(true);
    setDropArchived(doc, old, true);
    expect(readStartProgress(doc).briefWritten).toBe(false);
  });

  it('reads the same from drops the caller holds as from the document', () => {
    const { doc, stageId } = emptyWorkspace();
    const ids = [3, 1, 2].map((t) => createDrop(doc, { stageId, title: `Drop ${t}` }, t));
    updateDrop(doc, ids[0]!, { dropDate: '2026-03-01' });
    updateDrop(doc, ids[1]!, { dropDate: '2026-01-01' });
    updateBrief(doc, ids[2]!, { doNots: 'No logos.' });
    const fromDoc = readStartProgress(doc);
    // The oldest drop is the first, whatever order the drops come in; its own date is not a
    // next drop planned.
    expect(fromDoc).toEqual({ firstDropId: ids[1], briefWritten: true, planned: 1 });
    expect(readStartProgress(doc, readDrops(doc).reverse())).toEqual(fromDoc);
  });
});
