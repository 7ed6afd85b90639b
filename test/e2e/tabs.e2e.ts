import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// Two tabs of one workspace in the built app meet on the BroadcastChannel (sync is on by
// default, with no servers). A tab alone seals nothing for the channel (quietBroadcast.ts); a
// second tab announcing itself must switch that back on at once, both ways, so every edit made
// in one tab shows in the other.

const boardReady = () => performance.getEntriesByName('cadence:board-ready').length > 0;
const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });

async function addDrop(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
  const input = page.getByPlaceholder('Drop title');
  await input.fill(title);
  await input.press('Enter');
  await input.press('Escape');
  await card(page, title).waitFor();
}

/** The app in a new tab, opening the sample workspace of a new profile; returns its id. */
async function openFirstTab(context: BrowserContext) {
  const a = await newPage(context);
  await a.page.goto(baseUrl());
  await a.page.waitForFunction(boardReady);
  const id = await a.page.evaluate(
    () => JSON.parse(localStorage.getItem('cadence.workspaces.v1')!)[0].id as string,
  );
  return { a, id };
}

/** Another tab of workspace `id`, once its board is live. */
async function openTab(context: BrowserContext, id: string) {
  const tab = await newPage(context);
  await tab.page.goto(`${baseUrl()}?ws=${id}`);
  await tab.page.waitForFunction(boardReady);
  return tab;
}

describe('two tabs of one workspace', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('show each other’s edits, made before and after the second tab opened', async () => {
    const { a, id } = await openFirstTab(context());
    // Made while the tab is alone: nothing goes on the channel.
    await addDrop(a.page, 'Tidepool Knit');

    const b = await openTab(context(), id);
    await card(b.page, 'Tidepool Knit').waitFor();

    // Live both ways once the second tab has announced itself. (The tabs share the database,
    // but neither reads it again after opening: these arrive over the channel.)
    await addDrop(a.page, 'Harbour Rain Shell');
    await expect
      .poll(() => card(b.page, 'Harbour Rain Shell').count(), { timeout: 15_000 })
      .toBe(1);
    await addDrop(b.page, 'Quay Linen Tote');
    await expect.poll(() => card(a.page, 'Quay Linen Tote').count(), { timeout: 15_000 }).toBe(1);

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
  });
});

describe('a tab that opens with what an open tab never saw', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('gives it to the open tab on the channel', async () => {
    const { a, id } = await openFirstTab(context());
    const syncKey = `cadence.sync.${id}`;
    const setSync = (enabled: boolean) =>
      a.page.evaluate(
        ([key, on]) => {
          const settings = JSON.parse(localStorage.getItem(key)!);
          localStorage.setItem(key, JSON.stringify({ ...settings, enabled: on }));
        },
        [syncKey, enabled] as const,
      );

    // A tab with sync off (it reads the setting as it opens; the first tab keeps syncing)
    // writes a drop to the shared database and closes: the first tab never hears of it.
    await setSync(false);
    const offline = await openTab(context(), id);
    await addDrop(offline.page, 'Lantern Quay Anorak');
    await offline.page.close();
    await setSync(true);
    expect(await card(a.page, 'Lantern Quay Anorak').count()).toBe(0);

    // A new tab reads it from the database (positive control) and, meeting the first tab on
    // the channel, gives it what it lacks.
    const c = await openTab(context(), id);
    await card(c.page, 'Lantern Quay Anorak').waitFor();
    await expect
      .poll(() => card(a.page, 'Lantern Quay Anorak').count(), { timeout: 15_000 })
      .toBe(1);
    // And the other way: what the first tab adds now shows in the new one.
    await addDrop(a.page, 'Breakwater Cap');
    await expect.poll(() => card(c.page, 'Breakwater Cap').count(), { timeout: 15_000 }).toBe(1);

    expect(a.pageErrors).toEqual([]);
    expect(c.pageErrors).toEqual([]);
  });
});
