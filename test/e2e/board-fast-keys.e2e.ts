import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// Arrow keys pressed faster than the board redraws (a quick hand, a held key repeating, or keys
// pressed with Space and held until the drag is ready): each press moves the drop one more row
// or stage, from where the press before left it, and Space puts it down where the last one went.
// What screen readers hear names every place on the way and the one it landed in.

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });
const column = (page: Page, stage: string) =>
  page.locator(`[data-testid="column"][data-stage-name="${stage}"]`);

/** The stage a card sits in and its place there (1-based), read from the page. */
const placeOf = (c: Locator) =>
  c.evaluate((el) => {
    const col = el.closest('[data-testid="column"]');
    const cards = [...(col?.querySelectorAll('[data-testid="drop-card"]') ?? [])];
    return { stage: col?.getAttribute('data-stage-name'), position: cards.indexOf(el) + 1 };
  });

/**
 * Space on `target`, then `arrows` and Space, dispatched in the same instant: all of them arrive
 * before the drag is ready, so they are held and replayed together.
 */
const inOneGo = (target: Locator, arrows: string[]) =>
  target.evaluate((el, codes) => {
    const key = (code: string) =>
      new KeyboardEvent('keydown', {
        code,
        key: code === 'Space' ? ' ' : code,
        bubbles: true,
        cancelable: true,
      });
    el.dispatchEvent(key('Space'));
    for (const code of [...codes, 'Space']) document.dispatchEvent(key(code));
  }, arrows);

