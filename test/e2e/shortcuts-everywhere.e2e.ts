import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// Find (Ctrl+F) and new drop (Ctrl+N) work from every view: both bring up the board, whose
// search box and quick add they use, and act at once (a new-drop request made on the calendar
// used to wait and open quick add on a later visit to the board).

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('shortcuts from every view', () => {
  const context = contextForSuite({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });

  it('find and new drop bring up the board and act at once', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    const board = page.getByTestId('board');
    await board.waitFor();

    await page.keyboard.press(`${mod}+2`);
    await board.waitFor({ state: 'detached' });
    await page.keyboard.press(`${mod}+KeyN`);
    await board.waitFor();
    await expect.poll(() => focusedLabel(page)).toMatch(/^New drop title in /);
    await page.keyboard.press('Escape');

    for (const view of ['3', '4']) {
      await page.keyboard.press(`${mod}+${view}`);
      await board.waitFor({ state: 'detached' });
      await page.keyboard.press(`${mod}+KeyF`);
      // Typed at once after the shortcut, every key lands in the search box.
      await page.keyboard.type('linen harbour');
      await board.waitFor();
      expect(await focusedLabel(page)).toBe('Search drops by title or narrative');
      expect(await page.getByLabel('Search drops by title or narrative').inputValue()).toBe(
        'linen harbour',
      );
    }
    expect(pageErrors).toEqual([]);
  });
});
