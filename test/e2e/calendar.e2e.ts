import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatDayForPeople } from '../../shared/cadence';
import { launchChromium } from './support/browser';
import {
  cell,
  chip,
  datesInPanel,
  dayOf,
  exportIcs,
  MOD as mod,
  openSampleOn,
  panel,
  shift,
  showCalendar,
} from './support/calendar';
import { dragWithMouse } from './support/pointer';
import { pngFirstRow } from './support/pngRow';

// The calendar as the creative director uses it: drag a launch to another day (mouse and
// keyboard) and find the board and the timeline agreeing; plan the next drops on the
// cadence; export the plan as an .ics file a calendar app can read.

// The sample workspace's dates are relative to today (launches monthly from today): pin today
// so the test knows them.
const TODAY = '2026-03-10T09:00:00Z';

describe('the calendar', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-GB',
      acceptDownloads: true,
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

  it('opens on this month with today marked and weeks starting on Monday (en-GB)', async () => {
    await expect(page.locator('.cal-month').innerText()).resolves.toBe('March 2026');
    await expect(page.locator('.cal-day.is-today').getAttribute('data-day')).resolves.toBe(
      '2026-03-10',
    );
    await expect(page.locator('.cal-weekday').first().innerText()).resolves.toMatch(/mon/i);
  });

  it('drags a launch to a new day; board and timeline agree, shoot and publish follow', async () => {
    const drop = chip(page, 'Tidepool Sandals');
    expect(await dayOf(drop)).toBe('2026-03-10');
    const id = (await drop.getAttribute('data-drop-id'))!;
    await drop.click();
    const before = await datesInPanel(page);
    expect(before.drop).toBe('2026-03-10');

    // Mouse: two days later.
    await dragWithMouse(page, drop, cell(page, '2026-03-12'));
    await expect.poll(() => dayOf(chip(page, 'Tidepool Sandals'))).toBe('2026-03-12');
    await expect
      .poll(() => datesInPanel(page))
      .toEqual({
        shoot: shift(before.shoot, 2),
        publish: shift(before.publish, 2),
        drop: '2026-03-12',
      });

    // Keyboard: Space picks it up, ↓ moves it a week, Space puts it down.
    await chip(page, 'Tidepool Sandals').focus();
    const live = () => page.locator('[role="status"][aria-live]').allInnerTexts();
    await page.keyboard.press('Space');
    await expect.poll(live).toContainEqual(expect.stringContaining('Tidepool Sandals is over'));
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(live)
      .toContainEqual(expect.stringContaining('Tidepool Sandals is over Thu, 19 Mar 2026'));
    await page.keyboard.press('Space');
    await expect.poll(() => dayOf(chip(page, 'Tidepool Sandals'))).toBe('2026-03-19');
    await expect
      .poll(() => page.locator('[role="status"][aria-live]').allInnerTexts())
      .toContainEqual(expect.stringContaining('Tidepool Sandals now launches Thu, 19 Mar 2026'));

    // Alt held: only the launch moves.
    const mid = await datesInPanel(page);
    await page.keyboard.down('Alt');
    await dragWithMouse(page, chip(page, 'Tidepool Sandals'), cell(page, '2026-03-20'));
    await page.keyboard.up('Alt');
    await expect.poll(() => datesInPanel(page)).toEqual({ ...mid, drop: '2026-03-20' });

    // The board's card and the timeline's bar show the same day.
    await page.keyboard.press(`${mod}+1`);
    const card = page.locator(`[data-testid="drop-card"][data-drop-id="${id}"]`);
    await expect.poll(() => card.innerText()).toContain('20 Mar');
    await page.keyboard.press(`${mod}+3`);
    const bar = page.locator(`.tl-bar[data-drop-id="${id}"]`);
    await expect.poll(() => bar.getAttribute('aria-label')).toContain('launches Fri, 20 Mar 2026');
    await page.keyboard.press(`${mod}+2`);
    await page.waitForSelector('.cal-grid');
  });

  it('plans the next drops on the cadence and creates one from a ghost slot', async () => {
    const liveBefore = await page.locator('.cal-chip').count();
    await page.getByRole('button', { name: 'Plan next drops' }).click();
    const slots = page.locator('.cal-ghostbar .cal-ghostslot');
    await expect.poll(() => slots.count()).toBe(3);
    const first = page.locator('.cal-ghost').first();
    const day = (await dayOf(first))!;
    await first.click();
    // The new drop opens in the panel, with the playbook's dates.
    await expect
      .poll(() => datesInPanel(page))
      .toEqual({
        shoot: shift(day, -7),
        publish: day,
        drop: day,
      });
    await expect.poll(() => cell(page, day).locator('.cal-chip').count()).toBe(1);
    // Its placeholder title ("Drop · Tue 14 Apr") is selected: typing its name replaces it.
    const title = panel(page).first().getByLabel('Title', { exact: true });
    expect(await title.inputValue()).toMatch(/^Drop · /);
    await page.keyboard.type('Moor Beanie');
    expect(await title.inputValue()).toBe('Moor Beanie');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => cell(page, day).locator('.cal-chip').innerText())
      .toContain('Moor Beanie');
    // The slot moved on: the next proposal is one cadence step later.
    await expect.poll(() => page.locator(`.cal-day[data-day="${day}"] .cal-ghost`).count()).toBe(0);
    expect(await page.locator('.cal-chip').count()).toBeGreaterThanOrEqual(
      day.startsWith('2026-03') ? liveBefore + 1 : 1,
    );
  });

  it('exports the plan as an .ics file that a real parser reads', async () => {
    const { fileName, text, events } = await exportIcs(page);
    expect(fileName).toMatch(/-drops\.ics$/);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((e) => /^d_[a-z0-9]+-launch@cadence$/.test(e.uid))).toBe(true);
    const tidepool = events.find((e) => e.summary === 'Launch: Tidepool Sandals')!;
    expect(tidepool.startDate.toString()).toBe('2026-03-20');
    expect(pageErrors).toEqual([]);
  });

  it('moves a launch on the timeline by dragging its bar or with Space and the arrows', async () => {
    await page.keyboard.press(`${mod}+3`);
    const bar = page.locator('.tl-bar', { hasText: 'Tidepool Sandals' });
    await bar.waitFor();
    // The header's beat diamonds sit clear of the month names.
    const clashes = await page.evaluate(() => {
      const names = [...document.querySelectorAll('.tl-month')].map((m) => {
        const range = document.createRange();
        range.selectNodeContents(m);
        return { text: m.textContent, box: range.getBoundingClientRect() };
      });
      const ticks = [...document.querySelectorAll('.tl-beat-tick')].map((t) =>
        t.getBoundingClientRect(),
      );
      const meet = (a: DOMRect, b: DOMRect) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return {
        ticks: ticks.length,
        clashes: names.filter((n) => ticks.some((t) => meet(n.box, t))).map((n) => n.text),
      };
    });
    expect(clashes.ticks).toBeGreaterThan(0);
    expect(clashes.clashes).toEqual([]);
    const status = () => page.getByTestId('timeline-status').innerText();
    await bar.click();
    const start = await datesInPanel(page);
    const label = () => bar.getAttribute('aria-label');
    const moved = (n: number) => ({
      shoot: shift(start.shoot, n),
      publish: shift(start.publish, n),
      drop: shift(start.drop, n),
    });
    const day = (n: number) => formatDayForPeople(shift(start.drop, n), 'en-GB');

    // Mouse: three days later (6 px a day at the default zoom); shoot and publish follow.
    const box = (await bar.boundingBox())!;
    const y = box.y + box.height / 2;
    const x = box.x + 30;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 10, y, { steps: 2 });
    await page.mouse.move(x + 18, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => datesInPanel(page)).toEqual(moved(3));
    await expect.poll(label).toContain(`launches ${day(3)}`);
    expect(await status()).toContain(`now launches ${day(3)} (shoot and publish moved with it)`);

    // Keyboard: Space picks it up, ← ← moves it two days back, Space puts it down.
    await bar.focus();
    await page.keyboard.press('Space');
    await expect.poll(status).toContain('Picked up Tidepool Sandals');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(status).toContain(`would launch ${day(1)}`);
    await page.keyboard.press('Space');
    await expect.poll(() => datesInPanel(page)).toEqual(moved(1));
    // Still on the bar: Space picked up and put down, it opened nothing.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toMatch(/tl-bar/);

    // Escape puts it back: the arrows said where it would go (the positive control).
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect.poll(status).toContain(`would launch ${day(2)}`);
    await page.keyboard.press('Escape');
    await expect.poll(status).toContain(`stays on ${day(1)}`);
    expect(await datesInPanel(page)).toEqual(moved(1));

    // Alt: the launch alone.
    const box2 = (await bar.boundingBox())!;
    await page.keyboard.down('Alt');
    await page.mouse.move(box2.x + 30, y);
    await page.mouse.down();
    await page.mouse.move(box2.x + 40, y, { steps: 2 });
    await page.mouse.move(box2.x + 36, y, { steps: 2 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await expect
      .poll(() => datesInPanel(page))
      .toEqual({ ...moved(1), drop: shift(start.drop, 2) });

    // Each move is one step of undo: three undos bring the first dates back, and the status
    // line no longer tells of a move taken back (it said the last one until then).
    expect(await status()).toContain('now launches');
    await bar.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => datesInPanel(page)).toEqual(start);
    expect(await status()).toBe('');
    await page.keyboard.press('Escape');
  });

  it('lets Tab reach every drop on the timeline, drawing the ones scrolled away', async () => {
    await page.keyboard.press(`${mod}+3`);
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    while (await zoomIn.isEnabled()) await zoomIn.click();
    const label = await page.locator('.tl-scroller').getAttribute('aria-label');
    const total = Number(/^(\d+) drops/.exec(label ?? '')?.[1]);
    expect(total).toBeGreaterThan(5);
    // Zoomed in and scrolled to the start, only the drops near it are drawn.
    await page.locator('.tl-scroller').evaluate((el) => (el.scrollLeft = 0));
    await expect.poll(() => page.locator('.tl-bar').count()).toBeLessThan(total);
    expect(await page.locator('.tl-bar').count()).toBeGreaterThan(0);

    const focusedBar = () =>
      page.evaluate(() =>
        document.activeElement?.classList.contains('tl-bar')
          ? document.activeElement.getAttribute('data-drop-id')
          : null,
      );
    // Shift+Tab from a drawn bar back past the first bar of all, onto the timeline itself…
    await page.locator('.tl-bar').first().focus();
    const first = await focusedBar();
    for (let i = 0; i <= total && (await focusedBar()); i++) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('tl-scroller');
    // …then Tab through every drop.
    const seen = new Set<string>();
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('Tab');
      const id = await focusedBar();
      if (id) seen.add(id);
    }
    expect(seen.size).toBe(total);
    expect(seen.has(first!)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('draws every grid line one pixel wide, whatever the window width', async () => {
    await page.keyboard.press(`${mod}+2`);
    await page.waitForSelector('.cal-grid');
    // The grid's lines are the colour of its outer border.
    const lineColour = await page.locator('.cal-grid').evaluate((el) => {
      const [r, g, b] = getComputedStyle(el).borderTopColor.match(/\d+/g)!.map(Number);
      return `#${[r, g, b].map((n) => n!.toString(16).padStart(2, '0')).join('')}`;
    });
    const runs: Record<number, number[]> = {};
    // Widths at which the lines drawn as 1 px gaps between cells showed 2 px, or not at all.
    for (const width of [1283, 1301, 1366, 1440]) {
      await page.setViewportSize({ width, height: 1000 });
      const row = (await page.locator('.cal-row:not(.cal-weekdays)').nth(1).boundingBox())!;
      const shot = await page.screenshot({
        clip: {
          x: Math.ceil(row.x) + 2,
          y: Math.round(row.y + 20),
          width: Math.floor(row.width) - 4,
          height: 1,
        },
      });
      const pixels = pngFirstRow(shot);
      const found: number[] = [];
      for (let x = 0; x < pixels.length; x++) {
        if (pixels[x] !== lineColour) continue;
        let end = x;
        while (pixels[end + 1] === lineColour) end++;
        found.push(end - x + 1);
        x = end;
      }
      runs[width] = found;
    }
    await page.setViewportSize({ width: 1440, height: 1000 });
    // Six lines between seven days, each one pixel wide.
    for (const found of Object.values(runs)) expect(found).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('folds a busy day into "+n more", which opens over its neighbours and closes again', async () => {
    await page.keyboard.press(`${mod}+2`);
    await page.waitForSelector('.cal-grid');
    // The calendar keeps the month an earlier test left it on: back to this month.
    await page.locator('.cal-nav').getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => page.locator('.cal-month').innerText()).toBe('March 2026');
    const busy = '2026-03-27';
    // The sample launches once a month: bring the next three launches into this month.
    const titles = ['Tidepool Sandals', 'Café Corner Cardigan', 'Seaglass Earrings', 'Storm Coat'];
    for (const title of titles) {
      for (let i = 0; i < 6 && !(await chip(page, title).count()); i++) {
        const month = await page.locator('.cal-month').innerText();
        await page.locator('.cal-nav').getByRole('button', { name: 'Next month' }).click();
        await expect.poll(() => page.locator('.cal-month').innerText()).not.toBe(month);
      }
      await chip(page, title).first().click();
      await panel(page).first().getByLabel('Drop', { exact: true }).fill(busy);
      await page.keyboard.press('Escape');
      await page.locator('.cal-nav').getByRole('button', { name: 'Today' }).click();
      await expect.poll(() => page.locator('.cal-month').innerText()).toBe('March 2026');
    }
    const day = cell(page, busy);
    const more = day.getByRole('button', { name: /more on/ });
    await expect.poll(() => more.count()).toBe(1);
    expect(await day.locator('.cal-chip').count()).toBeLessThan(4);

    // Open: every launch of the day shows, and focus lands in it.
    await more.click();
    await expect.poll(() => day.locator('.cal-chip').count()).toBe(4);
    expect((await day.locator('.cal-chip-title').allInnerTexts()).sort()).toEqual(
      [...titles].sort(),
    );
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Show less');
    // Escape folds it back and returns focus to "+n more".
    await page.keyboard.press('Escape');
    await expect.poll(() => day.locator('.cal-chip').count()).toBeLessThan(4);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/more on/);
    // A click elsewhere folds it too.
    await more.click();
    await expect.poll(() => day.locator('.cal-chip').count()).toBe(4);
    await page.locator('.cal-weekday').first().click();
    await expect.poll(() => day.locator('.cal-chip').count()).toBeLessThan(4);
    expect(pageErrors).toEqual([]);
  });
});
