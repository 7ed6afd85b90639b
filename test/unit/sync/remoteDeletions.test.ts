import { describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate } from 'yjs';
import { createDrop, deleteDrop, initWorkspace, readStages } from '../../../shared/model';
import { watchRemoteDropDeletions } from '../../../shared/sync/remoteDeletions';

describe('a teammate deleting drops', () => {
  it('is reported as it arrives; this person’s own deletions are not', () => {
    const mine = new Doc();
    initWorkspace(mine, { name: 'Harbour & Thread' });
    const stageId = readStages(mine)[0]!.id;
    const kept = createDrop(mine, { stageId, title: 'Harbour linen' });
    const gone = createDrop(mine, { stageId, title: 'Storm coat' });
    const theirs = new Doc();
    applyUpdate(theirs, encodeStateAsUpdate(mine));
    const reported: string[][] = [];
    const stop = watchRemoteDropDeletions(mine, (ids) => reported.push(ids));

    deleteDrop(mine, kept);
    expect(reported).toEqual([]);
    deleteDrop(theirs, gone);
    applyUpdate(mine, encodeStateAsUpdate(theirs), 'peer');
    expect(reported).toEqual([[gone]]);

    stop();
    const again = createDrop(theirs, { stageId, title: 'Tide tote' });
    applyUpdate(mine, encodeStateAsUpdate(theirs), 'peer');
    deleteDrop(theirs, again);
    applyUpdate(mine, encodeStateAsUpdate(theirs), 'peer');
    expect(reported).toEqual([[gone]]);
  });
});
