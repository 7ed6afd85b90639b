import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server';
import { launchChromium, newPage } from './support/browser';

// Two people in two browser contexts edit the same paragraph of a brief over the app's
// peer-to-peer sync (y-webrtc through a loopback signaling endpoint): at once, then with one
// of them offline. Nothing typed is lost, nothing is doubled, and each sees the other's caret.

const lines = (page: Page) =>
  page.evaluate(() => (window as unknown as { peer: { lines(): string[] } }).peer.lines());
/** How many people this page's presence knows, itself included. */
const presentPeers = (page: Page) =>
  page.evaluate(() => (window as unknown as { peer: { present(): number } }).peer.present());
const setOnline = (page: Page, online: boolean) =>
  page.evaluate(
    (o) => (window as unknown as { peer: { setOnline(o: boolean): void } }).peer.setOnline(o),
    online,
  );

/** Where the editor itself (not the DOM) has the caret in its paragraph, and that paragraph's length. */
const editorCaret = (page: Page) =>
  page.evaluate(() => {
    type Editor = {
      state: {
        selection: { $from: { parentOffset: number; parent: { content: { size: number } } } };
      };
    };
    const editor = (document.querySelector('.brief-prose') as unknown as { editor?: Editor } | null)
      ?.editor;
    if (!editor) return null;
    const { $from } = editor.state.selection;
    return { offset: $from.parentOffset, length: $from.parent.content.size };
  });

// Puts the caret at the start or end of the first paragraph and waits until the editor's own
// state has it, so that typing goes where the test means.
async function placeCaret(page: Page, where: 'Home' | 'End') {
  await page.locator('.brief-prose p').first().click();
  await page.keyboard.press(where);
  await expect
    .poll(async () => {
      const caret = await editorCaret(page);
      return caret !== null && caret.offset === (where === 'Home' ? 0 : caret.length);
    })
    .toBe(true);
}

async function typeAt(page: Page, where: 'Home' | 'End', text: string) {
  await placeCaret(page, where);
  await page.keyboard.type(text, { delay: 15 });
}

// Real WebRTC connections between browser contexts: on a busy two-core machine a connection
// now and then takes longer than its wait. One retry absorbs that; a real failure fails both.
describe('two people on one brief paragraph', { retry: 1 }, () => {
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

  // Each attempt (a retry included) has its own room and closes its people, so a failed
  // attempt's peers cannot feed their text into the next one.
  let attempt = 0;
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  const person = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    return newPage(context);
  };
  const url = (role: string, name: string, color: string) =>
    `${pathToFileURL(join(dir, 'index.html')).href}?${new URLSearchParams({
      role,
      name,
      color,
      room: `brief-peers-room-7f3a9c2e1b-${attempt}`,
      password: 'correct horse battery staple',
      signaling: signaling.address,
    })}`;

  it.each(['words', 'caret'] as const)(
    "keeps a caret move made just as a teammate's %s arrive",
    async (what) => {
      attempt += 1;
      const { page, pageErrors } = await person();
      await page.goto(url('first', 'Ann', '#c2410c'));
      await typeAt(page, 'End', 'Golden hour on the quay.');

      // Home pressed in the same instant as a teammate's words or caret land in the line.
      await page.evaluate(
        (w) =>
          (
            window as unknown as { peer: { homeAsTeammateArrives(w: string): void } }
          ).peer.homeAsTeammateArrives(w),
        what,
      );
      // Once the teammate's words or caret are on screen, the editor has redrawn the line; the
      // caret must then be where Home put it (the defect put it back at the end).
      await (what === 'words'
        ? page.locator('.brief-prose p', { hasText: 'Wind in the sleeves.' }).waitFor()
        : page.locator('.collaboration-carets__label', { hasText: 'Bea' }).waitFor());
      await expect.poll(() => editorCaret(page)).toMatchObject({ offset: 0 });
      await page.keyboard.type('Dawn. ');
      const line =
        what === 'words'
          ? 'Dawn. Golden hour on the quay. Wind in the sleeves.'
          : 'Dawn. Golden hour on the quay.';
      expect(await lines(page)).toEqual([line]);
      if (what === 'caret') {
        await expect
          .poll(() => page.locator('.collaboration-carets__label').allTextContents())
          .toEqual(['Bea']);
      }
      expect(pageErrors).toEqual([]);
    },
  );

  it('merges concurrent and offline edits of the same paragraph, with carets', async () => {
    attempt += 1;
    const ann = await person();
    const bea = await person();
    const a = ann.page;
    const b = bea.page;
    await a.goto(url('first', 'Ann', '#c2410c'));
    await a.locator('.brief-prose').waitFor();
    await b.goto(url('second', 'Bea', '#1d4ed8'));
    await b.locator('.brief-prose').waitFor();

    // Opening the editor writes nothing: no empty paragraph for two peers to double. Checked
    // once each sees the other's presence, that is once they are connected and have synced.
    await expect.poll(() => presentPeers(a), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => presentPeers(b), { timeout: 20_000 }).toBe(2);
    expect(await lines(a)).toEqual([]);
    expect(await lines(b)).toEqual([]);

    await typeAt(a, 'End', 'Golden hour on the quay.');
    await expect.poll(() => lines(b), { timeout: 20_000 }).toEqual(['Golden hour on the quay.']);

    // Both type in the same paragraph at the same time.
    await placeCaret(a, 'End');
    await placeCaret(b, 'Home');
    await Promise.all([
      a.keyboard.type(' Wind in the sleeves.', { delay: 15 }),
      b.keyboard.type('Dawn. ', { delay: 15 }),
    ]);
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
      const before = await lines(a);
      await a.keyboard.press(`${process.platform === 'darwin' ? 'Meta' : 'Control'}+z`);
      await expect.poll(() => lines(a)).not.toEqual(before);
    }
    const afterUndo = (await lines(a))[0] ?? '';
    expect(afterUndo).not.toMatch(/Salt/);
    expect(afterUndo).toMatch(/^Dawn\. Golden hour on the quay\..* Rope\.$/);
    await expect.poll(() => lines(b), { timeout: 20_000 }).toEqual([afterUndo]);
    expect([...ann.pageErrors, ...bea.pageErrors]).toEqual([]);
  });
});
