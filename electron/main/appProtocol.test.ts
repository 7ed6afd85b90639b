import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppFile } from './appProtocol';

const root = path.resolve('/opt/cadence/dist');

describe('resolveAppFile', () => {
  it('maps app://cadence/ paths into dist', () => {
    expect(resolveAppFile('app://cadence/', root, 'cadence')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://cadence/index.html#/board', root, 'cadence')).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppFile('app://cadence/assets/app-1a2b.js?v=1', root, 'cadence')).toBe(
      path.join(root, 'assets', 'app-1a2b.js'),
    );
    expect(resolveAppFile('app://cadence/fonts/Inter%20Var.woff2', root, 'cadence')).toBe(
      path.join(root, 'fonts', 'Inter Var.woff2'),
    );
  });

  it('never serves a file outside dist', () => {
    // ../ and %2e%2e/ are folded away by URL parsing itself: they stay inside dist.
    expect(resolveAppFile('app://cadence/../index.html', root, 'cadence')).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveAppFile('app://cadence/%2e%2e/index.html', root, 'cadence')).toBe(
      path.join(root, 'index.html'),
    );
    for (const url of [
      'app://cadence/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://cadence/..%5c..%5csecret',
      'app://cadence/%00index.html',
      'app://cadence/%E0%A4%A',
      'app://other/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(url, root, 'cadence')).toBeNull();
    }
  });
});

describe('createAppProtocolHandler', () => {
  async function distWithIndex() {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'cadence-app-'));
    await writeFile(path.join(parent, 'outside.txt'), 'secret');
    const dir = path.join(parent, 'dist');
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Cadence</title>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    return createAppProtocolHandler({
      root: dir,
      host: 'cadence',
      csp: "default-src 'none'",
      readFile,
    });
  }

  it('serves the renderer with its type and our CSP', async () => {
    const handle = await distWithIndex();
    const res = await handle(new Request('app://cadence/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await res.text()).toContain('<title>Cadence</title>');
    const js = await handle(new Request('app://cadence/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing or escaping files and 405 for writes', async () => {
    const handle = await distWithIndex();
    expect((await handle(new Request('app://cadence/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://cadence/%2e%2e/outside.txt'))).status).toBe(404);
    expect(
      (await handle(new Request('app://cadence/x/%2e%2e%2f%2e%2e%2foutside.txt'))).status,
    ).toBe(404);
    expect(
      (await handle(new Request('app://cadence/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });

  it('knows the types a Vite build emits', () => {
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
