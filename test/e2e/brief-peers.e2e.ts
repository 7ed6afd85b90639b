import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server';
import { launchChromium, newPage } from './support/browser';

// Two people in two browser contexts edit the same paragraph of a brief over the app's
// peer-to-peer sync (y-webrtc through a loopback signaling endpoint): at once, then with one
// of them offline. Nothing typed is lost, nothing is doubled, and each sees the other's caret.

const lines = (page: Page) =>
  page.evaluate(() => (window as unknown as { peer: { lines(): string[] } }).peer.lines());
const setOnline = (page: Page, online: boolean) =>
  page.evaluate(
    (o) => (window as unknown as { peer: { setOnline(o: boolean): void } }).peer.setOnline(o),
    online,
  );

async function typeAt(page: Page, where: 'Home' | 'End', text: string) {
  await page.locator('.brief-prose p').first().click();
  await page.keyboard.press(where);
  await page.keyboard.type(text, { delay: 15 });
}

describe('two people on one brief paragraph', () => {
  let dir: string;
  let signaling: SignalingServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cadence-brief-peers-'));
    await build({
      entryPoints: [resolve('test/e2e/pages/brief-peers-page.tsx')],
      bundle: true,
      outdir: dir,
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="brief-peers-page.css"><div id="root"></div><script src="brief-peers-page.js"></script>',
    );
    signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await signaling?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('merges concurrent and offline edits of the same paragraph, with carets', async () => {
    const url = (role: string, name: string, color: string) =>
      `${pathToFileURL(join(dir, 'index.html')).href}?${new URLSearchParams({
        role,
        name,
        color,
        room: 'brief-peers-room-7f3a9c2e1b',
        password: 'correct horse battery staple',
        signaling: signaling.address,
      })}`;
    const ann = await newPage(await browser.newContext());
    const bea = await newPage(await browser.newContext());
    const a = ann.page;
    const b = bea.page;
    await a.goto(url('first', 'Ann', '#c2410c'));
    await a.locator('.brief-prose').waitFor();
    await b.goto(url('second', 'Bea', '#1d4ed8'));
    await b.locator('.brief-prose').waitFor();

    // Opening the editor writes nothing: no empty paragraph for two peers to double.
    await b.waitForTimeout(500);
    expect(await lines(a)).toEqual([]);
    expect(await lines(b)).toEqual([]);

    await typeAt(a, 'End', 'Golden hour on the quay.');
    await expect.poll(() => lines(b), { timeout: 20_000 }).toEqual(['Golden hour on the quay.']);

    // Both type in the same paragraph at the same time.
    await Promise.all([typeAt(a, 'End', ' Wind in the sleeves.'), typeAt(b, 'Home', 'Dawn. ')]);
    const both = 'Dawn. Golden hour on the quay. Wind in the sleeves.';
    await expect.poll(() => lines(a), { timeout: 20_000 }).toEqual([both]);
    await expect.poll(() => lines(b), { timeout: 20_000 }).toEqual([both]);

    // Each sees the other's caret, named and coloured from presence.
    await expect
      .poll(() => a.locator('.collaboration-carets__label').allTextContents())
      .toContain('Bea');
    await expect
      .poll(() => b.locator('.collaboration-carets__label').allTextContents())
      .toContain('Ann');

    // Ann goes offline; both keep typing in the same paragraph; Ann comes back.
    await setOnline(a, false);
    await typeAt(a, 'End', ' Salt.');
    await typeAt(b, 'End', ' Rope.');
    expect(await lines(a)).toEqual([`${both} Salt.`]);
    await setOnline(a, true);
    const agree = async () => {
      const [la, lb] = await Promise.all([lines(a), lines(b)]);
      return (
        JSON.stringify(la) === JSON.stringify(lb) &&
        /Salt/.test(la[0] ?? '') &&
        /Rope/.test(la[0] ?? '')
      );
    };
    await expect.poll(agree, { timeout: 30_000 }).toBe(true);
    const merged = (await lines(a))[0]!;
    expect(merged).toMatch(
      /^Dawn\. Golden hour on the quay\. Wind in the sleeves\.( Salt\. Rope\.| Rope\. Salt\.)$/,
    );
    expect(merged.split('Golden hour').length).toBe(2);

    // Undo is per person: Ann's Ctrl/⌘+Z takes back her own typing, never Bea's.
    // (How much one step takes depends on typing pauses, so undo until " Salt." is gone.)
    await a.locator('.brief-prose').click();
    for (let i = 0; i < 5 && /Salt/.test((await lines(a))[0] ?? ''); i++) {
      await a.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+z`);
      await a.waitForTimeout(200);
    }
    const afterUndo = (await lines(a))[0] ?? '';
    expect(afterUndo).not.toMatch(/Salt/);
    expect(afterUndo).toMatch(/^Dawn\. Golden hour on the quay\..* Rope\.$/);
    await expect.poll(() => lines(b), { timeout: 20_000 }).toEqual([afterUndo]);
    expect([...ann.pageErrors, ...bea.pageErrors]).toEqual([]);
  });
});
