import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBoard } from './board';
import { createDrop, moveDrop, readDrops } from './drop';
import { keepDropsPlaced } from './keepDropsPlaced';
import { root, SCHEMA_VERSION } from './schema';
import { readStages, removeStage } from './stage';
import { initWorkspace } from './workspace';

function syncBoth(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Two peers: one moves a drop into Shoot while the other removes Shoot. */
function orphanScenario() {
  const a = new Y.Doc();
  initWorkspace(a, { name: 'Saltmarsh' });
  const [concept, , shoot, delivery] = readStages(a);
  const id = createDrop(a, { stageId: concept!.id, title: 'Harbour Linen' });
  const b = new Y.Doc();
  syncBoth(a, b);
  moveDrop(a, id, shoot!.id, 0);
  removeStage(b, shoot!.id, delivery!.id);
  return { a, b, id, concept: concept! };
}

describe('keepDropsPlaced', () => {
  afterEach(() => vi.useRealTimers());

  it("gives a drop orphaned by a peer's stage removal a real place in the first stage", () => {
    vi.useFakeTimers();
    const { a, b, id, concept } = orphanScenario();
    const stop = keepDropsPlaced(b, 300);
    syncBoth(a, b);
    // Stored under a stage that no longer exists until the repair runs.
    const stored = root.drops(b).get(id)?.get('pos') as { stageId: string };
    expect(readStages(b).some((s) => s.id === stored.stageId)).toBe(false);
    vi.advanceTimersByTime(300);
    const after = root.drops(b).get(id)?.get('pos') as { stageId: string };
    expect(after.stageId).toBe(concept.id);
    expect(readBoard(b)[0]!.drops.map((d) => d.title)).toEqual(['Harbour Linen']);
    stop();
  });

  it('repairs what it finds when it starts, and leaves a healthy board untouched', () => {
    const { a, b, id, concept } = orphanScenario();
    syncBoth(a, b);
    const stop = keepDropsPlaced(b);
    expect((root.drops(b).get(id)?.get('pos') as { stageId: string }).stageId).toBe(concept.id);
    const before = Y.encodeStateVector(b);
    const stop2 = keepDropsPlaced(b);
    expect(Y.encodeStateVector(b)).toEqual(before);
    stop();
    stop2();
  });

  it('never writes to a document from a newer Cadence', () => {
    const { a, b } = orphanScenario();
    syncBoth(a, b);
    b.transact(() => root.meta(b).set('schemaVersion', SCHEMA_VERSION + 1));
    const before = Y.encodeStateVector(b);
    const stop = keepDropsPlaced(b);
    expect(Y.encodeStateVector(b)).toEqual(before);
    expect(readDrops(b)).toHaveLength(1);
    stop();
  });
});
