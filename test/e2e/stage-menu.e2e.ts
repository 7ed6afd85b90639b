import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// A stage's options menu on the board from the keyboard, as the workspace menu (the WAI-ARIA
// menu button pattern, ui/menuKeys.ts): the arrows move between its items and wrap, Home and
// End go to the ends, Escape closes it back on its button, Tab closes it and goes on; Enter on
// an item still chooses it (Rename opens the name field, Remove its dialog), and none of these
// keys picks the stage up (the header is a drag surface).

/** The focused element: its role and text ("menuitem:Rename stage"), or its label. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing';
    const text = (el.textContent ?? '').trim() || el.getAttribute('aria-label') || '';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${text}`;
  });
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
    const isOnButton = () => button.evaluate((el) => el === document.activeElement);

    // Enter on the button opens the menu on its first item.
    await button.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(RENAME);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    // The menu says whose it is, as the workspace menu does.
    expect(await page.getByRole('menu', { name: 'Stage Shoot' }).count()).toBe(1);
    const steps: [string, string][] = [
      ['ArrowDown', REMOVE],
      ['ArrowDown', RENAME], // wraps to the first
      ['ArrowUp', REMOVE], // and back to the last
      ['ArrowUp', RENAME],
      ['End', REMOVE],
      ['Home', RENAME],
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      expect(`${key} → ${await focused(page)}`).toBe(`${key} → ${expected}`);
    }

    // Its items are out of the Tab order.
    expect(
      await menu.getByRole('menuitem').evaluateAll((els) => els.map((el) => el.tabIndex)),
    ).toEqual([-1, -1]);

    // Escape closes it, back on the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await isOnButton()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // Where Tab goes from the button, it goes from the open menu too, closing it.
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(next).not.toBe('nothing');
    expect(await isOnButton()).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await isOnButton()).toBe(true);
    // ↓ on the button opens the menu on its first item; ↑ opens it on its last.
    await page.keyboard.press('ArrowDown');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(RENAME);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe(next);
    // Shift+Tab closes it on its button.
    await button.focus();
    await page.keyboard.press('ArrowUp');
    await menu.waitFor();
    await expect.poll(() => focused(page)).toBe(REMOVE);
    await page.keyboard.press('Shift+Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await isOnButton()).toBe(true);

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
