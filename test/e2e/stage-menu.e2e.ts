import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { checkMenuButtonKeys, focused } from './support/menuButton';

// A stage's options menu on the board from the keyboard, as the workspace menu (the WAI-ARIA
// menu button pattern, ui/menuKeys.ts): the arrows move between its items and wrap, Home and
// End go to the ends, Escape closes it back on its button, Tab closes it and goes on; Enter on
// an item still chooses it (Rename opens the name field, Remove its dialog), and none of these
// keys picks the stage up (the header is a drag surface).

const stageOrder = (page: Page) =>
  page
    .locator('[data-testid="column"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-name')));

const RENAME = 'menuitem:Rename stage';
const REMOVE = 'menuitem:Remove stage…';

describe('a stage’s options menu', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('moves with the arrows, Home and End, closes with Escape and Tab, and chooses with Enter', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    const order = await stageOrder(page);
    expect(order).toContain('Shoot');
    const button = page.getByRole('button', { name: 'Stage Shoot options' });
    const menu = page.getByRole('menu');

    // Enter on the button opens the menu on its first item.
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(RENAME);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    // The menu says whose it is, as the workspace menu does.
    expect(await page.getByRole('menu', { name: 'Stage Shoot' }).count()).toBe(1);
    await checkMenuButtonKeys(page, button, {
      steps: [
        ['ArrowDown', REMOVE],
        ['ArrowDown', RENAME], // wraps to the first
        ['ArrowUp', REMOVE], // and back to the last
        ['ArrowUp', RENAME],
        ['End', REMOVE],
        ['Home', RENAME],
      ],
      first: RENAME,
      last: REMOVE,
    });

    // Enter on Remove opens its dialog; Escape closes it, the stage kept.
    await page.keyboard.press('ArrowUp');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(REMOVE);
    await page.keyboard.press('Enter');
    const remove = page.getByRole('dialog', { name: 'Remove “Shoot”?' });
    await remove.waitFor();
    await page.keyboard.press('Escape');
    await remove.waitFor({ state: 'detached' });

    // Enter on Rename opens the name field, which takes a new name.
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(RENAME);
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: 'Stage name' });
    await field.waitFor();
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.inputValue()).toBe('Shoot');
    expect(await menu.count()).toBe(0);
    await page.keyboard.type('Photo shoot');
    await page.keyboard.press('Enter');
    await field.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Stage Photo shoot options' }).waitFor();
    // Focus goes back to the stage's options button, not to the top of the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Stage Photo shoot options');
    expect(await page.getByRole('menu').count()).toBe(0);

    // None of these keys picked a stage up: the stages are where they were.
    expect(await stageOrder(page)).toEqual(order.map((s) => (s === 'Shoot' ? 'Photo shoot' : s)));

    // And the mouse still opens it and chooses an item.
    await page.getByRole('button', { name: 'Stage Photo shoot options' }).click();
    await page.getByRole('menuitem', { name: 'Rename stage' }).click();
    await page.getByRole('textbox', { name: 'Stage name' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
