import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// Keyboard moves on the sample board at 1440 px, where moving right scrolls the board: each
// arrow goes exactly one step from where the card is, and a new drag (after an undo) starts
// from the card's real place, not from where the previous drag left off.

const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });
const stageOfCard = (c: Locator) =>
  c.evaluate((el) => el.closest('[data-testid="column"]')?.getAttribute('data-stage-name'));
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
/** What the screen-reader live regions say now. */
const said = (page: Page) => page.locator('[role="status"][aria-live]').allInnerTexts();
const hears = (page: Page, text: string) =>
  expect.poll(() => said(page)).toContainEqual(expect.stringContaining(text));

describe('keyboard moves on a scrolling board', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function freshBoard() {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const watched = await newPage(context);
    await watched.page.goto(baseUrl());
    await watched.page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );
    return { ...watched, context };
  }

  it('keeps ↓ in the column that → scrolled into view', async () => {
    const { page, pageErrors, context } = await freshBoard();
    const tee = card(page, 'Ferry Stripe Tee');
    expect(await stageOfCard(tee)).toBe('Shoot');
    const board = page.locator('[data-testid="board"]');
    const scrolled = () =>
      board.evaluate((el) => {
        let x = 0;
        for (let n: Element | null = el; n; n = n.parentElement) x += n.scrollLeft;
        for (const n of el.querySelectorAll('*')) x += n.scrollLeft;
        return x;
      });
    const before = await scrolled();
    await tee.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await hears(page, 'moved to Asset delivery, position');
    const row = Number(/Asset delivery, position (\d+)/.exec((await said(page)).join(' '))![1]);
    // The board scrolled to show the column (the case that went wrong).
    await expect.poll(scrolled).toBeGreaterThan(before);
    await page.keyboard.press('ArrowDown');
    await hears(page, `moved to Asset delivery, position ${row + 1}`);
    expect((await said(page)).join(' ')).not.toContain('Fulfilment');
    await page.keyboard.press('Space');
    await expect.poll(() => stageOfCard(tee)).toBe('Asset delivery');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('moves one column right again after an undo', async () => {
    const { page, pageErrors, context } = await freshBoard();
    const basket = card(page, 'Market Day Basket');
    const home = await stageOfCard(basket);
    const stages = await page
      .locator('[data-testid="column"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-name')));
    const next = stages[stages.indexOf(home!) + 1]!;

    await basket.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await hears(page, `moved to ${next}`);
    await page.keyboard.press('Space');
    await expect.poll(() => stageOfCard(basket)).toBe(next);

    await page.locator('[data-testid="board"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => stageOfCard(basket)).toBe(home);

    await basket.focus();
    await page.keyboard.press('Space');
    await hears(page, 'Picked up drop Market Day Basket');
    await page.keyboard.press('ArrowRight');
    await hears(page, 'moved to');
    await page.keyboard.press('Space');
    await expect.poll(() => stageOfCard(basket)).toBe(next);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
