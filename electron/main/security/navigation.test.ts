import { describe, expect, it } from 'vitest';
import { decidePermission, decideRequest, safeExternalUrl } from './navigation';

const app = { protocol: 'app:', host: 'cadence' };

describe('safeExternalUrl', () => {
  it('opens ordinary web and mail links', () => {
    expect(safeExternalUrl('https://www.instagram.com/some.creator')).toBe(
      'https://www.instagram.com/some.creator',
    );
    expect(safeExternalUrl('http://shop.example/drop?utm=1')).toBe(
      'http://shop.example/drop?utm=1',
    );
    expect(safeExternalUrl('mailto:creator@example.com')).toBe('mailto:creator@example.com');
  });

  it('refuses schemes that could run code or open local files', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://server/share',
      'vbscript:msgbox',
      'cadence://join/abc',
      'data:text/html,<script>1</script>',
      'not a url',
    ]) {
      expect(safeExternalUrl(url)).toBeNull();
    }
  });

  it('refuses links with embedded credentials, no host, or absurd length', () => {
    expect(safeExternalUrl('https://user:pass@example.com/')).toBeNull();
    expect(safeExternalUrl('mailto:nobody')).toBeNull();
    expect(safeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBeNull();
  });
});

describe('decideRequest', () => {
  it('allows our own files, inline data, and signaling sockets', () => {
    expect(decideRequest('app://cadence/assets/index.js', app)).toBe('allow');
    expect(decideRequest('data:image/png;base64,AAAA', app)).toBe('allow');
    expect(decideRequest('blob:app://cadence/1234', app)).toBe('allow');
    expect(decideRequest('ws://192.168.1.20:4444', app)).toBe('allow');
    expect(decideRequest('wss://signal.example', app)).toBe('allow');
  });

  it('blocks remote content and local files', () => {
    expect(decideRequest('https://cdn.example/tracker.js', app)).toBe('block');
    expect(decideRequest('http://localhost:5173/', app)).toBe('block');
    expect(decideRequest('file:///etc/passwd', app)).toBe('block');
    expect(decideRequest('app://other/x.js', app)).toBe('block');
  });

  it('allows the dev server only when it is the origin', () => {
    const dev = { protocol: 'http:', host: 'localhost:5173' };
    expect(decideRequest('http://localhost:5173/src/main.tsx', dev)).toBe('allow');
    expect(decideRequest('https://fonts.example/font.woff2', dev)).toBe('block');
  });
});

describe('decidePermission', () => {
  it('denies camera, microphone, location, notifications and the rest', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      expect(decidePermission(p, 'app://cadence/index.html', app)).toBe(false);
    }
  });

  it('lets our own page copy an invite code, but no one else', () => {
    expect(decidePermission('clipboard-sanitized-write', 'app://cadence/index.html', app)).toBe(
      true,
    );
    expect(decidePermission('clipboard-sanitized-write', 'app://cadence', app)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example', app)).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', undefined, app)).toBe(false);
  });

  it('keeps the workspaces in IndexedDB from being evicted', () => {
    expect(decidePermission('persistent-storage', 'app://cadence/index.html', app)).toBe(true);
    expect(decidePermission('persistent-storage', 'https://evil.example', app)).toBe(false);
  });
});
