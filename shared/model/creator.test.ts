import { describe, expect, it } from 'vitest';
import { isHttpsUrl, validateCreatorPatch } from './creator';

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
});
