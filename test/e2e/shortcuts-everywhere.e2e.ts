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

  it('lists every shortcut on Ctrl+/ and from the top bar, from any view', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.getByTestId('board').waitFor();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

    await page.keyboard.press(`${mod}+2`);
    await page.keyboard.press(`${mod}+Slash`);
    await dialog.waitFor();
    // Each line: its keys, as this platform writes them, and what they do.
    const lines = await dialog.getByRole('region', { name: 'Anywhere' }).evaluate((group) =>
      [...group.querySelectorAll('dt')].map((dt) => ({
        keys: [...dt.querySelectorAll('kbd')].map((k) => k.textContent),
        does: dt.nextElementSibling?.textContent,
      })),
    );
    const ctrl = mod === 'Meta' ? '⌘' : 'Ctrl';
    expect(lines).toContainEqual({
      keys: [ctrl, 'N'],
      does: 'New drop (quick add in the first stage)',
    });
    expect(lines).toContainEqual({ keys: [ctrl, '/'], does: 'This list of shortcuts' });
    expect(
      await dialog.getByRole('region', { name: 'Board, calendar and timeline' }).innerText(),
    ).toContain('Pick up a drop or a stage');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
