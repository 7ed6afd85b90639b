import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The focused element: its role and text ("menuitem:Rename stage"), or its label. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing';
    const text = (el.textContent ?? '').trim() || el.getAttribute('aria-label') || '';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${text}`;
  });

/**
 * The WAI-ARIA menu button's keyboard around an open menu (ui/menuKeys.ts), from the menu open
 * with focus on `button`'s menu: each of `steps` (key → the item focused after it), Escape back
 * on the button, Tab out of the open menu to where Tab goes from the button, ↓ and ↑ on the
 * button opening on `first` and `last`, Shift+Tab closing onto the button. Ends with the menu
 * closed and focus on the button.
 */
export async function checkMenuButtonKeys(
  page: Page,
  button: Locator,
  opts: { steps: [string, string][]; first: string; last: string },
): Promise<void> {
  const menu = page.getByRole('menu');
  const isOnButton = () => button.evaluate((el) => el === document.activeElement);
  for (const [key, expected] of opts.steps) {
    await page.keyboard.press(key);
    expect(`${key} → ${await focused(page)}`).toBe(`${key} → ${expected}`);
  }
  // Its items are out of the Tab order.
  expect(
    new Set(
      await menu
        .locator('[role^="menuitem"]')
        .evaluateAll((els) => els.map((el) => (el as HTMLElement).tabIndex)),
    ),
  ).toEqual(new Set([-1]));

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
  await expect.poll(() => focused(page)).toBe(opts.first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await menu.waitFor({ state: 'detached' });
  expect(await focused(page)).toBe(next);
  // Shift+Tab closes it on its button.
  await button.focus();
  await page.keyboard.press('ArrowUp');
  await menu.waitFor();
  await expect.poll(() => focused(page)).toBe(opts.last);
  await page.keyboard.press('Shift+Tab');
  await menu.waitFor({ state: 'detached' });
  expect(await isOnButton()).toBe(true);
}
