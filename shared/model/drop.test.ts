import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createDrop,
  defaultDropFields,
  deleteDrop,
  DropValidationError,
  dropsInStage,
  moveDrop,
  readDrop,
  readDropRecord,
  readDrops,
  setDropArchived,
  updateDrop,
  validateDropPatch,
  type DropFields,
} from './drop';
import type { DropId, StageId } from './ids';
import { root } from './schema';
import { seedDefaultStages } from './stage';

function boardDoc(): { doc: Y.Doc; stages: StageId[] } {
  const doc = new Y.Doc();
  return { doc, stages: seedDefaultStages(doc) };
}

const titles = (doc: Y.Doc, stageId: StageId) => dropsInStage(doc, stageId).map((d) => d.title);

/** The message a field gets for a bad value, or undefined when the value is accepted. */
function messageFor(patch: Partial<DropFields>): string | undefined {
  const result = validateDropPatch(patch);
  return result.ok ? undefined : Object.values(result.errors)[0];
}

describe('createDrop', () => {
  it('creates a drop with the defaults and the given fields', () => {
    const { doc, stages } = boardDoc();
    const id = createDrop(
      doc,
      {
        stageId: stages[0]!,
        title: '  Harbour linen  ',
        shootDate: '2026-03-02',
        publishDate: '2026-03-09',
        channels: ['email', 'tiktok'],
        inventory: 120,
      },
      1_700_000_000_000,
    );
    const drop = readDrop(doc, id)!;
    expect(drop).toMatchObject({
      id,
      title: 'Harbour linen',
      narrative: '',
      shootDate: '2026-03-02',
      publishDate: '2026-03-09',
      dropDate: null,
      creatorId: null,
      channels: ['email', 'tiktok'],
      inventory: 120,
      reservePct: 30,
      adBudget: 0,
      archived: false,
      createdAt: 1_700_000_000_000,
    });
    expect(drop.pos.stageId).toBe(stages[0]);
    expect(drop.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(id).toMatch(/^d_[0-9a-z]{16}$/);
  });

  it('places new drops at the end, at the start, or after a given drop', () => {
    const { doc, stages } = boardDoc();
    const s = stages[1]!;
    const a = createDrop(doc, { stageId: s, title: 'A' });
    createDrop(doc, { stageId: s, title: 'C' });
    createDrop(doc, { stageId: s, title: 'Z', at: 'start' });
    createDrop(doc, { stageId: s, title: 'B', at: { afterId: a } });
    expect(titles(doc, s)).toEqual(['Z', 'A', 'B', 'C']);
  });

  it('appends when the drop to follow is gone', () => {
    const { doc, stages } = boardDoc();
    createDrop(doc, { stageId: stages[0]!, title: 'A' });
    createDrop(doc, { stageId: stages[0]!, title: 'B', at: { afterId: 'd_gone' as DropId } });
    expect(titles(doc, stages[0]!)).toEqual(['A', 'B']);
  });

  it('refuses invalid fields with per-field messages and writes nothing', () => {
    const { doc, stages } = boardDoc();
    let error: unknown;
    try {
      createDrop(doc, { stageId: stages[0]!, title: '', inventory: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DropValidationError);
    expect((error as DropValidationError).errors).toEqual({
      title: 'Give the drop a title.',
      inventory: 'Units cannot be negative.',
    });
    expect(readDrops(doc)).toEqual([]);
  });

  it('refuses a stage that no longer exists', () => {
    const { doc } = boardDoc();
    expect(() => createDrop(doc, { stageId: 's_gone' as StageId, title: 'A' })).toThrow(
      'That stage no longer exists.',
    );
    expect(readDrops(doc)).toEqual([]);
  });
});

describe('validateDropPatch', () => {
  it('accepts a full set of sensible fields', () => {
    expect(validateDropPatch(defaultDropFields())).toEqual({
      ok: true,
      value: defaultDropFields(),
    });
  });

  it.each<[Partial<DropFields>, string]>([
    [{ title: '   ' }, 'Give the drop a title.'],
    [{ title: 'x'.repeat(121) }, 'Keep the title under 120 characters.'],
    [{ narrative: 'x'.repeat(4001) }, 'Keep the narrative to one story (under 4,000 characters).'],
    [{ shootDate: '14/03/2026' }, 'Enter a whole date: day, month and year.'],
    [{ shootDate: '0002-03-08' }, 'Check the year: dates fall between 2000 and 2099.'],
    [{ publishDate: '2026-02-30' }, 'That day does not exist.'],
    [{ dropDate: '2026-13-01' }, 'That day does not exist.'],
    [{ shootDate: '2026-03-10', publishDate: '2026-03-09' }, 'Publish comes after the shoot.'],
    [{ channels: ['email', 'email'] }, 'Each channel once.'],
    [{ inventory: 1.5 }, 'Whole units only.'],
    [{ inventory: -1 }, 'Units cannot be negative.'],
    [{ inventory: 2_000_000 }, 'That is more than a micro-drop.'],
    [{ inventory: Number.NaN }, 'Enter a number of units.'],
    [{ reservePct: 101 }, 'Between 0 and 100 %.'],
    [{ reservePct: -1 }, 'Between 0 and 100 %.'],
    [{ adBudget: -5 }, 'A budget cannot be negative.'],
    [{ adBudget: 20_000_000 }, 'That budget looks mistyped.'],
    [{ color: 'red' }, 'Pick a colour.'],
  ])('refuses %j with a message', (patch, message) => {
    expect(messageFor(patch)).toBe(message);
  });

  it('puts each message on its own field', () => {
    const result = validateDropPatch({ title: '', reservePct: 200, color: 'blue' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(['color', 'reservePct', 'title']);
    }
  });

  it('refuses unknown channels', () => {
    expect(messageFor({ channels: ['fax' as never] })).toBeDefined();
  });

  it('accepts cleared dates and a cleared creator', () => {
    expect(messageFor({ shootDate: null, publishDate: null, creatorId: null })).toBeUndefined();
  });
});

describe('updateDrop', () => {
  it('changes only the given fields', () => {
    const { doc, stages } = boardDoc();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen', inventory: 50 });
    updateDrop(doc, id, { narrative: 'Linen at dawn on the harbour wall.', reservePct: 40 });
    expect(readDrop(doc, id)).toMatchObject({
      title: 'Harbour linen',
      narrative: 'Linen at dawn on the harbour wall.',
      inventory: 50,
      reservePct: 40,
    });
  });

  it('refuses bad input with a message and keeps the old values', () => {
    const { doc, stages } = boardDoc();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen' });
    expect(() => updateDrop(doc, id, { title: '', adBudget: 100 })).toThrow(
      'Give the drop a title.',
    );
    expect(readDrop(doc, id)).toMatchObject({ title: 'Harbour linen', adBudget: 0 });
  });

  it('refuses a publish date before the stored shoot date', () => {
    const { doc, stages } = boardDoc();
    const id = createDrop(doc, {
      stageId: stages[0]!,
      title: 'Harbour linen',
      shootDate: '2026-03-10',
      publishDate: '2026-03-15',
    });
    expect(() => updateDrop(doc, id, { publishDate: '2026-03-01' })).toThrow(
      'Publish comes after the shoot.',
    );
    expect(() => updateDrop(doc, id, { shootDate: '2026-03-20' })).toThrow(
      'The shoot comes before publishing.',
    );
    expect(readDrop(doc, id)).toMatchObject({
      shootDate: '2026-03-10',
      publishDate: '2026-03-15',
    });
    updateDrop(doc, id, { shootDate: '2026-03-20', publishDate: '2026-03-25' });
    expect(readDrop(doc, id)?.publishDate).toBe('2026-03-25');
  });

  it('does not rewrite unchanged fields, so a peer edit to them is not overridden', () => {
    const { doc, stages } = boardDoc();
    const id = createDrop(doc, { stageId: stages[0]!, title: 'Harbour linen', inventory: 10 });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    updateDrop(peer, id, { inventory: 99 });
    // Locally the form saves everything, inventory included, unchanged.
    updateDrop(doc, id, { title: 'Harbour linen II', inventory: 10 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(readDrop(doc, id)).toMatchObject({ title: 'Harbour linen II', inventory: 99 });
    expect(readDrop(peer, id)).toEqual(readDrop(doc, id));
  });

  it('says so when the drop was deleted', () => {
    const { doc } = boardDoc();
    expect(() => updateDrop(doc, 'd_gone' as DropId, { title: 'X' })).toThrow(
      'That drop was deleted.',
    );
  });
});

describe('moveDrop', () => {
  it('moves a drop within its stage', () => {
    const { doc, stages } = boardDoc();
    const s = stages[0]!;
    const [a, , c] = ['A', 'B', 'C'].map((title) => createDrop(doc, { stageId: s, title }));
    moveDrop(doc, c!, s, 0);
    expect(titles(doc, s)).toEqual(['C', 'A', 'B']);
    moveDrop(doc, a!, s, 2);
    expect(titles(doc, s)).toEqual(['C', 'B', 'A']);
    moveDrop(doc, a!, s, 1);
    expect(titles(doc, s)).toEqual(['C', 'A', 'B']);
  });

  it('moves a drop across stages to the given index', () => {
    const { doc, stages } = boardDoc();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    createDrop(doc, { stageId: stages[2]!, title: 'X' });
    createDrop(doc, { stageId: stages[2]!, title: 'Y' });
    moveDrop(doc, a, stages[2]!, 1);
    expect(titles(doc, stages[0]!)).toEqual([]);
    expect(titles(doc, stages[2]!)).toEqual(['X', 'A', 'Y']);
  });

  it('clamps the index to the column', () => {
    const { doc, stages } = boardDoc();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    createDrop(doc, { stageId: stages[1]!, title: 'X' });
    moveDrop(doc, a, stages[1]!, 50);
    expect(titles(doc, stages[1]!)).toEqual(['X', 'A']);
    moveDrop(doc, a, stages[1]!, -3);
    expect(titles(doc, stages[1]!)).toEqual(['A', 'X']);
  });

  it('writes the place as one value', () => {
    const { doc, stages } = boardDoc();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    moveDrop(doc, a, stages[3]!, 0);
    const pos = root.drops(doc).get(a)!.get('pos') as { stageId: string; rank: string };
    expect(Object.keys(pos).sort()).toEqual(['rank', 'stageId']);
    expect(pos.stageId).toBe(stages[3]);
  });

  it('refuses a deleted drop or stage', () => {
    const { doc, stages } = boardDoc();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    expect(() => moveDrop(doc, 'd_gone' as DropId, stages[1]!, 0)).toThrow(
      'That drop was deleted.',
    );
    expect(() => moveDrop(doc, a, 's_gone' as StageId, 0)).toThrow('That stage no longer exists.');
    expect(readDrop(doc, a)?.pos.stageId).toBe(stages[0]);
  });
});

describe('archive and delete', () => {
  it('archives a drop off the column and restores it', () => {
    const { doc, stages } = boardDoc();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    createDrop(doc, { stageId: stages[0]!, title: 'B' });
    setDropArchived(doc, a, true);
    expect(titles(doc, stages[0]!)).toEqual(['B']);
    expect(readDrop(doc, a)?.archived).toBe(true);
    setDropArchived(doc, a, false);
    expect(titles(doc, stages[0]!)).toEqual(['A', 'B']);
  });

  it('deletes a drop and its brief', () => {
    const { doc, stages } = boardDoc();
    const a = createDrop(doc, { stageId: stages[0]!, title: 'A' });
    root.briefs(doc).set(a, new Y.Map());
    deleteDrop(doc, a);
    expect(readDrop(doc, a)).toBeNull();
    expect(root.briefs(doc).has(a)).toBe(false);
    expect(readDrops(doc)).toEqual([]);
  });
});

describe('readDropRecord', () => {
  function record(fields: Record<string, unknown>): Y.Map<unknown> {
    const doc = new Y.Doc();
    const rec = new Y.Map<unknown>();
    root.drops(doc).set('d_x', rec);
    for (const [k, v] of Object.entries(fields)) rec.set(k, v);
    return rec;
  }

  it('falls back to defaults for fields a peer wrote badly', () => {
    const rec = record({
      pos: { stageId: 's_1', rank: 'a0' },
      title: 42,
      shootDate: 'soon',
      channels: ['email', 'fax'],
      inventory: 'many',
      reservePct: null,
      archived: 'yes',
    });
    expect(readDropRecord('d_x', rec)).toMatchObject({
      title: 'Untitled drop',
      shootDate: null,
      channels: ['email'],
      inventory: 0,
      reservePct: 30,
      archived: false,
    });
  });

  it('returns null for a record with no usable place', () => {
    expect(readDropRecord('d_x', record({ title: 'No pos' }))).toBeNull();
    expect(readDropRecord('d_x', record({ pos: { stageId: 's_1', rank: '??' } }))).toBeNull();
    expect(readDropRecord('d_x', record({ pos: { rank: 'a0' } }))).toBeNull();
  });
});
