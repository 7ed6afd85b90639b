import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBoard } from './board';
import { createDrop, moveDrop, readDrops } from './drop';
import { keepDropsPlaced } from './keepDropsPlaced';
import { root, SCHEMA_VERSION } from './schema';
import { readStages, removeStage } from './stage';
import { initWorkspace, markSchemaVersion } from './workspace';

function syncBoth(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Two peers: one moves a drop into Shoot while the other removes Shoot. */
function orphanScenario() {
  const a = new Y.Doc();
  initWorkspace(a, { name: 'Saltmarsh' });
  const [concept, , shoot, delivery, fulfilment] = readStages(a);
  const id = createDrop(a, { stageId: concept!.id, title: 'Harbour Linen' });
  const waiting = createDrop(a, { stageId: delivery!.id, title: 'Already delivered' });
  const b = new Y.Doc();
  syncBoth(a, b);
  moveDrop(a, id, shoot!.id, 0);
  removeStage(b, shoot!.id, delivery!.id);
  return {
    a,
    b,
    id,
    waiting,
    concept: concept!,
    shoot: shoot!,
    delivery: delivery!,
    fulfilment: fulfilment!,
  };
}

describe('keepDropsPlaced', () => {
  afterEach(() => vi.useRealTimers());

  it("sends a drop moved into a stage a peer removed where the remover sent that stage's drops", () => {
    vi.useFakeTimers();
    const { a, b, id, delivery } = orphanScenario();
    const stop = keepDropsPlaced(b, 300);
    syncBoth(a, b);
    // Stored under a stage that no longer exists until the repair runs.
    const stored = root.drops(b).get(id)?.get('pos') as { stageId: string };
    expect(readStages(b).some((s) => s.id === stored.stageId)).toBe(false);
    vi.advanceTimersByTime(300);
    const after = root.drops(b).get(id)?.get('pos') as { stageId: string };
    expect(after.stageId).toBe(delivery.id);
    const column = readBoard(b).find((c) => c.stage.id === delivery.id)!;
    expect(column.drops.map((d) => d.title)).toEqual(['Already delivered', 'Harbour Linen']);
    stop();
  });

  it('both peers agree, and only the person who moved the drop is told where it went', () => {
    vi.useFakeTimers();
    const { a, b, id, delivery } = orphanScenario();
    const toldA = vi.fn();
    const toldB = vi.fn();
    const stopA = keepDropsPlaced(a, 300, toldA);
    const stopB = keepDropsPlaced(b, 300, toldB);
    syncBoth(a, b);
    vi.advanceTimersByTime(300);
    syncBoth(a, b);
    vi.advanceTimersByTime(300);
    expect(readBoard(a)).toEqual(readBoard(b));
    expect(readDrops(a).find((d) => d.id === id)?.pos.stageId).toBe(delivery.id);
    expect(toldA).toHaveBeenCalledTimes(1);
    expect(toldA.mock.calls[0]![0]).toEqual([
      { dropId: id, stageId: delivery.id, removedStageName: 'Shoot', movedHere: true },
    ]);
    expect(toldB).not.toHaveBeenCalled();
    stopA();
    stopB();
  });

  it('follows a chain of concurrent removals to the stage at its end', () => {
    const { a, b, id, delivery, fulfilment } = orphanScenario();
    // A third person removes the destination itself, sending its drops on to Fulfilment.
    const c = new Y.Doc();
    syncBoth(b, c);
    removeStage(c, delivery.id, fulfilment.id);
    syncBoth(a, b);
    syncBoth(b, c);
    syncBoth(a, c);
    for (const doc of [a, b, c]) keepDropsPlaced(doc)();
    syncBoth(a, b);
    syncBoth(b, c);
    syncBoth(a, b);
    for (const doc of [a, b, c]) {
      expect(readDrops(doc).find((d) => d.id === id)?.pos.stageId).toBe(fulfilment.id);
      expect(readStages(doc).map((s) => s.name)).not.toContain('Shoot');
      expect(readStages(doc).map((s) => s.name)).not.toContain('Asset delivery');
    }
    expect(readBoard(a)).toEqual(readBoard(c));
  });

  it('repairs what it finds when it starts, and leaves a healthy board untouched', () => {
    const { a, b, id, delivery } = orphanScenario();
    syncBoth(a, b);
    const stop = keepDropsPlaced(b);
    expect((root.drops(b).get(id)?.get('pos') as { stageId: string }).stageId).toBe(delivery.id);
    const before = Y.encodeStateVector(b);
    const stop2 = keepDropsPlaced(b);
    expect(Y.encodeStateVector(b)).toEqual(before);
    stop();
    stop2();
  });

  it('never writes to a document from a newer Cadence', () => {
    const { a, b } = orphanScenario();
    syncBoth(a, b);
    markSchemaVersion(b, SCHEMA_VERSION + 1, 'Cadence 2');
    const before = Y.encodeStateVector(b);
    const stop = keepDropsPlaced(b);
    expect(Y.encodeStateVector(b)).toEqual(before);
    expect(readDrops(b)).toHaveLength(2);
    stop();
  });
});
