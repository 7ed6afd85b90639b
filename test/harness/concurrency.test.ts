import type * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { readBoard, repairOrphans, type PlacedDrop } from '../../shared/model/board';
import { keepDropsPlaced } from '../../shared/model/keepDropsPlaced';
import { createDrop, dropsInStage, moveDrop, readDrop, readDrops } from '../../shared/model/drop';
import type { DropId } from '../../shared/model/ids';
import { readStages, removeStage } from '../../shared/model/stage';
import { initWorkspace } from '../../shared/model/workspace';
import { assertBoard, assertConverged } from './invariants';
import { SyncTeam } from './syncTeam';

// Scripted concurrent edits, delivered through the shipped sync path (syncTeam.ts: real
// y-webrtc rooms guarded as the app guards them, over in-memory channels).
const open: SyncTeam[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

/** `n` peers sharing one workspace with `drops` cards in the first stage. */
async function team(n: number, drops: number, seed = 1) {
  const net = await SyncTeam.open(n, seed);
  open.push(net);
  const origin = net.docs[0]!;
  initWorkspace(origin, { name: 'Harbour & Co', now: 0 });
  const stages = readStages(origin).map((s) => s.id);
  const ids: DropId[] = [];
  for (let i = 0; i < drops; i++) {
    ids.push(createDrop(origin, { stageId: stages[0]!, title: `Drop ${i}` }, 0));
  }
  await net.flush();
  return { net, docs: net.docs, stages, ids };
}

/** Ids of the board, column by column. */
const layout = (doc: Y.Doc) => readBoard(doc).map((c) => c.drops.map((d) => d.id));

describe('concurrent moves of the same drop', () => {
  it('never duplicate or lose it, for every pair of target stages and positions', async () => {
    let cases = 0;
    for (let a = 0; a < 7; a++) {
      for (let b = 0; b < 7; b++) {
        const { net, docs, stages, ids } = await team(3, 4, a * 7 + b);
        const moving = ids[1]!;
        moveDrop(docs[0]!, moving, stages[a]!, a % 3);
        moveDrop(docs[1]!, moving, stages[b]!, b % 2);
        moveDrop(docs[2]!, moving, stages[(a + b) % 7]!, 0);
        await net.flush();
        assertConverged(docs);
        for (const doc of docs) {
          assertBoard(doc, true);
          const places = layout(doc)
            .flat()
            .filter((id) => id === moving);
          expect(places).toHaveLength(1);
          expect(readDrops(doc)).toHaveLength(4);
        }
        // The winner is one of the three moves, never a mix of one's stage and another's rank.
        const pos = readDrop(docs[0]!, moving)!.pos;
        const candidates = docs.map((doc) =>
          (doc.getMap('drops').get(moving) as Y.Map<unknown>).get('pos'),
        );
        expect(candidates).toContainEqual(pos);
        await open.pop()!.close();
        cases++;
      }
    }
    expect(cases).toBe(49);
  });

  it('agree on one place when moved back and forth across a partition', async () => {
    const { net, docs, stages, ids } = await team(4, 6, 7);
    await net.partition();
    for (let round = 0; round < 20; round++) {
      docs.forEach((doc, i) => {
        const stage = stages[(round + i) % stages.length]!;
        moveDrop(doc, ids[round % ids.length]!, stage, round % 3);
      });
      net.deliverSome(3);
    }
    await net.flush();
    assertConverged(docs);
    for (const doc of docs) {
      assertBoard(doc, true);
      expect(layout(doc).flat().sort()).toEqual([...ids].sort());
    }
  });
});

describe('concurrent inserts at the same spot', () => {
  it('are ordered the same on every peer, between the same neighbours', async () => {
    const { net, docs, stages, ids } = await team(4, 2, 3);
    const [first, second] = ids as [DropId, DropId];
    const created = docs.map((doc, i) =>
      createDrop(doc, { stageId: stages[0]!, title: `Peer ${i}`, at: { afterId: first } }, 0),
    );
    await net.flush();
    assertConverged(docs);
    const column = layout(docs[0]!)[0]!;
    expect(column[0]).toBe(first);
    expect(column.at(-1)).toBe(second);
    expect(column.slice(1, -1).sort()).toEqual([...created].sort());
  });

  it('are ordered the same when moved into the same slot', async () => {
    const { net, docs, stages, ids } = await team(3, 5, 4);
    // Every peer drops a different card between the first two cards of stage 2.
    const target = stages[2]!;
    const anchors = [
      createDrop(docs[0]!, { stageId: target, title: 'Left' }, 0),
      createDrop(docs[0]!, { stageId: target, title: 'Right' }, 0),
    ];
    await net.flush();
    docs.forEach((doc, i) => moveDrop(doc, ids[i]!, target, 1));
    await net.flush();
    assertConverged(docs);
    const column = dropsInStage(docs[1]!, target).map((d) => d.id);
    expect(column[0]).toBe(anchors[0]);
    expect(column.at(-1)).toBe(anchors[1]);
    expect(column).toHaveLength(5);
  });
});

describe('a stage removed while a drop moves into it', () => {
  it('leaves the drop visible in the first stage, then repairOrphans sends it where the remover chose', async () => {
    const { net, docs, stages, ids } = await team(2, 3, 5);
    const [mover, remover] = docs as [Y.Doc, Y.Doc];
    moveDrop(mover, ids[0]!, stages[4]!, 0);
    removeStage(remover, stages[4]!, stages[5]!);
    await net.flush();
    assertConverged(docs);
    for (const doc of docs) {
      expect(readStages(doc).map((s) => s.id)).not.toContain(stages[4]);
      expect(layout(doc)[0]).toContain(ids[0]);
      assertBoard(doc, false);
    }
    // Both peers repair at once, as each would after syncing; they still agree.
    expect(repairOrphans(mover)).toBe(1);
    expect(repairOrphans(remover)).toBe(1);
    await net.flush();
    assertConverged(docs);
    for (const doc of docs) {
      assertBoard(doc, true);
      expect(readDrop(doc, ids[0]!)?.pos.stageId).toBe(stages[5]);
    }
  });

  it("tells the mover where the drop went when the remover's peer repairs it first", async () => {
    const { net, docs, stages, ids } = await team(2, 3, 7);
    const [mover, remover] = docs as [Y.Doc, Y.Doc];
    const removedName = readStages(remover).find((s) => s.id === stages[4])!.name;
    // Each person's app watches its board; the mover's own repair waits longer than the
    // remover's repair takes to arrive.
    const toldMover: PlacedDrop[][] = [];
    const toldRemover: PlacedDrop[][] = [];
    const stops = [
      keepDropsPlaced(mover, 60_000, (p) => toldMover.push(p)),
      keepDropsPlaced(remover, 60_000, (p) => toldRemover.push(p)),
    ];
    try {
      await net.split([0, 1]);
      moveDrop(mover, ids[0]!, stages[4]!, 0);
      removeStage(remover, stages[4]!, stages[5]!);
      await net.flush();
      expect(toldMover).toEqual([]);
      // The remover's peer repairs first; its placement reaches the mover.
      expect(repairOrphans(remover)).toBe(1);
      await net.flush();
      expect(readDrop(mover, ids[0]!)?.pos.stageId).toBe(stages[5]);
      expect(toldMover).toEqual([
        [{ dropId: ids[0], stageId: stages[5], removedStageName: removedName, movedHere: true }],
      ]);
      // The remover did not move it, so she is not told.
      expect(toldRemover).toEqual([]);
    } finally {
      for (const stop of stops) stop();
    }
  });

  it('tells each person where their drops went when two removals crossed', async () => {
    const { net, docs, stages } = await team(2, 0, 8);
    const [ines, theo] = docs as [Y.Doc, Y.Doc];
    const name = (id: string) => readStages(ines).find((s) => s.id === id)!.name;
    const [shoot, publish] = [stages[3]!, stages[4]!];
    const [shootName, publishName] = [name(shoot), name(publish)];
    const inShoot = createDrop(ines, { stageId: shoot, title: 'Harbour Linen' }, 0);
    const inPublish = createDrop(ines, { stageId: publish, title: 'Storm Coat' }, 0);
    await net.flush();
    // Ines's peer repairs at once; Theo's waits (it gets her repair first, as a remote change).
    const told: Record<string, PlacedDrop[][]> = { ines: [], theo: [] };
    const stops = [
      keepDropsPlaced(ines, 0, (p) => told.ines!.push(p)),
      keepDropsPlaced(theo, 60_000, (p) => told.theo!.push(p)),
    ];
    try {
      await net.split([0, 1]);
      // Ines removes Shoot into Publish while Theo removes Publish into Shoot.
      removeStage(ines, shoot, publish);
      removeStage(theo, publish, shoot);
      await net.flush();
      await expect.poll(() => told.ines!.length).toBe(1);
      await net.flush();
      assertConverged(docs);
      const first = readStages(ines)[0]!.id;
      for (const doc of docs) {
        assertBoard(doc, true);
        expect(readDrop(doc, inShoot)?.pos.stageId).toBe(first);
        expect(readDrop(doc, inPublish)?.pos.stageId).toBe(first);
      }
      // Each is told of the drops their own removal had moved (into the stage the other removed).
      expect(told.ines).toEqual([
        [{ dropId: inShoot, stageId: first, removedStageName: publishName, movedHere: true }],
      ]);
      await expect
        .poll(() => told.theo)
        .toEqual([
          [{ dropId: inPublish, stageId: first, removedStageName: shootName, movedHere: true }],
        ]);
    } finally {
      for (const stop of stops) stop();
    }
  });

  it('keeps every drop when two peers remove the last two stages into each other', async () => {
    const { net, docs, stages } = await team(2, 0, 6);
    // Trim the board to two stages first.
    for (const id of stages.slice(2)) removeStage(docs[0]!, id, stages[0]!);
    const x = createDrop(docs[0]!, { stageId: stages[0]!, title: 'X' }, 0);
    const y = createDrop(docs[0]!, { stageId: stages[1]!, title: 'Y' }, 0);
    await net.flush();
    removeStage(docs[0]!, stages[0]!, stages[1]!);
    removeStage(docs[1]!, stages[1]!, stages[0]!);
    await net.flush();
    assertConverged(docs);
    expect(readStages(docs[0]!)).toEqual([]);
    repairOrphans(docs[1]!);
    await net.flush();
    assertConverged(docs);
    for (const doc of docs) {
      assertBoard(doc, true);
      expect(layout(doc).flat().sort()).toEqual([x, y].sort());
    }
  });
});
