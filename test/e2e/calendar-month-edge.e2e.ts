import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import {
  chip,
  cell,
  datesInPanel,
  dayOf,
  heardSince,
  listenToDrag,
  openSampleOn,
  panel,
  shift,
  showCalendar,
} from './support/calendar';

// A drop moved with the keyboard past the edge of its month: the grid turns to the next or
// previous month (as ‹ › do) and the drop goes on to the day meant, a day or a week at a time;
// Escape puts it back on its day and the grid back on the month it left. Before this, the arrows
// stopped dead at the grid's first and last day, without a word.

// The sample's dates are relative to today: pin today (Tidepool Sandals launches on it).
const TODAY = '2026-03-10T09:00:00Z';
const TITLE = 'Tidepool Sandals';

describe('moving a drop into another month with the keyboard', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let id: string;

  const month = () => page.locator('.cal-month').innerText();
  const live = () => page.locator('[role="status"][aria-live]').allInnerTexts();
  const said = (text: string) => expect.poll(live).toContainEqual(expect.stringContaining(text));
  const focusedDrop = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-drop-id') ?? null);
  /** Opens the drop in the panel, reads its dates, and leaves focus on its chip. */
  async function openDrop() {
    await chip(page, TITLE).click();
    await expect.poll(() => datesInPanel(page).then((d) => d.drop)).not.toBe('');
    const dates = await datesInPanel(page);
    await chip(page, TITLE).focus();
    return dates;
  }
  async function pickUp(day: string) {
    await page.keyboard.press('Space');
    await said(`${TITLE} is over ${day}`);
  }
  /** Presses `key` and waits until the drop is said to be over `day`. */
  async function step(key: string, day: string) {
    await page.keyboard.press(key);
    await said(`${TITLE} is over ${day}`);
  }

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-GB',
    });
    const watched = await openSampleOn(context, TODAY);
    page = watched.page;
    pageErrors = watched.pageErrors;
    await showCalendar(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('goes a day on from 31 March into April, then weeks on past the last day April shows', async () => {
    await expect.poll(month).toBe('March 2026');
    // The last day of March, from the drop panel.
    id = (await chip(page, TITLE).getAttribute('data-drop-id'))!;
    await chip(page, TITLE).click();
    await panel(page).first().getByLabel('Drop', { exact: true }).fill('2026-03-31');
    await page.keyboard.press('Tab');
    await expect.poll(() => dayOf(chip(page, TITLE))).toBe('2026-03-31');

    const start = await openDrop();
    expect(start.drop).toBe('2026-03-31');
    await pickUp('Tue, 31 Mar 2026');

    // → from the last day of March: the grid turns to April and the drop sits on 1 April. What
    // is heard shows that no other day was said on the way (the drop sits over its old place on
    // the new grid for a moment).
    await listenToDrag(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(month).toBe('April 2026');
    await said(`${TITLE} is over Wed, 1 Apr 2026`);
    expect(await heardSince(page)).toEqual([`${TITLE} is over Wed, 1 Apr 2026.`]);
    await expect.poll(() => cell(page, '2026-04-01').getAttribute('class')).toMatch(/is-over/);

    // Week by week to the last row of April…
    for (const day of ['Wed, 8 Apr', 'Wed, 15 Apr', 'Wed, 22 Apr', 'Wed, 29 Apr'])
      await step('ArrowDown', `${day} 2026`);
    // …and a week on, past the last day April shows (Sunday 3 May), with Space pressed at once:
    // the grid turns to May, the drop follows, and Space waits until it is there.
    await listenToDrag(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await said(`${TITLE} now launches Wed, 6 May 2026`);
    expect(await heardSince(page)).toEqual([
      `${TITLE} is over Wed, 6 May 2026.`,
      `${TITLE} now launches Wed, 6 May 2026.`,
    ]);
    await expect.poll(month).toBe('May 2026');
    await expect.poll(() => dayOf(chip(page, TITLE))).toBe('2026-05-06');
    // Rescheduled as a move within the month is: shoot and publish keep their offsets.
    await expect
      .poll(() => datesInPanel(page))
      .toEqual({
        shoot: shift(start.shoot, 36),
        publish: shift(start.publish, 36),
        drop: '2026-05-06',
      });
    // Focus is back on the drop's chip, on its new day.
    await expect.poll(focusedDrop).toBe(id);
  });

  it('goes a week back into April and past the first day April shows into March; Alt moves the launch only', async () => {
    const start = await openDrop();
    expect(start.drop).toBe('2026-05-06');
    await pickUp('Wed, 6 May 2026');

    // ↑ from 6 May: 29 April, a day of April, so the grid turns back to April.
    await page.keyboard.press('ArrowUp');
    await expect.poll(month).toBe('April 2026');
    await said(`${TITLE} is over Wed, 29 Apr 2026`);

    for (const day of ['Wed, 22 Apr', 'Wed, 15 Apr', 'Wed, 8 Apr', 'Wed, 1 Apr'])
      await step('ArrowUp', `${day} 2026`);
    // A week back, past the first day April shows (Monday 30 March): March, 25 March.
    await listenToDrag(page);
    await step('ArrowUp', 'Wed, 25 Mar 2026');
    expect(await heardSince(page)).toEqual([`${TITLE} is over Wed, 25 Mar 2026.`]);
    await expect.poll(month).toBe('March 2026');
    await page.keyboard.down('Alt');
    await page.keyboard.press('Space');
    await page.keyboard.up('Alt');
    await said(`${TITLE} now launches Wed, 25 Mar 2026`);
    await expect.poll(() => dayOf(chip(page, TITLE))).toBe('2026-03-25');
    await expect.poll(() => datesInPanel(page)).toEqual({ ...start, drop: '2026-03-25' });
    await expect.poll(focusedDrop).toBe(id);
  });

  it('cancels with Escape: the drop stays on its day and the grid goes back to its month', async () => {
    const start = await openDrop();
    expect(start.drop).toBe('2026-03-25');
    await pickUp('Wed, 25 Mar 2026');

    await page.keyboard.press('ArrowDown');
    await expect.poll(month).toBe('April 2026');
    await said(`${TITLE} is over Wed, 1 Apr 2026`);
    await page.keyboard.press('Escape');
    await said(`Cancelled. ${TITLE} still launches Wed, 25 Mar 2026`);
    await expect.poll(month).toBe('March 2026');
    await expect.poll(() => dayOf(chip(page, TITLE))).toBe('2026-03-25');
    expect(await datesInPanel(page)).toEqual(start);
    await expect.poll(focusedDrop).toBe(id);
    expect(pageErrors).toEqual([]);
  });
});
