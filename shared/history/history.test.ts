import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { updateBrief } from '../brief/brief';
import { updateBriefTemplate } from '../brief/template';
import {
  createCreator,
  createDrop,
  createUndoManager,
  deleteCreator,
  deleteDrop,
  formatMoney,
  initWorkspace,
  linkCreator,
  moveDrop,
  readDrop,
  readStages,
  removeStage,
  root,
  updateDrop,
  type DropId,
} from '../model';
import { diffWorkspaces, isUnchanged } from './diff';
import { restoreDropsFromSnapshot } from './restore';

function workspace() {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Saltmarsh Studio', now: 1 });
  const stages = readStages(doc);
  const creator = createCreator(doc, { name: 'Ana Ruiz' });
  const linen = createDrop(doc, {
    stageId: stages[1]!.id,
    title: 'Linen capsule',
    shootDate: '2026-06-03',
    publishDate: '2026-06-08',
  });
  linkCreator(doc, linen, creator);
  updateBrief(doc, linen, { goal: 'Sell the linen' });
  const body = root.briefBody(doc, linen);
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Shoot at golden hour.')]);
    body.insert(0, [p]);
  });
  const denim = createDrop(doc, { stageId: stages[0]!.id, title: 'Denim restock' });
  return { doc, stages, creator, linen, denim };
}

/** A snapshot as the app stores it: the encoded state, read back into its own document. */
function snapshotOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A teammate's copy, synced both ways. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('diffWorkspaces', () => {
  it('finds nothing between a snapshot and the same state', () => {
    const { doc } = workspace();
    expect(isUnchanged(diffWorkspaces(snapshotOf(doc), doc))).toBe(true);
  });

  it('names deleted, renamed, moved, rescheduled and added drops, briefs and creators', () => {
    const { doc, stages, linen, denim, creator } = workspace();
    const snap = snapshotOf(doc);
    deleteDrop(doc, denim);
    updateDrop(doc, linen, { title: 'BUY CRYPTO', shootDate: '2026-06-05' });
    moveDrop(doc, linen, stages[2]!.id, 0);
    updateBrief(doc, linen, { goal: 'Something else', doNots: 'No logos' });
    const body = root.briefBody(doc, linen);
    doc.transact(() => body.delete(0, body.length));
    const added = createDrop(doc, { stageId: stages[0]!.id, title: 'Swim preview' });
    deleteCreator(doc, creator);

    const diff = diffWorkspaces(snap, doc);
    const byId = new Map(diff.drops.map((d) => [d.id, d]));
    expect(byId.get(denim)).toMatchObject({ kind: 'removed', title: 'Denim restock' });
    expect(byId.get(denim)!.lines[0]).toBe(
      'Deleted since the snapshot (it was in Concept & creator)',
    );
    expect(byId.get(added)).toMatchObject({ kind: 'added', title: 'Swim preview' });
    const changed = byId.get(linen)!;
    expect(changed.kind).toBe('changed');
    expect(changed.lines).toEqual(
      expect.arrayContaining([
        'Renamed from “Linen capsule” to “BUY CRYPTO”',
        'Moved from Brief to Shoot',
        'Rescheduled: Shoot 3 Jun 2026 → 5 Jun 2026',
        'Brief changed: Do-nots, Goal',
        'Brief text changed',
      ]),
    );
    expect(diff.creators).toEqual([expect.objectContaining({ kind: 'removed', name: 'Ana Ruiz' })]);
    // Removed first, then changed, then added.
    expect(diff.drops.map((d) => d.kind)).toEqual(['removed', 'changed', 'added']);
    expect(diff.dropCount).toEqual({ then: 2, now: 2 });
  });

  it('names stage and workspace changes', () => {
    const { doc, stages } = workspace();
    const snap = snapshotOf(doc);
    removeStage(doc, stages[6]!.id, stages[5]!.id);
    root.meta(doc).set('name', 'Saltmarsh');
    const diff = diffWorkspaces(snap, doc);
    expect(diff.stages).toEqual([expect.objectContaining({ kind: 'removed', name: 'Review' })]);
    expect(diff.workspace).toEqual(['Workspace renamed from “Saltmarsh Studio” to “Saltmarsh”']);
  });

  it("writes a budget in the drop's currency and names a change of the workspace's currency", () => {
    const { doc, linen, denim } = workspace();
    updateBriefTemplate(doc, { fields: { currency: 'GBP' } });
    updateDrop(doc, linen, { adBudget: 100 });
    const snap = snapshotOf(doc);
    updateDrop(doc, linen, { adBudget: 250 });
    updateBrief(doc, denim, { currency: 'USD' });
    updateDrop(doc, denim, { adBudget: 1200 });
    let diff = diffWorkspaces(snap, doc);
    const lines = new Map(diff.drops.map((d) => [d.id, d.lines]));
    expect(lines.get(linen)).toContain(
      `Retargeting ad budget ${formatMoney(100, 'GBP')} → ${formatMoney(250, 'GBP')}`,
    );
    expect(lines.get(linen)!.join()).toContain('£');
    // The drop's brief names its own currency: its budget is not re-labelled as the workspace's.
    expect(lines.get(denim)).toContain(
      `Retargeting ad budget ${formatMoney(0, 'GBP')} → ${formatMoney(1200, 'USD')}`,
    );
    expect(diff.workspace).toEqual([]);

    updateBriefTemplate(doc, { fields: { currency: 'JPY' } });
    diff = diffWorkspaces(snap, doc);
    expect(diff.workspace).toEqual(['Currency GBP → JPY']);
    expect(diff.drops.find((d) => d.id === linen)!.lines).toContain(
      `Retargeting ad budget ${formatMoney(100, 'GBP')} → ${formatMoney(250, 'JPY')}`,
    );
  });
});

