import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCreator, readCreators, updateCreator, validateCreatorPatch } from './creator';
import { creatorChoiceLabels, sameCreatorName, twinCreatorIds } from './creatorNames';
import type { CreatorId } from './ids';
import { root } from './schema';

describe('one creator, one name', () => {
  it('takes case, accents and spaces as the same name', () => {
    expect(sameCreatorName('Zoë Martin', 'zoe  martin ')).toBe(true);
    expect(sameCreatorName('Łukasz Nowak', 'LUKASZ NOWAK')).toBe(true);
    expect(sameCreatorName('José María', 'Jose Maria')).toBe(true);
    expect(sameCreatorName('Zoë Martin', 'Zoë Marten')).toBe(false);
    expect(sameCreatorName('', '')).toBe(false);
  });

  it('refuses adding a creator already in the directory, at the name, with the other problems', () => {
    const doc = new Y.Doc();
    createCreator(doc, { name: 'Zoë Martin', discountCode: 'ZOE10' });
    const checked = validateCreatorPatch({ name: ' zoe martin', email: 'nope' }, doc);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.name).toBe(
        'Zoë Martin is already in the directory: edit that creator, or add to the name what tells the two apart.',
      );
      expect(checked.errors.email).toBeDefined();
    }
    expect(() => createCreator(doc, { name: 'ZOË MARTIN' })).toThrow(/already in the directory/);
    // Positive control: a name that tells them apart is added.
    createCreator(doc, { name: 'Zoë Martin (Porto)' });
    expect(readCreators(doc).map((c) => c.name)).toEqual(['Zoë Martin', 'Zoë Martin (Porto)']);
  });

  it('lets a creator keep their own name, and refuses renaming one to another’s', () => {
    const doc = new Y.Doc();
    const zoe = createCreator(doc, { name: 'Zoë Martin' });
    const ola = createCreator(doc, { name: 'Ola Berg' });
    updateCreator(doc, zoe, { name: 'Zoë Martin', region: 'Porto' });
    updateCreator(doc, zoe, { name: 'zoë martin' });
    expect(() => updateCreator(doc, ola, { name: 'Zoe Martin' })).toThrow(/already/);
  });

  it('still edits twins two people added offline, and tells them apart in a list', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const first = createCreator(a, { name: 'Zoë Martin', discountCode: 'ZOE10' });
    const second = createCreator(b, {
      name: 'Zoë Martin',
      handles: { instagram: 'zoe.martin' },
    });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const creators = readCreators(a);
    expect(twinCreatorIds(creators)).toEqual(new Set([first, second]));
    const labels = creatorChoiceLabels(creators);
    expect(labels.get(first)).toBe('Zoë Martin · ZOE10');
    expect(labels.get(second)).toBe('Zoë Martin · @zoe.martin');
    // Their other fields still save while the name is left as it is.
    updateCreator(a, first, { name: 'Zoë Martin', region: 'Lisbon' });
    expect(root.creators(a).get(first)?.get('region')).toBe('Lisbon');
  });

  it('numbers twins that nothing else tells apart, and leaves other names as they are', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createCreator(a, { name: 'Zoë Martin' });
    createCreator(b, { name: 'Zoë Martin' });
    createCreator(b, { name: 'Ola Berg', discountCode: 'OLA10' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const labels = [...creatorChoiceLabels(readCreators(a)).values()];
    expect(labels).toEqual(['Ola Berg', 'Zoë Martin · 1 of 2', 'Zoë Martin · 2 of 2']);
    expect(twinCreatorIds(readCreators(a)).size).toBe(2);
    expect(creatorChoiceLabels([]).size).toBe(0);
    expect(twinCreatorIds([]).has('c_none' as CreatorId)).toBe(false);
  });
});
