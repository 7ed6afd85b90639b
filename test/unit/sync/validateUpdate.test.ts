import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createDrop,
  deleteDrop,
  initWorkspace,
  moveDrop,
  readBoard,
  readStages,
  removeStage,
  updateDrop,
  type DropId,
} from '../../../shared/model';
import { applyRemoteUpdate, validateUpdate } from '../../../shared/sync/validateUpdate';
import { seededRandom } from '../../harness/prng';
import { mutateBytes } from './support/mutate';

const rng = seededRandom;

function workspaceWithDrops(n: number): Y.Doc {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour Label', now: 0 });
  const stages = readStages(doc);
  for (let i = 0; i < n; i++) {
    createDrop(doc, { stageId: stages[i % stages.length]!.id, title: `Drop ${i}` }, 0);
  }
  doc.getXmlFragment(`brief:x`).insert(0, [new Y.XmlText('Hero product on linen')]);
  return doc;
}

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Snapshot that changes whenever the document (or its pending queue) changes. */
function fingerprint(doc: Y.Doc): string {
  const pending = doc.store.pendingStructs?.update;
  return JSON.stringify([
    Array.from(Y.encodeStateAsUpdate(doc)),
    pending ? Array.from(pending) : null,
    doc.store.pendingDs ? Array.from(doc.store.pendingDs) : null,
  ]);
}

/** A real update: edits made on a peer after it synced with `base`. */
function realEdits(base: Y.Doc, seed: number): Uint8Array {
  const peer = clone(base);
  const random = rng(seed);
  const before = Y.encodeStateVector(peer);
  const stages = readStages(peer);
  for (let i = 0; i < 6; i++) {
    const drops = readBoard(peer).flatMap((c) => c.drops);
    const drop = drops[Math.floor(random() * drops.length)]!;
    const r = random();
    if (r < 0.3) moveDrop(peer, drop.id, stages[Math.floor(random() * stages.length)]!.id, 0);
    else if (r < 0.6) updateDrop(peer, drop.id, { title: `Edited ${i}`, inventory: i * 10 });
    else if (r < 0.8) createDrop(peer, { stageId: stages[0]!.id, title: `New ${i}` });
    else deleteDrop(peer, drop.id as DropId);
  }
  return Y.encodeStateAsUpdate(peer, before);
}

/** Applies `update` through the guard; asserts no throw and, when rejected, no change. */
function expectSafe(base: Y.Doc, update: Uint8Array): boolean {
  const doc = clone(base);
  const before = fingerprint(doc);
  let result: ReturnType<typeof applyRemoteUpdate> | undefined;
  expect(() => {
    result = applyRemoteUpdate(doc, update, 'peer');
  }).not.toThrow();
  if (!result!.ok) {
    expect(result!.reason).toMatch(/^Rejected an update from a peer: /);
    expect(fingerprint(doc)).toBe(before);
  } else {
    expect(() => readBoard(doc)).not.toThrow();
  }
  doc.destroy();
  return result!.ok;
}

