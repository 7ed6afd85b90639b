import { describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import {
  createDrop,
  deleteDrop,
  initWorkspace,
  readDrop,
  readStages,
  updateDrop,
} from '../../../shared/model';
import { updateBrief, resolveBrief } from '../../../shared/brief/brief';
import {
  fieldWords,
  putBackOverwritten,
  watchConcurrentOverwrites,
  type OverwrittenDrop,
} from '../../../shared/sync/remoteOverwrites';

/** Two copies of one workspace with a drop; Yjs keeps the higher client id's concurrent value. */
function team() {
  const mine = new Doc();
  mine.clientID = 1;
  initWorkspace(mine, { name: 'Harbour & Thread' });
  const stageId = readStages(mine)[1]!.id;
  const linen = createDrop(mine, { stageId, title: 'Harbour linen' });
  const theirs = new Doc();
  theirs.clientID = 2;
  applyUpdate(theirs, encodeStateAsUpdate(mine));
  const send = (from: Doc, to: Doc) => applyUpdate(to, encodeStateAsUpdate(from), 'peer');
  const heard = (doc: Doc, changedHere?: () => string[]) => {
    const list: OverwrittenDrop[][] = [];
    watchConcurrentOverwrites(doc, (o) => list.push(o), changedHere);
    return list;
  };
  return { mine, theirs, stageId, linen, send, heard };
}

describe('a teammate’s value written while apart replacing the one here', () => {
  it('is reported to the one whose value went, with what it was; not to the other', () => {
    const { mine, theirs, linen, send, heard } = team();
    const here = heard(mine);
    const there = heard(theirs);
    updateDrop(mine, linen, { title: 'Harbour linen, sand', narrative: 'Sand at dawn.' });
    updateDrop(theirs, linen, { title: 'Harbour linen, rope', narrative: 'Rope on the quay.' });
    send(theirs, mine);
    send(mine, theirs);
    expect(readDrop(mine, linen)?.title).toBe('Harbour linen, rope');
    expect(readDrop(theirs, linen)?.title).toBe('Harbour linen, rope');
    expect(here).toEqual([
      [
        {
          dropId: linen,
          fields: [
            { record: 'drop', key: 'title', mine: 'Harbour linen, sand' },
            { record: 'drop', key: 'narrative', mine: 'Sand at dawn.' },
          ],
        },
      ],
    ]);
    expect(there).toEqual([]);
  });

  it('is not reported when the teammate had seen the value here, or wrote the same', () => {
    const { mine, theirs, linen, send, heard } = team();
    const here = heard(mine);
    updateDrop(mine, linen, { title: 'Harbour linen, sand' });
    send(mine, theirs);
    updateDrop(theirs, linen, { title: 'Harbour linen, final' });
    send(theirs, mine);
    expect(readDrop(mine, linen)?.title).toBe('Harbour linen, final');
    updateDrop(mine, linen, { narrative: 'Same words.' });
    updateDrop(theirs, linen, { narrative: 'Same words.' });
    send(theirs, mine);
    expect(here).toEqual([]);
  });

  it('counts a value from an earlier session here when its drop is marked as changed here', () => {
    const { mine, theirs, linen, send } = team();
    updateDrop(mine, linen, { title: 'Written yesterday' });
    // The app restarted: the same document under a new client id, its mark kept.
    const reopened = new Doc();
    reopened.clientID = 0;
    applyUpdate(reopened, encodeStateAsUpdate(mine));
    const marked: OverwrittenDrop[][] = [];
    const unmarked: OverwrittenDrop[][] = [];
    watchConcurrentOverwrites(
      reopened,
      (o) => marked.push(o),
      () => [linen],
    );
    const other = new Doc();
    other.clientID = 0;
    applyUpdate(other, encodeStateAsUpdate(mine));
    watchConcurrentOverwrites(other, (o) => unmarked.push(o));
    updateDrop(theirs, linen, { title: 'Written today' });
    send(theirs, reopened);
    send(theirs, other);
    expect(marked.flat().map((o) => o.fields)).toEqual([
      [{ record: 'drop', key: 'title', mine: 'Written yesterday' }],
    ]);
    expect(unmarked).toEqual([]);
  });

  it('covers the brief’s fields, and puts the values back as one local edit', () => {
    const { mine, theirs, linen, send, heard } = team();
    const here = heard(mine);
    updateBrief(mine, linen, { whyCreator: 'Her harbour series.' });
    updateDrop(mine, linen, { title: 'Mine' });
    updateBrief(theirs, linen, { whyCreator: 'Their pick.' });
    updateDrop(theirs, linen, { title: 'Theirs' });
    send(theirs, mine);
    const [overwritten] = here;
    expect(overwritten!.flatMap((o) => o.fields.map(fieldWords)).sort()).toEqual([
      'title',
      'why this creator',
    ]);
    expect(putBackOverwritten(mine, overwritten!)).toBe(1);
    send(mine, theirs);
    for (const doc of [mine, theirs]) {
      expect(readDrop(doc, linen)?.title).toBe('Mine');
      expect(resolveBrief(doc, linen)?.fields.whyCreator).toBe('Her harbour series.');
    }
    // Nothing more to report: putting back is this person's own edit.
    expect(here).toHaveLength(1);
    deleteDrop(theirs, linen);
    send(theirs, mine);
    expect(putBackOverwritten(mine, overwritten!)).toBe(0);
  });
});
