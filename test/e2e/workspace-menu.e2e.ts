import { describe, expect, it } from 'vitest';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { checkMenuButtonKeys, focused } from './support/menuButton';

// The workspace menu in the top bar from the keyboard (the WAI-ARIA menu pattern): the arrows
// move between its items and wrap, Home and End go to the ends, Escape closes it back on its
// button, Tab closes it and goes on; the mouse and Enter still choose an item.

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

    // Enter on the button opens the menu on the open workspace.
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(SAMPLE);
    await checkMenuButtonKeys(page, button, {
      steps: [
        ['ArrowDown', NEW],
        ['ArrowDown', RENAME],
        ['ArrowDown', DELETE],
        ['ArrowDown', SAMPLE], // wraps to the first
        ['ArrowUp', DELETE], // and back to the last
        ['ArrowUp', RENAME],
        ['Home', SAMPLE],
        ['End', DELETE],
      ],
      first: SAMPLE,
      last: DELETE,
    });

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
