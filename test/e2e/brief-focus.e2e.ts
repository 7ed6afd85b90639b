import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// A brief opened from the drop panel with the keyboard takes the focus: Tab and Shift+Tab stay
// in the brief (the drop panel under it is out of reach), and Escape closes the brief alone,
// back on the panel's Brief button with the panel still open.

/** Where the focus is: in the brief, in the drop panel, elsewhere on the page, or nowhere. */
const focusIsIn = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nowhere';
    if (el.closest('.brief-sheet')) return 'brief';
    if (el.closest('aside.panel')) return 'panel';
    return `elsewhere: ${el.outerHTML.slice(0, 80)}`;
  });

describe('focus in a brief opened from the keyboard', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });

  it('moves into the brief, stays there, and Escape returns to the Brief button', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    const card = page.locator('[data-testid="drop-card"]', { hasText: 'Archive Denim' });
    await card.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Drop details' });
    const title = panel.getByLabel('Title', { exact: true });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    // Back from the title to the header's Brief button, as a keyboard user goes.
    const briefButton = panel.getByTestId('open-brief');
    for (let i = 0; i < 4; i++) {
      if (await briefButton.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Shift+Tab');
    }
    expect(await briefButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    const sheet = page.getByRole('dialog', { name: 'Archive Denim' });
    await sheet.locator('.brief-prose').waitFor();
    expect(await sheet.getAttribute('aria-modal')).toBe('true');
    // Focus is in the brief, on its heading.
    await expect.poll(() => focusIsIn(page)).toBe('brief');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('brief-title');

    // Tab walks the brief's controls, never the panel's fields under it.
    const titleBefore = await title.inputValue();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIsIn(page)).toBe('brief');
    }
    // Shift+Tab from the heading does not reach the panel or the top bar either: past the
    // brief's first control it leaves the page (the browser's own controls) and comes back
    // into the brief at its end.
    await page.locator('#brief-title').focus();
    const backwards: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      backwards.push(await focusIsIn(page));
    }
    expect(backwards.filter((w) => w !== 'brief' && w !== 'nowhere')).toEqual([]);
    expect(backwards).toContain('brief');
    // Typing where the focus is changes nothing in the hidden panel.
    expect(await title.inputValue()).toBe(titleBefore);

    // Escape closes the brief alone: the panel stays, focus is back on its Brief button.
    await page.locator('#brief-title').focus();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('open-brief');
    expect(await panel.count()).toBe(1);
    // A second Escape closes the panel, back on the card.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
