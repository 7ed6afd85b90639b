import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isTrustedSender, isTrustedUrl, resolveRendererSource } from './origin';

const app = { protocol: 'app:', host: 'cadence' };

describe('resolveRendererSource', () => {
  it('loads the built app by default', () => {
    const { source, warning } = resolveRendererSource(undefined, false);
    expect(source).toMatchObject({ kind: 'app', entryUrl: APP_ENTRY_URL, origin: app });
    expect(warning).toBeUndefined();
  });

  it('uses a loopback Vite dev server in an unpackaged build', () => {
    const { source } = resolveRendererSource('http://localhost:5173', false);
    expect(source).toMatchObject({
      kind: 'dev',
      entryUrl: 'http://localhost:5173/',
      origin: { protocol: 'http:', host: 'localhost:5173' },
    });
  });

  it('never loads a dev URL in a packaged app', () => {
    const { source, warning } = resolveRendererSource('http://localhost:5173', true);
    expect(source.kind).toBe('app');
    expect(warning).toMatch(/ignored/);
  });

  it('refuses a remote or non-http dev URL with a clear warning', () => {
    for (const url of [
      'https://example.com',
      'http://10.0.0.5:5173',
      'file:///tmp/x.html',
      'nonsense',
    ]) {
      const { source, warning } = resolveRendererSource(url, false);
      expect(source.kind).toBe('app');
      expect(warning).toContain('CADENCE_DEV_URL');
    }
  });
});

describe('isTrustedUrl', () => {
  it('accepts pages of our origin, with any path or hash', () => {
    expect(isTrustedUrl('app://cadence/index.html', app)).toBe(true);
    expect(isTrustedUrl('app://cadence/index.html#/print/brief/d_1', app)).toBe(true);
  });

  it('rejects other hosts, schemes and look-alikes', () => {
    for (const url of [
      'app://evil/index.html',
      'app://cadence.evil/index.html',
      'https://cadence/index.html',
      'file:///app/dist/index.html',
      'about:blank',
      '',
    ]) {
      expect(isTrustedUrl(url, app)).toBe(false);
    }
  });

  it('distinguishes the dev server port', () => {
    const dev = { protocol: 'http:', host: 'localhost:5173' };
    expect(isTrustedUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts the top frame of our renderer', () => {
    expect(isTrustedSender({ senderFrame: { url: APP_ENTRY_URL, parent: null } }, app)).toBe(true);
  });

  it('rejects a sub-frame, a destroyed frame and a foreign page', () => {
    const top = { url: APP_ENTRY_URL, parent: null };
    expect(isTrustedSender({ senderFrame: { url: APP_ENTRY_URL, parent: top } }, app)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, app)).toBe(false);
    expect(
      isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } }, app),
    ).toBe(false);
  });
});