describe('validateUpdate', () => {
  const base = workspaceWithDrops(12);

  it('accepts real edits and applies them', () => {
    const doc = clone(base);
    const update = realEdits(base, 1);
    expect(applyRemoteUpdate(doc, update, 'peer')).toEqual({ ok: true });
    const peer = clone(base);
    Y.applyUpdate(peer, update);
    expect(doc.toJSON()).toEqual(peer.toJSON());
  });

  it('accepts a whole workspace arriving at first sync (checked on a scratch copy)', () => {
    const big = workspaceWithDrops(400);
    const update = Y.encodeStateAsUpdate(big);
    expect(update.byteLength).toBeGreaterThan(64 * 1024);
    const empty = new Y.Doc();
    expect(applyRemoteUpdate(empty, update, 'peer')).toEqual({ ok: true });
    expect(readBoard(empty).flatMap((c) => c.drops)).toHaveLength(400);
  });

  it('accepts concurrent edits whose dependencies arrive later (kept pending by Yjs)', () => {
    const a = clone(base);
    const b = clone(base);
    const id = createDrop(a, { stageId: readStages(a)[0]!.id, title: 'Linen' });
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(base));
    Y.applyUpdate(b, fromA);
    const sv = Y.encodeStateVector(b);
    updateDrop(b, id, { title: 'Linen, second look' });
    const fromB = Y.encodeStateAsUpdate(b, sv);
    const c = clone(base);
    expect(applyRemoteUpdate(c, fromB, 'peer').ok).toBe(true);
    expect(applyRemoteUpdate(c, fromA, 'peer').ok).toBe(true);
    expect(readBoard(c)).toEqual(readBoard(b));
  });

  it('accepts a teammate’s keystrokes that arrive out of order and ends with all of them', () => {
    // Ines types 19 characters into a brief, one update each; the first two swap on the way.
    const ines = clone(base);
    const paragraph = new Y.XmlText();
    ines.getXmlFragment('brief:x').insert(0, [paragraph]);
    const theo = clone(ines);
    const updates: Uint8Array[] = [];
    ines.on('update', (u: Uint8Array) => updates.push(u));
    for (const ch of 'Linen on the harbour')
      if (updates.length < 19) paragraph.insert(paragraph.length, ch);
    expect(updates).toHaveLength(19);
    [updates[0], updates[1]] = [updates[1]!, updates[0]!];
    const verdicts = updates.map((u) => applyRemoteUpdate(theo, u, 'peer'));
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(theo.getXmlFragment('brief:x').toString()).toBe(
      ines.getXmlFragment('brief:x').toString(),
    );
    expect(theo.store.pendingStructs).toBeNull();
  });

  it('accepts a later update of an author whose earlier one is still on its way, then catches up', () => {
    const a = clone(base);
    const sv0 = Y.encodeStateVector(a);
    const id = createDrop(a, { stageId: readStages(a)[0]!.id, title: 'Linen' });
    const first = Y.encodeStateAsUpdate(a, sv0);
    const sv1 = Y.encodeStateVector(a);
    updateDrop(a, id, { title: 'Linen, second look' });
    moveDrop(a, id, readStages(a)[2]!.id, 0);
    const second = Y.encodeStateAsUpdate(a, sv1);
    const c = clone(base);
    const before = readBoard(c);
    expect(applyRemoteUpdate(c, second, 'relay').ok).toBe(true);
    expect(readBoard(c)).toEqual(before); // parked, nothing shown half-applied
    expect(applyRemoteUpdate(c, first, 'peer').ok).toBe(true);
    expect(readBoard(c)).toEqual(readBoard(a));
  });

  it('rejects bytes that are not an update and leaves the document unchanged', () => {
    const doc = clone(base);
    const before = fingerprint(doc);
    const verdict = validateUpdate(doc, new Uint8Array([1, 2, 3, 250, 251]));
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining('not a valid Yjs update'),
    });
    expect(fingerprint(doc)).toBe(before);
  });

  it('rejects writes to parts of the document Cadence does not have', () => {
    const hostile = clone(base);
    const sv = Y.encodeStateVector(hostile);
    hostile.getMap('evil').set('x', 1);
    const update = Y.encodeStateAsUpdate(hostile, sv);
    const verdict = validateUpdate(clone(base), update);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('unknown part of the document ("evil")');
  });

  it('rejects a drop record replaced by a plain value', () => {
    const hostile = clone(base);
    const sv = Y.encodeStateVector(hostile);
    const [dropId] = [...hostile.getMap('drops').keys()];
    hostile.getMap<unknown>('drops').set(dropId!, 'gone');
    hostile.getMap<unknown>('drops').set('d_new', 42);
    const verdict = validateUpdate(clone(base), Y.encodeStateAsUpdate(hostile, sv));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('plain value');
  });

  it('rejects list content in a map and subdocuments', () => {
    const a = clone(base);
    const sv = Y.encodeStateVector(a);
    a.getArray('meta').insert(0, ['x']);
    expect(validateUpdate(clone(base), Y.encodeStateAsUpdate(a, sv)).ok).toBe(false);

    const b = clone(base);
    const sv2 = Y.encodeStateVector(b);
    b.getMap('meta').set('sub', new Y.Doc());
    const verdict = validateUpdate(clone(base), Y.encodeStateAsUpdate(b, sv2));
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('subdocument') });
  });

  it('keeps a drop whose stage was deleted concurrently (not a rejection)', () => {
    const a = clone(base);
    const b = clone(base);
    const [first, second] = readStages(a);
    const id = createDrop(b, { stageId: second!.id, title: 'Beach' });
    removeStage(a, second!.id, first!.id);
    const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(base));
    expect(applyRemoteUpdate(b, ua, 'peer').ok).toBe(true);
    const board = readBoard(b);
    expect(board.flatMap((c) => c.drops).filter((d) => d.id === id)).toHaveLength(1);
  });

  describe('fuzz: never a throw, never a change when rejected', () => {
    it('random bytes', () => {
      const random = rng(7);
      for (let i = 0; i < 1000; i++) {
        const bytes = new Uint8Array(Math.floor(random() * 120));
        for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
        expectSafe(base, bytes);
      }
    });

    it('truncated real updates', () => {
      for (let seed = 1; seed <= 3; seed++) {
        const update = realEdits(base, seed);
        for (let len = 0; len < update.length; len++) {
          const accepted = expectSafe(base, update.subarray(0, len));
          // A cut update never passes as complete.
          if (len < update.length - 1) expect(accepted && len > 2).toBe(false);
        }
      }
    });

    it('mutated real updates (flipped, inserted and deleted bytes)', () => {
      const random = rng(99);
      const updates = [1, 2, 3, 4, 5].map((s) => realEdits(base, s));
      let accepted = 0;
      for (let i = 0; i < 2000; i++) {
        const u = mutateBytes(updates[i % updates.length]!, random);
        if (expectSafe(base, u)) accepted++;
      }
      // Some mutations (e.g. inside a string) are still valid updates: they are applied.
      expect(accepted).toBeGreaterThan(0);
    });
  });
});
