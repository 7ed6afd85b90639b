import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// What the browser keeps on disk: two tabs of one workspace writing to the same database.

const boardReady = () => performance.getEntriesByName('cadence:board-ready').length > 0;
const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });

/** The id of the only workspace this profile has. */
const workspaceId = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('cadence.workspaces.v1')!)[0].id as string);

/** How many update entries the workspace's database holds. */
const storedEntries = (page: Page, id: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('updates').objectStore('updates').count();
          req.onsuccess = () => (db.close(), resolve(req.result));
          req.onerror = () => reject(req.error);
        };
      }),
    `cadence-ws-${id}`,
  );

describe('two tabs of one workspace', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("one tab's compaction keeps every drop the other tab wrote", async () => {
    // A new profile each attempt.
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    const a = await newPage(context);
    await a.page.goto(baseUrl());
    await a.page.waitForFunction(boardReady);
    const id = await workspaceId(a.page);
    // The first open merges the sample's many entries into a few.
    await expect.poll(() => storedEntries(a.page, id), { timeout: 30_000 }).toBeLessThan(5);
    // Sync off (with it on, tabs of one browser also meet on a BroadcastChannel).
    await a.page.evaluate((key) => {
      const settings = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...settings, enabled: false }));
    }, `cadence.sync.${id}`);
    await a.page.reload();
    await a.page.waitForFunction(boardReady);

    // A second tab of the same workspace: the tabs share only the database.
    const b = await newPage(context);
    await b.page.goto(`${baseUrl()}?ws=${id}`);
    await b.page.waitForFunction(boardReady);
    // Its own on-open compaction is over, so the 22 entries below stay as written.
    await b.page.waitForFunction(
      () => performance.getEntriesByName('cadence:compacted').length > 0,
      undefined,
      { timeout: 30_000 },
    );
    await b.page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
    const input = b.page.getByPlaceholder('Drop title');
    for (let i = 1; i <= 22; i++) {
      await input.fill(`Second tab drop ${i}`);
      await input.press('Enter');
    }
    await card(b.page, 'Second tab drop 22').waitFor();
    expect(await storedEntries(b.page, id)).toBeGreaterThan(20);

    // The first tab loads again (compacting 3 s after it opens); right after it has loaded,
    // the second tab adds one more drop, which the first tab never reads.
    await input.fill('Written after the first tab loaded');
    await a.page.reload();
    await a.page.waitForFunction(
      () => performance.getEntriesByName('cadence:idb-synced').length > 0,
      undefined,
      { polling: 'raf' },
    );
    await input.press('Enter');
    await card(b.page, 'Written after the first tab loaded').waitFor();
    // The first tab does not see it (positive control: the second tab does).
    expect(await card(a.page, 'Written after the first tab loaded').count()).toBe(0);
    // The first tab has compacted.
    await expect.poll(() => storedEntries(a.page, id), { timeout: 30_000 }).toBeLessThan(5);
    await b.page.close();
    await a.page.close();

    // Everything both tabs wrote is on disk.
    const c = await newPage(context);
    await c.page.goto(`${baseUrl()}?ws=${id}`);
    await c.page.waitForFunction(boardReady);
    // The column is long (virtualised): a person finds a drop at its end by searching.
    const search = c.page.getByLabel('Search drops by title or narrative');
    await search.fill('Second tab drop 22');
    await card(c.page, 'Second tab drop 22').waitFor();
    await search.fill('Written after the first tab loaded');
    await expect(card(c.page, 'Written after the first tab loaded').count()).resolves.toBe(1);
    expect([...a.pageErrors, ...b.pageErrors, ...c.pageErrors]).toEqual([]);
    await context.close();
  });

  it.each([
    ['refuses', false, 1],
    ['grants', true, 0],
  ] as const)(
    'asks for persistent storage at start; the sync panel warns when the browser %s',
    async (_, granted, warnings) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      // The browser's answer, and a record that the app asked.
      await context.addInitScript((answer) => {
        const w = window as unknown as { __persistAsked: number };
        w.__persistAsked = 0;
        Object.defineProperty(navigator.storage, 'persisted', { value: async () => false });
        Object.defineProperty(navigator.storage, 'persist', {
          value: async () => (w.__persistAsked++, answer),
        });
      }, granted);
      const { page, pageErrors } = await newPage(context);
      await page.goto(baseUrl());
      await page.waitForFunction(boardReady);
      await expect
        .poll(() =>
          page.evaluate(() => (window as unknown as { __persistAsked: number }).__persistAsked),
        )
        .toBe(1);
      await page.getByRole('button', { name: /^Sync:/ }).click();
      const panel = page.getByRole('dialog', { name: 'Sync' });
      // Positive control: the panel is open and complete.
      await panel.getByRole('heading', { name: 'Workspace file' }).waitFor();
      await expect(
        panel.getByRole('heading', { name: 'Storage on this computer' }).count(),
      ).resolves.toBe(warnings);
      if (warnings)
        await expect(panel.getByText(/may clear this workspace/).count()).resolves.toBe(1);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
