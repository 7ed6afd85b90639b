import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCreator, isHttpsUrl, validateCreatorPatch } from './creator';

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
