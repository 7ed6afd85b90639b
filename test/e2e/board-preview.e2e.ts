import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// Opening a workspace paints the board as last stored, read-only, while the document loads;
// then the live board replaces it. A damaged stored board is ignored.

// Holds back every workspace database's open for a while (a large document loading), and
// records what the stored preview offered while it was on screen.
const SLOW_DOCUMENT = `(() => {
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, version) {
    const real = open.call(this, name, version);
    if (!String(name).startsWith('cadence-ws-')) return real;
    window.__docOpenedAt ??= performance.now();
    return {
      get result() { return real.result; },
      get error() { return real.error; },
      set onupgradeneeded(fn) { real.onupgradeneeded = fn; },
      set onerror(fn) { real.onerror = fn; },
      set onblocked(fn) { real.onblocked = fn; },
      set onsuccess(fn) { real.onsuccess = (e) => setTimeout(() => fn(e), 1500); },
    };
  };
  window.__preview = { seen: false, texts: [], interactive: 0 };
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="board-preview"]');
    if (!el) return;
    window.__preview.seen = true;
    window.__preview.texts.push(el.textContent);
    window.__preview.interactive += el.querySelectorAll(
      'button, input, [tabindex], [data-testid="drop-card"]',
    ).length;
  }).observe(document, { childList: true, subtree: true });
})();`;

/** The stored preview of a workspace, as JSON ('' when there is none). */
const storedPreview = (page: Page, wsId: string) =>
  page.evaluate(
    (id) =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('cadence-board-previews', 1);
        req.onsuccess = () => {
          const get = req.result.transaction('previews').objectStore('previews').get(id);
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result === undefined ? '' : JSON.stringify(get.result));
          };
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }),
    wsId,
  );

/**
 * Closes the app and rewrites the workspace's stored preview from a document of the same origin
 * that does not run the app (a script file shown as text), so nothing overwrites it before the
 * next open: `broken` stores a malformed one, `firstStageCount` changes the first stage's count.
 * A write the closed page had started commits before this later one (IndexedDB runs read-write
 * transactions on one store in order); one it had not started never runs.
 */
async function rewriteStoredPreview(
  page: Page,
  wsId: string,
  change: { broken: true } | { firstStageCount: number },
): Promise<void> {
  const script = await page.evaluate(
    () => document.querySelector<HTMLScriptElement>('script[src]')!.src,
  );
  await page.goto('about:blank');
  await page.goto(script);
  await page.evaluate(
    ([id, edit]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('cadence-board-previews', 1);
        req.onsuccess = () => {
          const tx = req.result.transaction('previews', 'readwrite');
          const store = tx.objectStore('previews');
          if ('broken' in edit) store.put({ version: 1, stages: 'broken' }, id);
          else
            store.get(id).onsuccess = (e) => {
              const preview = (e.target as IDBRequest).result as { stages: { count: number }[] };
              preview.stages[0]!.count = edit.firstStageCount;
              store.put(preview, id);
            };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    [wsId, change] as const,
  );
}

const boardReady = () => performance.getEntriesByName('cadence:board-ready').length > 0;

describe('the stored board preview', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('paints the last board read-only while the workspace loads, then the live board', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(boardReady);
    await page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
    await page.getByPlaceholder('Drop title').fill('Harbour Linen Preview');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="drop-card"]', { hasText: 'Harbour Linen Preview' }).waitFor();
    // The preview is stored a moment after the change.
    const id = new URL(page.url()).searchParams.get('ws')!;
    await expect.poll(() => storedPreview(page, id)).toContain('Harbour Linen Preview');

    await page.addInitScript(SLOW_DOCUMENT);
    await page.reload();
    await page.locator('[data-testid="board-preview"]').waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' }).count()).resolves.toBe(1);
    await page.waitForFunction(boardReady);
    await expect(page.locator('[data-testid="board-preview"]').count()).resolves.toBe(0);
    await page
      .locator('[data-testid="board"] [data-testid="drop-card"]', {
        hasText: 'Harbour Linen Preview',
      })
      .waitFor();

    const seen = await page.evaluate(
      () =>
        (
          window as unknown as {
            __preview: { seen: boolean; texts: string[]; interactive: number };
          }
        ).__preview,
    );
    expect(seen.seen).toBe(true);
    expect(seen.texts.some((t) => t.includes('Harbour Linen Preview'))).toBe(true);
    // Nothing in the preview can be dragged, opened or edited.
    expect(seen.interactive).toBe(0);
    const [first, ready] = await page.evaluate(() => [
      performance.getEntriesByName('cadence:board-first-paint')[0]!.startTime,
      performance.getEntriesByName('cadence:board-ready')[0]!.startTime,
    ]);
    expect(first).toBeLessThan(ready);
    expect(pageErrors).toEqual([]);
    // Closed, or its app (open on the same workspace) could store its own preview over the
    // next test's rewritten one (it stores one a second after opening: later on a busy machine).
    await page.close();
  });

  it("paints a large board's preview at once, while its document is still loading", async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(boardReady);
    const id = new URL(page.url()).searchParams.get('ws')!;
    const appUrl = page.url();
    await expect.poll(() => storedPreview(page, id)).not.toBe('');
    // A board of 640 drops, as its stored preview tells (the cards kept are the sample's): it
    // is painted as soon as it is read, not only after the document has loaded for a while.
    await rewriteStoredPreview(page, id, { firstStageCount: 640 });

    await page.addInitScript(SLOW_DOCUMENT);
    await page.goto(appUrl);
    const preview = page.locator('[data-testid="board-preview"]');
    await preview.waitFor();
    await expect(preview.getByText('640', { exact: true }).count()).resolves.toBe(1);
    await page.waitForFunction(boardReady);
    await expect(preview.count()).resolves.toBe(0);
    const [first, ready, docOpened] = await page.evaluate(() => [
      performance.getEntriesByName('cadence:board-first-paint')[0]!.startTime,
      performance.getEntriesByName('cadence:board-ready')[0]!.startTime,
      (window as unknown as { __docOpenedAt: number }).__docOpenedAt,
    ]);
    // Decoding a large document holds the page, so its read starts once the preview is on
    // screen (a smaller board's starts at once, and its preview only if it is slow).
    expect(docOpened).toBeGreaterThan(first);
    // The document's database answers 1.5 s late (SLOW_DOCUMENT); the preview did not wait.
    expect(ready - first).toBeGreaterThan(1000);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('ignores a damaged stored preview and opens the live board', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(boardReady);
    const id = new URL(page.url()).searchParams.get('ws')!;
    const appUrl = page.url();
    // The app stores a fresh preview when a workspace closes: close it first, then damage it.
    await rewriteStoredPreview(page, id, { broken: true });
    expect(await storedPreview(page, id)).toContain('broken');

    await page.addInitScript(SLOW_DOCUMENT);
    await page.goto(appUrl);
    await page.waitForFunction(boardReady);
    await page.locator('[data-testid="board"] [data-testid="drop-card"]').first().waitFor();
    const seen = await page.evaluate(
      () => (window as unknown as { __preview: { seen: boolean } }).__preview.seen,
    );
    expect(seen).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