describe('quick keys move a drop on the board one step each', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A new profile on the sample workspace, its live board ready. */
  async function freshBoard() {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const watched = await newPage(context);
    await watched.page.goto(baseUrl());
    await watched.page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );
    return { ...watched, context };
  }
  const closeAll: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of closeAll) await c.close();
  });

  /** Presses each key in turn, none waiting for the board to draw the one before. */
  async function press(page: Page, ...keys: string[]) {
    for (const key of keys) await page.keyboard.press(key);
  }
  /**
   * Records from now on every text of the board's drag announcements: polling the region
   * would miss the texts between two polls.
   */
  async function listen(page: Page) {
    await page.evaluate(() => {
      const w = window as unknown as { heard: string[]; ear?: MutationObserver };
      w.ear?.disconnect();
      w.heard = [];
      const region = document.getElementById('board-drag-announcement')!;
      w.ear = new MutationObserver(() => {
        const text = region.textContent ?? '';
        if (text && w.heard.at(-1) !== text) w.heard.push(text);
      });
      w.ear.observe(region, { childList: true, characterData: true, subtree: true });
    });
  }
  const heard = (page: Page): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  /** Waits until the drag announcements have said something with `text` in it. */
  const hears = (page: Page, text: string) =>
    expect.poll(() => heard(page)).toContainEqual(expect.stringContaining(text));

  it('→ → ↓ and Space pressed at once after the pick-up: two stages on, one row down', async () => {
    const { page, pageErrors, context } = await freshBoard();
    closeAll.push(context);
    const title = 'Winter Pier Scarf';
    const scarf = card(page, title);
    expect(await placeOf(scarf)).toEqual({ stage: 'Concept & creator', position: 1 });

    await listen(page);
    await scarf.focus();
    await page.keyboard.press('Space');
    await hears(page, `Picked up drop ${title}`);
    await press(page, 'ArrowRight', 'ArrowRight', 'ArrowDown', 'Space');
    await hears(page, `Dropped ${title}`);
    await expect.poll(() => placeOf(scarf)).toEqual({ stage: 'Shoot', position: 2 });
    // Every place on the way is said, in order, and the last is where it landed.
    expect(await heard(page)).toEqual([
      `Picked up drop ${title}. It is in Concept & creator, position 1 of 4.`,
      `Drop ${title} moved to Brief, position 1 of 3.`,
      `Drop ${title} moved to Shoot, position 1 of 3.`,
      `Drop ${title} moved to Shoot, position 2 of 3.`,
      `Dropped ${title} in Shoot, position 2 of 3.`,
    ]);

    // One undo takes the whole move back.
    await page.locator('[data-testid="board"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => placeOf(scarf)).toEqual({ stage: 'Concept & creator', position: 1 });
    expect(pageErrors).toEqual([]);
  });

  it('Space, → → → ↑ and Space in one go: three stages on, one row up', async () => {
    const { page, pageErrors, context } = await freshBoard();
    closeAll.push(context);
    const title = 'Market Day Basket';
    const basket = card(page, title);
    expect(await placeOf(basket)).toEqual({ stage: 'Concept & creator', position: 2 });

    await listen(page);
    await basket.focus();
    await press(page, 'Space', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowUp', 'Space');
    await hears(page, `Dropped ${title}`);
    await expect.poll(() => placeOf(basket)).toEqual({ stage: 'Asset delivery', position: 1 });
    expect((await heard(page)).at(-1)).toBe(`Dropped ${title} in Asset delivery, position 1 of 3.`);

    // Escape among quick arrows is not held back: the drop stays where it was.
    await basket.focus();
    await press(page, 'Space', 'ArrowRight', 'ArrowDown', 'Escape');
    await hears(page, `Cancelled. Drop ${title} stays where it was.`);
    expect(await placeOf(basket)).toEqual({ stage: 'Asset delivery', position: 1 });
    expect(pageErrors).toEqual([]);
  });

  it('keys held at the pick-up and sent in the same instant, past the board’s right edge', async () => {
    const { page, pageErrors, context } = await freshBoard();
    closeAll.push(context);
    const title = 'Storm Coat';
    const coat = card(page, title);
    expect(await placeOf(coat)).toEqual({ stage: 'Asset delivery', position: 1 });

    await listen(page);
    // Live is off the board's right edge at 1440 px.
    await inOneGo(coat, ['ArrowRight', 'ArrowRight', 'ArrowDown']);
    await hears(page, `Dropped ${title}`);
    await expect.poll(() => placeOf(coat)).toEqual({ stage: 'Live', position: 2 });
    expect(await heard(page)).toEqual([
      `Picked up drop ${title}. It is in Asset delivery, position 1 of 2.`,
      `Drop ${title} moved to Fulfilment, position 1 of 3.`,
      `Drop ${title} moved to Live, position 1 of 3.`,
      `Drop ${title} moved to Live, position 2 of 3.`,
      `Dropped ${title} in Live, position 2 of 3.`,
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('a stage picked up by its grip: → → and Space at once, then all in one go', async () => {
    const { page, pageErrors, context } = await freshBoard();
    closeAll.push(context);
    const stages = () =>
      page
        .locator('[data-testid="column"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-stage-name')));
    expect((await stages()).slice(0, 4)).toEqual([
      'Concept & creator',
      'Brief',
      'Shoot',
      'Asset delivery',
    ]);

    await listen(page);
    await page.getByRole('button', { name: 'Move stage Brief' }).focus();
    await page.keyboard.press('Space');
    await hears(page, 'Picked up stage Brief');
    await press(page, 'ArrowRight', 'ArrowRight', 'Space');
    await hears(page, 'Stage Brief dropped');
    await expect
      .poll(() => stages().then((x) => x.slice(0, 4)))
      .toEqual(['Concept & creator', 'Shoot', 'Asset delivery', 'Brief']);
    expect(await heard(page)).toEqual([
      'Picked up stage Brief. It is at position 2 of 7.',
      'Stage Brief moved to position 3 of 7.',
      'Stage Brief moved to position 4 of 7.',
      'Stage Brief dropped at position 4 of 7.',
    ]);

    // Space, → → → and Space sent in the same instant: past the board's right edge (Review is
    // off it at 1440 px), then back to the front the same way.
    await listen(page);
    await inOneGo(
      page.getByRole('button', { name: 'Move stage Brief' }),
      Array<string>(3).fill('ArrowRight'),
    );
    await hears(page, 'Stage Brief dropped');
    await expect.poll(() => stages().then((x) => x.indexOf('Brief'))).toBe(6);
    expect(await heard(page)).toEqual([
      'Picked up stage Brief. It is at position 4 of 7.',
      'Stage Brief moved to position 5 of 7.',
      'Stage Brief moved to position 6 of 7.',
      'Stage Brief moved to position 7 of 7.',
      'Stage Brief dropped at position 7 of 7.',
    ]);
    await listen(page);
    await inOneGo(
      page.getByRole('button', { name: 'Move stage Brief' }),
      Array<string>(6).fill('ArrowLeft'),
    );
    await hears(page, 'Stage Brief dropped');
    await expect
      .poll(() => stages().then((x) => x.slice(0, 4)))
      .toEqual(['Brief', 'Concept & creator', 'Shoot', 'Asset delivery']);
    expect((await heard(page)).at(-1)).toBe('Stage Brief dropped at position 1 of 7.');
    expect(pageErrors).toEqual([]);
  });

  it('eight quick ↓ carry a drop down a column that scrolls, and Space drops it there', async () => {
    const { page, pageErrors, context } = await freshBoard();
    closeAll.push(context);
    await page.getByRole('button', { name: 'Add drop to Brief' }).click();
    const field = page.getByPlaceholder('Drop title');
    for (let i = 1; i <= 10; i++) {
      await field.fill(`Spindrift ${i}`);
      await field.press('Enter');
    }
    await page.keyboard.press('Escape');
    const brief = column(page, 'Brief');
    await expect.poll(() => brief.getAttribute('aria-label')).toMatch(/, 12 drops$/);
    const body = brief.locator('.column-body');
    // Quick add left the column scrolled to its last card: back to the top. It scrolls at all
    // (positive control: its cards reach past its bottom).
    await body.evaluate((el) => (el.scrollTop = 0));
    expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight + 96)).toBe(true);

    const title = 'Lighthouse Beanie';
    const beanie = card(page, title);
    expect(await placeOf(beanie)).toEqual({ stage: 'Brief', position: 1 });
    await listen(page);
    await beanie.focus();
    await page.keyboard.press('Space');
    await hears(page, `Picked up drop ${title}`);
    await press(page, ...Array<string>(8).fill('ArrowDown'), 'Space');
    await hears(page, `Dropped ${title}`);
    await expect.poll(() => placeOf(beanie)).toEqual({ stage: 'Brief', position: 9 });
    const rows = Array.from({ length: 8 }, (_, i) => i + 2);
    expect(await heard(page)).toEqual([
      `Picked up drop ${title}. It is in Brief, position 1 of 12.`,
      ...rows.map((row) => `Drop ${title} moved to Brief, position ${row} of 12.`),
      `Dropped ${title} in Brief, position 9 of 12.`,
    ]);
    // The column scrolled along: the drop is in view.
    const view = (await body.boundingBox())!;
    const box = (await beanie.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(view.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height + 1);
    expect(pageErrors).toEqual([]);
  });
});