describe('restoreDropsFromSnapshot', () => {
  it('brings back a deleted drop with its brief, and repairs a vandalised title, as one undo step', () => {
    const { doc, linen, denim } = workspace();
    const snap = snapshotOf(doc);
    const goalBody = root.briefBody(doc, linen).toString();
    deleteDrop(doc, denim);
    updateDrop(doc, linen, { title: 'BUY CRYPTO' });
    updateBrief(doc, linen, { goal: 'spam' });
    const undo = createUndoManager(doc);
    undo.addToScope(root.briefBody(doc, linen));
    const body = root.briefBody(doc, linen);
    doc.transact(() => body.delete(0, body.length));

    undo.stopCapturing();
    const result = restoreDropsFromSnapshot(doc, snap, [denim, linen]);
    expect(result.restored.sort()).toEqual([denim, linen].sort());
    expect(readDrop(doc, denim)?.title).toBe('Denim restock');
    expect(readDrop(doc, linen)?.title).toBe('Linen capsule');
    expect(root.briefs(doc).get(linen)?.get('goal')).toBe('Sell the linen');
    expect(root.briefBody(doc, linen).toString()).toBe(goalBody);
    expect(isUnchanged(diffWorkspaces(snap, doc))).toBe(true);

    // One undo takes the whole restore back.
    undo.undo();
    expect(readDrop(doc, denim)).toBeNull();
    expect(readDrop(doc, linen)?.title).toBe('BUY CRYPTO');
  });

  it('syncs to a teammate as ordinary edits (a backup merge could not undo a delete)', () => {
    const { doc, denim } = workspace();
    const snap = snapshotOf(doc);
    const mate = snapshotOf(doc);
    deleteDrop(doc, denim);
    sync(doc, mate);
    // Control: merging the old state back changes nothing, the delete wins.
    Y.applyUpdate(mate, Y.encodeStateAsUpdate(snap));
    expect(readDrop(mate, denim)).toBeNull();

    restoreDropsFromSnapshot(doc, snap, [denim]);
    sync(doc, mate);
    expect(readDrop(mate, denim)?.title).toBe('Denim restock');
  });

  it('restores only the chosen drops and leaves other edits alone', () => {
    const { doc, linen, denim } = workspace();
    const snap = snapshotOf(doc);
    updateDrop(doc, linen, { title: 'Linen capsule v2' });
    updateDrop(doc, denim, { title: 'Vandalised' });
    restoreDropsFromSnapshot(doc, snap, [denim]);
    expect(readDrop(doc, denim)?.title).toBe('Denim restock');
    expect(readDrop(doc, linen)?.title).toBe('Linen capsule v2');
  });

  it('removes a chosen drop that was added after the snapshot', () => {
    const { doc, stages } = workspace();
    const snap = snapshotOf(doc);
    const added = createDrop(doc, { stageId: stages[0]!.id, title: 'Spam' });
    const result = restoreDropsFromSnapshot(doc, snap, [added]);
    expect(result.removed).toEqual([added]);
    expect(readDrop(doc, added)).toBeNull();
  });

  it('lands where its removed stage sent its drops, and brings its creator back', () => {
    const { doc, stages, linen, creator } = workspace();
    const snap = snapshotOf(doc);
    deleteDrop(doc, linen);
    deleteCreator(doc, creator);
    removeStage(doc, stages[1]!.id, stages[2]!.id);
    const result = restoreDropsFromSnapshot(doc, snap, [linen]);
    const drop = readDrop(doc, linen as DropId)!;
    expect(drop.pos.stageId).toBe(stages[2]!.id);
    expect(drop.creatorId).toBe(creator);
    expect(result.creators).toEqual([creator]);
    expect(root.creators(doc).get(creator)?.get('name')).toBe('Ana Ruiz');
  });

  it('keeps the place the stage removal gave a drop, following later removals', () => {
    const { doc, stages, linen } = workspace();
    const shot = createDrop(doc, { stageId: stages[3]!.id, title: 'Already in Asset delivery' });
    const snap = snapshotOf(doc);
    updateDrop(doc, linen, { title: 'SPAM' });
    // Brief goes into Shoot, then Shoot into Asset delivery: the drop ends after `shot`.
    removeStage(doc, stages[1]!.id, stages[2]!.id);
    removeStage(doc, stages[2]!.id, stages[3]!.id);
    const placed = readDrop(doc, linen)!.pos;
    expect(placed.stageId).toBe(stages[3]!.id);
    expect(placed.rank > readDrop(doc, shot)!.pos.rank).toBe(true);
    restoreDropsFromSnapshot(doc, snap, [linen]);
    expect(readDrop(doc, linen)!.title).toBe('Linen capsule');
    expect(readDrop(doc, linen)!.pos).toEqual(placed);
  });

  it('lands at the end of the first stage when where its stage went is not known', () => {
    const { doc, stages, linen, denim } = workspace();
    const snap = snapshotOf(doc);
    deleteDrop(doc, linen);
    // A stage record deleted outright (a malformed peer): no destination is known.
    doc.transact(() => root.stages(doc).delete(stages[1]!.id));
    restoreDropsFromSnapshot(doc, snap, [linen]);
    const drop = readDrop(doc, linen)!;
    expect(drop.pos.stageId).toBe(stages[0]!.id);
    expect(drop.pos.rank > readDrop(doc, denim)!.pos.rank).toBe(true);
  });
});
