import { describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import {
  createDrop,
  deleteDrop,
  initWorkspace,
  readDrop,
  readStages,
  updateDrop,
  type DropId,
} from '../../../shared/model';
import { updateBrief, resolveBrief } from '../../../shared/brief/brief';
import { restoreDropsFromSnapshot } from '../../../shared/history/restore';
import {
  restoreDeletedDrops,
  watchRemoteDropDeletions,
  type RemoteDropDeletion,
} from '../../../shared/sync/remoteDeletions';

/** Two copies of one workspace with two drops. */
function team() {
  const mine = new Doc();
  initWorkspace(mine, { name: 'Harbour & Thread' });
  const stageId = readStages(mine)[1]!.id;
  const linen = createDrop(mine, { stageId, title: 'Harbour linen' });
  const coat = createDrop(mine, { stageId, title: 'Storm coat' });
  const theirs = new Doc();
  applyUpdate(theirs, encodeStateAsUpdate(mine));
  const send = (from: Doc, to: Doc) => applyUpdate(to, encodeStateAsUpdate(from), 'peer');
  return { mine, theirs, stageId, linen, coat, send };
}

describe('a teammate deleting drops', () => {
  it('is reported as it arrives; this person’s own deletions are not', () => {
    const { mine, theirs, stageId, linen, coat, send } = team();
    const reported: string[][] = [];
    const stop = watchRemoteDropDeletions(mine, (d) => reported.push(d.dropIds));

    deleteDrop(mine, linen);
    expect(reported).toEqual([]);
    deleteDrop(theirs, coat);
    send(theirs, mine);
    expect(reported).toEqual([[coat]]);

    stop();
    const again = createDrop(theirs, { stageId, title: 'Tide tote' });
    send(theirs, mine);
    deleteDrop(theirs, again);
    send(theirs, mine);
    expect(reported).toEqual([[coat]]);
  });

  it('keeps the drops it is told to as they were here, and they can be put back', () => {
    const { mine, theirs, stageId, linen, coat, send } = team();
    const deletions: RemoteDropDeletion[] = [];
    const unseen = new Set<string>();
    watchRemoteDropDeletions(
      mine,
      (d) => deletions.push(d),
      () => unseen,
    );

    // Changed here, unseen by the teammate; a change of theirs arrives meanwhile (the copy is
    // taken before it), then one more change here, then their deletion of both drops.
    updateDrop(mine, linen, { narrative: 'Linen for the harbour walk.' });
    unseen.add(linen);
    updateDrop(theirs, coat, { title: 'Storm coat, long' });
    send(theirs, mine);
    updateBrief(mine, linen, { goal: 'Sell out the sand colour in a week.' });
    updateDrop(mine, linen, { title: 'Harbour linen, sand' });
    deleteDrop(theirs, linen);
    deleteDrop(theirs, coat);
    send(theirs, mine);

    expect(deletions).toHaveLength(1);
    const [deletion] = deletions;
    expect([...deletion!.dropIds].sort()).toEqual([linen, coat].sort());
    // Only the drop changed here is kept (the other one is the teammate's to delete).
    expect(deletion!.keptIds).toEqual([linen]);
    expect(readDrop(mine, linen)).toBeNull();

    const result = restoreDropsFromSnapshot(mine, deletion!.kept!, deletion!.keptIds);
    expect(result.restored).toEqual([linen]);
    const back = readDrop(mine, linen as DropId)!;
    expect(back.title).toBe('Harbour linen, sand');
    expect(back.narrative).toBe('Linen for the harbour walk.');
    expect(back.pos.stageId).toBe(stageId);
    expect(resolveBrief(mine, linen)?.fields.goal).toBe('Sell out the sand colour in a week.');
    expect(readDrop(mine, coat)).toBeNull();
    // The teammate gets it back with the next exchange.
    send(mine, theirs);
    expect(readDrop(theirs, linen)?.title).toBe('Harbour linen, sand');
  });

  it('keeps nothing when no drop changed here is deleted', () => {
    const { mine, theirs, linen, coat, send } = team();
    const deletions: RemoteDropDeletion[] = [];
    watchRemoteDropDeletions(
      mine,
      (d) => deletions.push(d),
      () => [linen],
    );
    updateDrop(mine, linen, { title: 'Harbour linen, sand' });
    deleteDrop(theirs, coat);
    send(theirs, mine);
    expect(deletions).toMatchObject([{ dropIds: [coat], kept: null, keptIds: [] }]);
  });

  it('reads every deleted drop as it was, and puts it back with its brief', () => {
    const { mine, theirs, stageId, linen, send } = team();
    updateDrop(theirs, linen, { narrative: 'Linen on the harbour wall.' });
    updateBrief(theirs, linen, { goal: 'Sell out in a week.' });
    send(theirs, mine);
    const heard: RemoteDropDeletion[] = [];
    watchRemoteDropDeletions(mine, (d) => heard.push(d));
    deleteDrop(theirs, linen);
    send(theirs, mine);
    expect(readDrop(mine, linen)).toBeNull();
    const [deletion] = heard;
    expect(deletion!.values).toHaveLength(1);
    expect(deletion!.values[0]!.drop).toMatchObject({
      title: 'Harbour linen',
      narrative: 'Linen on the harbour wall.',
      pos: { stageId },
    });
    expect(restoreDeletedDrops(mine, deletion!.values)).toBe(1);
    send(mine, theirs);
    for (const doc of [mine, theirs]) {
      expect(readDrop(doc, linen)).toMatchObject({
        narrative: 'Linen on the harbour wall.',
        pos: { stageId },
      });
      expect(resolveBrief(doc, linen)?.fields.goal).toBe('Sell out in a week.');
    }
    // Back already: nothing to do.
    expect(restoreDeletedDrops(mine, deletion!.values)).toBe(0);
  });
});
