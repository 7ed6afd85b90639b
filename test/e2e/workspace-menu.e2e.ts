import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// The workspace menu in the top bar from the keyboard (the WAI-ARIA menu pattern): the arrows
// move between its items and wrap, Home and End go to the ends, Escape closes it back on its
// button, Tab closes it and goes on; the mouse and Enter still choose an item.

/** The focused element: its role and text ("menuitem:New workspace…"). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
  });

const SAMPLE = 'menuitemradio:Saltmarsh StudioSample';
const NEW = 'menuitem:New workspace…';
const RENAME = 'menuitem:Rename “Saltmarsh Studio”…';
const DELETE = 'menuitem:Delete “Saltmarsh Studio”…';

describe('the workspace menu', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('moves with the arrows, Home and End, and closes with Escape and Tab', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    const button = page.getByRole('button', { name: /Switch workspace$/ });
    const menu = page.getByRole('menu');
    const isOnButton = () => button.evaluate((el) => el === document.activeElement);

    // Enter on the button opens the menu on the open workspace.
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(SAMPLE);
    const steps: [string, string][] = [
      ['ArrowDown', NEW],
      ['ArrowDown', RENAME],
      ['ArrowDown', DELETE],
      ['ArrowDown', SAMPLE], // wraps to the first
      ['ArrowUp', DELETE], // and back to the last
      ['ArrowUp', RENAME],
      ['Home', SAMPLE],
      ['End', DELETE],
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      expect(`${key} → ${await focused(page)}`).toBe(`${key} → ${expected}`);
    }

    // Escape closes it, back on the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await isOnButton()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // Where Tab goes from the button, it goes from the open menu too, closing it.
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(next).not.toBe('nothing');
    await page.keyboard.press('Shift+Tab');
    expect(await isOnButton()).toBe(true);
    // ↓ on the button opens the menu; ↑ opens it on its last item.
    await page.keyboard.press('ArrowDown');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(SAMPLE);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe(next);
    // Shift+Tab closes it on its button.
    await button.focus();
    await page.keyboard.press('ArrowUp');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(DELETE);
    await page.keyboard.press('Shift+Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await isOnButton()).toBe(true);

    // Enter on an item still chooses it.
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const create = page.getByRole('dialog', { name: 'New workspace' });
    await create.waitFor();
    await page.keyboard.press('Escape');
    await create.waitFor({ state: 'detached' });
    // And the mouse.
    await button.click();
    await page.getByRole('menuitem', { name: 'Rename “Saltmarsh Studio”…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename workspace' });
    await rename.waitFor();
    await rename.getByRole('button', { name: 'Cancel' }).click();
    await rename.waitFor({ state: 'detached' });
    expect(await menu.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
