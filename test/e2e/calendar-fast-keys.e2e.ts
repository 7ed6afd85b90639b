import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatDayForPeople } from '../../shared/cadence';
import { launchChromium } from './support/browser';
import {
  chip,
  datesInPanel,
  dayOf,
  heardSince,
  listenToDrag,
  MOD as mod,
  openSampleOn,
  panel,
  shift,
  showCalendar,
} from './support/calendar';

// Arrow keys pressed faster than the views redraw (a held key repeating, or a quick hand): each
// press moves the drop one more day or week, from where the press before left it, never from
// the day last drawn. Three quick → are three days on, on the calendar and on the timeline, and
// across a turn of the month too; what screen readers hear last names the day it landed on.

// The sample's dates are relative to today: pin today (Tidepool Sandals launches on it).
const TODAY = '2026-03-10T09:00:00Z';
const TITLE = 'Tidepool Sandals';
const said = (day: string) => formatDayForPeople(day, 'en-GB');

describe('quick keys move a drop one step each', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  const live = () => page.locator('[role="status"][aria-live]').allInnerTexts();
  const heard = (text: string) => expect.poll(live).toContainEqual(expect.stringContaining(text));
  const month = () => page.locator('.cal-month').innerText();
  /** Presses each key in turn, none waiting for the view to draw the one before. */
  async function press(...keys: string[]) {
    for (const key of keys) await page.keyboard.press(key);
  }
  /** Opens the drop in the panel, reads its dates, and leaves focus on its chip. */
  async function openOnCalendar() {
    await chip(page, TITLE).click();
    await expect.poll(() => datesInPanel(page).then((d) => d.drop)).not.toBe('');
    const dates = await datesInPanel(page);
    await chip(page, TITLE).focus();
    return dates;
  }
  /** What is said on the way over `days` and on putting the drop down on the last. */
  const onTheWay = (days: string[]) => [
    ...days.map((d) => `${TITLE} is over ${said(d)}.`),
    `${TITLE} now launches ${said(days.at(-1)!)}.`,
  ];
  /** Sets the drop's launch to `day` (in March) from the panel; returns it open on the calendar. */
  async function startOn(day: string) {
    await page.keyboard.press(`${mod}+3`);
    await page.locator('.tl-bar', { hasText: TITLE }).click();
    const launch = panel(page).first().getByLabel('Drop', { exact: true });
    await launch.fill(day);
    await launch.press('Tab');
    await showCalendar(page);
    await page.getByRole('button', { name: 'Today' }).click();
    await expect.poll(month).toBe('March 2026');
    await expect.poll(() => dayOf(chip(page, TITLE))).toBe(day);
    return openOnCalendar();
  }
  /** The drop has moved `n` days, shoot and publish with it, and says so. */
  async function movedBy(start: { shoot: string; publish: string; drop: string }, n: number) {
    const day = shift(start.drop, n);
    await heard(`${TITLE} now launches ${said(day)}`);
    await expect.poll(() => dayOf(chip(page, TITLE))).toBe(day);
    await expect
      .poll(() => datesInPanel(page))
      .toEqual({ shoot: shift(start.shoot, n), publish: shift(start.publish, n), drop: day });
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

  it('calendar: → → → ↓ pressed at once after the pick-up move the drop ten days', async () => {
    const start = await startOn('2026-03-10');
    await page.keyboard.press('Space');
    await heard(`${TITLE} is over ${said(start.drop)}`);
    await listenToDrag(page);
    await press('ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'Space');
    await movedBy(start, 10);
    // Each day on the way is said, in order, and the last is where it landed.
    expect(await heardSince(page)).toEqual(
      onTheWay(['2026-03-11', '2026-03-12', '2026-03-13', '2026-03-20']),
    );
  });

  it('calendar: Space, → → ↑ and Space in one go move the drop five days back', async () => {
    const start = await startOn('2026-03-20');
    await press('Space', 'ArrowRight', 'ArrowRight', 'ArrowUp', 'Space');
    await movedBy(start, -5);
  });

  it('calendar: quick keys across the end of the month turn it and go on from 1 April', async () => {
    const start = await startOn('2026-03-15');
    await page.keyboard.press('Space');
    await heard(`${TITLE} is over ${said(start.drop)}`);
    await listenToDrag(page);
    // ↓ ↓ to 29 March, → → → to 1 April (the grid turns), → to 2 April, ↓ to 9 April.
    await press('ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight');
    await press('ArrowRight', 'ArrowDown', 'Space');
    await expect.poll(month).toBe('April 2026');
    await movedBy(start, 25);
    expect(await heardSince(page)).toEqual(
      onTheWay([
        '2026-03-22',
        '2026-03-29',
        '2026-03-30',
        '2026-03-31',
        '2026-04-01',
        '2026-04-02',
        '2026-04-09',
      ]),
    );
    expect(pageErrors).toEqual([]);
  });

  it('timeline: Space, → → → and Space in one go move the launch three days', async () => {
    await page.keyboard.press(`${mod}+3`);
    const bar = page.locator('.tl-bar', { hasText: TITLE });
    await bar.click();
    await expect.poll(() => datesInPanel(page).then((d) => d.drop)).not.toBe('');
    const start = await datesInPanel(page);
    const status = () => page.getByTestId('timeline-status').innerText();
    const moved = (n: number) => ({
      shoot: shift(start.shoot, n),
      publish: shift(start.publish, n),
      drop: shift(start.drop, n),
    });

    await bar.focus();
    await press('Space', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'Space');
    await expect.poll(() => datesInPanel(page)).toEqual(moved(3));
    await expect.poll(status).toContain(`now launches ${said(shift(start.drop, 3))}`);

    // Picked up, then five quick ← and Space: two days before where it started.
    await bar.focus();
    await page.keyboard.press('Space');
    await expect.poll(status).toContain(`Picked up ${TITLE}`);
    await press('ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'Space');
    await expect.poll(() => datesInPanel(page)).toEqual(moved(-2));
    await expect.poll(status).toContain(`now launches ${said(shift(start.drop, -2))}`);
    expect(pageErrors).toEqual([]);
  });
});
