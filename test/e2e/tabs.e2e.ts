import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

describe('two tabs of one workspace', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('show each other’s edits, made before and after the second tab opened', async () => {
    const a = await newPage(context());
    await a.page.goto(baseUrl());
    await a.page.waitForFunction(boardReady);
    const id = await a.page.evaluate(
      () => JSON.parse(localStorage.getItem('cadence.workspaces.v1')!)[0].id as string,
    );
    // Made while the tab is alone: nothing goes on the channel.
    await addDrop(a.page, 'Tidepool Knit');

    const b = await newPage(context());
    await b.page.goto(`${baseUrl()}?ws=${id}`);
    await b.page.waitForFunction(boardReady);
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
