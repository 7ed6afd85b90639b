import { describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import {
  createCreator,
  createDrop,
  deleteCreator,
  deleteDrop,
  initWorkspace,
  moveStage,
  readCreator,
  readDrop,
  readMeta,
  readStages,
  renameStage,
  renameWorkspace,
  updateCreator,
  updateDrop,
} from '../../../shared/model';
import { updateBrief, resolveBrief } from '../../../shared/brief/brief';
import {
  fieldWords,
  putBackOverwritten,
  watchConcurrentOverwrites,
  type OverwrittenRecord,
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
    const list: OverwrittenRecord[][] = [];
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
          kind: 'drop',
          id: linen,
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
    const marked: OverwrittenRecord[][] = [];
    const unmarked: OverwrittenRecord[][] = [];
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

describe('creators, stage names and the workspace’s settings changed on both sides while apart', () => {
  it('reports each to the one whose value went, with what it was, and puts them back', () => {
    const { mine, theirs, send, heard } = team();
    const zoe = createCreator(mine, { name: 'Zoë Park', email: 'zoe@example.com' });
    send(mine, theirs);
    const stage = readStages(mine)[2]!.id;
    const here = heard(mine);
    updateCreator(mine, zoe, { email: 'zoe@harbour.test', handles: { tiktok: 'zoe.sews' } });
    renameStage(mine, stage, 'Shoot week');
    renameWorkspace(mine, 'Harbour Thread SS27');
    updateCreator(theirs, zoe, { email: 'zoe.park@studio.test', handles: { tiktok: 'zoepark' } });
    renameStage(theirs, stage, 'On set');
    renameWorkspace(theirs, 'Harbour & Thread, summer');
    send(theirs, mine);
    expect(readCreator(mine, zoe)?.email).toBe('zoe.park@studio.test');
    const [reported] = here;
    const byKind = new Map(reported!.map((r) => [r.kind, r]));
    expect(byKind.get('creator')).toEqual({
      kind: 'creator',
      id: zoe,
      fields: expect.arrayContaining([
        { record: 'creator', key: 'email', mine: 'zoe@harbour.test' },
        { record: 'creator', key: 'handle:tiktok', mine: 'zoe.sews' },
      ]),
    });
    expect(byKind.get('creator')!.fields.map(fieldWords).sort()).toEqual([
      'TikTok handle',
      'email',
    ]);
    expect(byKind.get('stage')).toEqual({
      kind: 'stage',
      id: stage,
      fields: [{ record: 'stage', key: 'name', mine: 'Shoot week' }],
    });
    expect(byKind.get('workspace')).toEqual({
      kind: 'workspace',
      id: 'workspace',
      fields: [{ record: 'workspace', key: 'name', mine: 'Harbour Thread SS27' }],
    });
    expect(putBackOverwritten(mine, reported!)).toBe(3);
    send(mine, theirs);
    for (const doc of [mine, theirs]) {
      expect(readCreator(doc, zoe)).toMatchObject({
        email: 'zoe@harbour.test',
        handles: { tiktok: 'zoe.sews' },
      });
      expect(readStages(doc).find((s) => s.id === stage)?.name).toBe('Shoot week');
      expect(readMeta(doc).name).toBe('Harbour Thread SS27');
    }
    expect(here).toHaveLength(1);
  });

  it('is not reported for a stage moved on both sides, a value seen first, or a value from an earlier session', () => {
    const { mine, theirs, send, heard } = team();
    const zoe = createCreator(mine, { name: 'Zoë Park' });
    send(mine, theirs);
    const here = heard(mine);
    // Moves of a stage are its place, not words.
    moveStage(mine, readStages(mine)[0]!.id, 3);
    moveStage(theirs, readStages(theirs)[0]!.id, 2);
    // Seen first, then changed: knowingly replaced.
    updateCreator(mine, zoe, { notes: 'Mornings only.' });
    send(mine, theirs);
    updateCreator(theirs, zoe, { notes: 'Mornings, or after four.' });
    send(theirs, mine);
    expect(readCreator(mine, zoe)?.notes).toBe('Mornings, or after four.');
    // Written here in an earlier session (another client id), with no mark that outlives it;
    // beside it, a value written in this session is reported (the positive control).
    updateCreator(mine, zoe, { region: 'Lisbon' });
    const reopened = new Doc();
    reopened.clientID = 0;
    applyUpdate(reopened, encodeStateAsUpdate(mine));
    const later: OverwrittenRecord[][] = [];
    watchConcurrentOverwrites(reopened, (o) => later.push(o));
    updateCreator(reopened, zoe, { discountCode: 'ZOE10' });
    updateCreator(theirs, zoe, { region: 'Porto', discountCode: 'PARK15' });
    send(theirs, reopened);
    expect(readCreator(reopened, zoe)).toMatchObject({ region: 'Porto', discountCode: 'PARK15' });
    expect(later.flat().flatMap((r) => r.fields)).toEqual([
      { record: 'creator', key: 'discountCode', mine: 'ZOE10' },
    ]);
    expect(here).toEqual([]);
  });

  it('skips a creator deleted since when putting back', () => {
    const { mine, theirs, send, heard } = team();
    const zoe = createCreator(mine, { name: 'Zoë Park' });
    send(mine, theirs);
    const here = heard(mine);
    updateCreator(mine, zoe, { name: 'Zoë P.' });
    updateCreator(theirs, zoe, { name: 'Zoe Park' });
    send(theirs, mine);
    const [reported] = here;
    expect(reported).toHaveLength(1);
    deleteCreator(theirs, zoe);
    send(theirs, mine);
    expect(putBackOverwritten(mine, reported!)).toBe(0);
    expect(readCreator(mine, zoe)).toBeNull();
  });
});
