import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createCreator,
  discountCodeProblem,
  handleProblems,
  isHttpsUrl,
  readCreator,
  updateCreator,
  validateCreatorPatch,
  type HandlePlatform,
} from './creator';
import { root } from './schema';

describe('tracking links', () => {
  it('takes only https:// links to a named host', () => {
    expect(isHttpsUrl('https://saltmarsh.example/?ref=mara')).toBe(true);
    expect(isHttpsUrl('http://saltmarsh.example/?ref=mara')).toBe(false);
    expect(isHttpsUrl('https://localhost/x')).toBe(false);
    expect(isHttpsUrl('saltmarsh.example')).toBe(false);
  });
});

describe('the directory', () => {
  it('refuses an http:// tracking link with the message the field shows', () => {
    const checked = validateCreatorPatch({ trackingLink: 'http://saltmarsh.example/' });
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.errors.trackingLink).toBe('Use a full link starting with https://');
  });

  it('says a code another creator uses together with the other problems, at once', () => {
    const doc = new Y.Doc();
    createCreator(doc, { name: 'Noor Haddad', discountCode: 'NOOR15' });
    const checked = validateCreatorPatch(
      { email: 'not an email', trackingLink: 'http://saltmarsh.example/', discountCode: 'noor15' },
      doc,
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(checked.errors).sort()).toEqual(['discountCode', 'email', 'trackingLink']);
      expect(checked.errors.discountCode).toBe('Noor Haddad already uses the code NOOR15.');
    }
    // Alone, a free code passes (the positive control).
    expect(validateCreatorPatch({ discountCode: 'MARA10' }, doc).ok).toBe(true);
  });
});

describe('handles', () => {
  const errorsFor = (handles: Partial<Record<HandlePlatform, string>>) => {
    const checked = validateCreatorPatch({ handles });
    return checked.ok ? {} : checked.errors;
  };

  it('refuses what each platform could not have, saying its limit and the length typed', () => {
    // TikTok takes 24 characters, Instagram, Pinterest and YouTube 30.
    expect(errorsFor({ tiktok: 'a'.repeat(35) })).toEqual({
      'handles.tiktok': 'TikTok handles have at most 24 characters; this one has 35.',
    });
    expect(errorsFor({ instagram: `@${'b'.repeat(31)}` })).toEqual({
      'handles.instagram': 'Instagram handles have at most 30 characters; this one has 31.',
    });
    expect(errorsFor({ pinterest: 'c'.repeat(31) })['handles.pinterest']).toMatch(/at most 30/);
    expect(errorsFor({ youtube: 'd'.repeat(31) })['handles.youtube']).toMatch(/at most 30/);
    // The limits themselves are taken, with or without the @.
    expect(
      validateCreatorPatch({
        handles: {
          tiktok: `@${'a'.repeat(24)}`,
          instagram: 'b'.repeat(30),
          pinterest: 'c'.repeat(30),
          youtube: 'd'.repeat(30),
        },
      }).ok,
    ).toBe(true);
  });

  it('takes only the characters each platform does', () => {
    expect(errorsFor({ tiktok: 'mara-lin' })).toEqual({
      'handles.tiktok': 'TikTok handles have only letters, numbers, underscores and periods.',
    });
    expect(errorsFor({ instagram: 'mara-lin' })['handles.instagram']).toMatch(/only letters/);
    expect(errorsFor({ pinterest: 'mara lin' })['handles.pinterest']).toMatch(/only letters/);
    expect(errorsFor({ youtube: 'ana lin' })['handles.youtube']).toBe(
      'YouTube handles have only letters, numbers, underscores, hyphens, periods and middle dots (·).',
    );
    expect(errorsFor({ youtube: 'ana\u202Elin' })['handles.youtube']).toMatch(/only letters/);
    // YouTube handles take hyphens, a middle dot and letters of any script.
    expect(validateCreatorPatch({ handles: { youtube: 'ana-lin·studio' } }).ok).toBe(true);
    expect(validateCreatorPatch({ handles: { youtube: 'アナ_リン' } }).ok).toBe(true);
    expect(validateCreatorPatch({ handles: { tiktok: 'mara_lin.2' } }).ok).toBe(true);
  });

  it('says a handle shorter than the platform takes', () => {
    expect(errorsFor({ tiktok: 'm' })['handles.tiktok']).toBe(
      'TikTok handles have at least 2 characters.',
    );
    expect(errorsFor({ youtube: 'ab' })['handles.youtube']).toMatch(/at least 3/);
    expect(validateCreatorPatch({ handles: { instagram: 'm', tiktok: '' } }).ok).toBe(true);
  });

  it('keeps a handle saved before the rules, flagged, while other fields are edited', () => {
    const doc = new Y.Doc();
    const id = createCreator(doc, { name: 'Mara Lin' });
    const long = 'maralin_studio_official_2019_x'.padEnd(35, 'x');
    // As a file or a teammate's older app would have it.
    root.creators(doc).get(id)!.set('handle:tiktok', long);
    const saved = readCreator(doc, id)!;
    expect(saved.handles.tiktok).toBe(long);
    expect(handleProblems(saved.handles)).toEqual({
      tiktok: {
        kind: 'long',
        message: 'TikTok handles have at most 24 characters; this one has 35.',
      },
    });
    // The whole form saved again with the handle as it was: the other edit goes through.
    updateCreator(doc, id, { ...saved, notes: 'Prefers mornings' });
    expect(readCreator(doc, id)).toMatchObject({
      notes: 'Prefers mornings',
      handles: { tiktok: long },
    });
    // A change to it is checked.
    expect(() => updateCreator(doc, id, { handles: { tiktok: `${long}y` } })).toThrow(
      /at most 24 characters; this one has 36/,
    );
    updateCreator(doc, id, { handles: { tiktok: 'maralin' } });
    expect(handleProblems(readCreator(doc, id)!.handles)).toEqual({});
  });
});

describe('discount codes', () => {
  it('names the character a shopper could not type, or the length', () => {
    expect(discountCodeProblem('')).toBeNull();
    expect(discountCodeProblem('ZOE_10-b')).toBeNull();
    expect(discountCodeProblem('ŁUKASZ10')).toBe(
      'A code has only letters A–Z, numbers, dashes and underscores: not “Ł”.',
    );
    expect(discountCodeProblem('ZOË10')).toMatch(/not “Ë”\.$/);
    expect(discountCodeProblem('MARA 10')).toMatch(/not a space\.$/);
    expect(discountCodeProblem('MARA😀')).toMatch(/not “😀”\.$/);
    expect(discountCodeProblem('AB')).toBe('A code has 3 to 32 characters; this one has 2.');
    expect(discountCodeProblem('A'.repeat(33))).toBe(
      'A code has 3 to 32 characters; this one has 33.',
    );
    // The same rule at the directory's field.
    const checked = validateCreatorPatch({ discountCode: ' ŁUKASZ10 ' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.discountCode).toMatch(/not “Ł”/);
  });
});
