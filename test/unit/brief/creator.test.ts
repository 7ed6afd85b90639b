import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createCreator,
  createDrop,
  createUndoManager,
  CreatorValidationError,
  deleteCreator,
  duplicateDiscountCodes,
  initWorkspace,
  linkCreator,
  readCreator,
  readCreators,
  readDrop,
  readStages,
  root,
  updateCreator,
  validateCreatorPatch,
  type CreatorId,
} from '../../../shared/model';

function workspace() {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour & Thread' });
  const stageId = readStages(doc)[0]!.id;
  return { doc, stageId };
}

function errorsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof CreatorValidationError) return e.errors as Record<string, string>;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('creator directory', () => {
  it('adds a creator with handles, share and code, and reads them back', () => {
    const { doc } = workspace();
    const id = createCreator(doc, {
      name: 'Mara Lin',
      handles: { tiktok: '@maralin', instagram: 'mara.lin' },
      platform: 'tiktok',
      email: 'mara@studio.com',
      region: 'Lisbon',
      revenueSharePct: 12.5,
      discountCode: 'MARA15',
      trackingLink: 'https://shop.example.com/?ref=mara',
    });
    const c = readCreator(doc, id)!;
    expect(c.name).toBe('Mara Lin');
    expect(c.handles).toEqual({
      tiktok: 'maralin',
      instagram: 'mara.lin',
      pinterest: '',
      youtube: '',
    });
    expect(c.revenueSharePct).toBe(12.5);
    expect(c.discountCode).toBe('MARA15');
  });

  it('rejects bad email, share outside 0–100 and a link that is not a URL, at the field', () => {
    const { doc } = workspace();
    const errors = errorsOf(() =>
      createCreator(doc, {
        name: 'Ana',
        email: 'ana-at-studio',
        revenueSharePct: 140,
        trackingLink: 'shop/ana',
        handles: { youtube: 'ana lin' },
      }),
    );
    expect(errors.email).toMatch(/email/);
    expect(errors.revenueSharePct).toMatch(/0 and 100/);
    expect(errors.trackingLink).toMatch(/https/);
    expect(errors['handles.youtube']).toMatch(/only letters/);
    expect(readCreators(doc)).toEqual([]);
  });

  it('needs a name', () => {
    const { doc } = workspace();
    expect(errorsOf(() => createCreator(doc, { name: '  ' })).name).toMatch(/name/);
  });

  it('keeps discount codes unique in a workspace, ignoring case', () => {
    const { doc } = workspace();
    createCreator(doc, { name: 'Mara', discountCode: 'MARA15' });
    const other = createCreator(doc, { name: 'Jo', discountCode: 'JO10' });
    expect(
      errorsOf(() => createCreator(doc, { name: 'Kit', discountCode: 'mara15' })).discountCode,
    ).toMatch(/Mara already uses/);
    expect(
      errorsOf(() => updateCreator(doc, other, { discountCode: 'Mara15' })).discountCode,
    ).toMatch(/already uses/);
    // Saving a creator with its own code is fine.
    expect(() =>
      updateCreator(doc, other, { discountCode: 'JO10', region: 'Porto' }),
    ).not.toThrow();
    expect(validateCreatorPatch({ discountCode: 'x' }).ok).toBe(false);
  });

  it('flags codes duplicated by two people offline', () => {
    const a = workspace().doc;
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    createCreator(a, { name: 'Mara', discountCode: 'DROP10' });
    createCreator(b, { name: 'Jo', discountCode: 'drop10' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(duplicateDiscountCodes(readCreators(a))).toEqual(new Set(['drop10']));
  });

  it('edits one field without touching the others', () => {
    const { doc } = workspace();
    const id = createCreator(doc, {
      name: 'Mara',
      handles: { tiktok: 'mara' },
      notes: 'Loves linen',
    });
    updateCreator(doc, id, { handles: { instagram: 'mara.ig' } });
    const c = readCreator(doc, id)!;
    expect(c.handles.tiktok).toBe('mara');
    expect(c.handles.instagram).toBe('mara.ig');
    expect(c.notes).toBe('Loves linen');
  });

  it('links a drop to a creator and unlinks drops when the creator is deleted, undoably', () => {
    const { doc, stageId } = workspace();
    const undo = createUndoManager(doc, 0);
    const mara = createCreator(doc, { name: 'Mara' });
    const d1 = createDrop(doc, { stageId, title: 'Harbour linen' });
    const d2 = createDrop(doc, { stageId, title: 'Indigo stitch' });
    linkCreator(doc, d1, mara);
    linkCreator(doc, d2, mara);
    expect(readDrop(doc, d1)!.creatorId).toBe(mara);
    undo.stopCapturing();
    deleteCreator(doc, mara);
    expect(readCreator(doc, mara)).toBeNull();
    expect(readDrop(doc, d1)!.creatorId).toBeNull();
    expect(readDrop(doc, d2)!.creatorId).toBeNull();
    undo.undo();
    expect(readCreator(doc, mara)!.name).toBe('Mara');
    expect(readDrop(doc, d1)!.creatorId).toBe(mara);
  });

  it('refuses to link a creator that is not in the directory', () => {
    const { doc, stageId } = workspace();
    const d = createDrop(doc, { stageId, title: 'x' });
    expect(() => linkCreator(doc, d, 'c_missing' as CreatorId)).toThrow(/no longer/);
  });

  it('reads a malformed record leniently', () => {
    const { doc } = workspace();
    const id = createCreator(doc, { name: 'Mara' });
    const rec = root.creators(doc).get(id)!;
    doc.transact(() => {
      rec.set('revenueSharePct', 'lots');
      rec.set('platform', 'myspace');
      rec.set('handle:tiktok', 42);
    });
    const c = readCreator(doc, id)!;
    expect(c.revenueSharePct).toBe(0);
    expect(c.platform).toBe('other');
    expect(c.handles.tiktok).toBe('');
  });

  it('lists creators by name', () => {
    const { doc } = workspace();
    createCreator(doc, { name: 'Zoë' });
    createCreator(doc, { name: 'Ana' });
    expect(readCreators(doc).map((c) => c.name)).toEqual(['Ana', 'Zoë']);
  });
});
