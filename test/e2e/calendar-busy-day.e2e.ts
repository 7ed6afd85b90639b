import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDayForPeople } from '../../shared/cadence';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import {
  cell,
  chip,
  dayOf,
  heardSince,
  listenToDrag,
  MOD,
  panel,
  showCalendar,
} from './support/calendar';
import { seedWorkspace } from './support/seed';
import { newEmptyWorkspace } from './support/workspaces';

// A day with three launches at 1440 × 900, the window a creative director plans in: every
// launch is either seen whole in its day or counted in the day's "+n more", with the drop
// panel closed and open (the panel makes the month's rows shorter still).

const OUT = resolve('test-results/calendar-busy-day');
mkdirSync(OUT, { recursive: true });
const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });

async function dropOn(page: Page, title: string, mmddyyyy: string) {
  await page.keyboard.press(`${MOD}+1`);
  await page.getByRole('button', { name: /^Add drop to Concept/ }).click();
  await page.getByPlaceholder('Drop title').fill(title);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="drop-card"]', { hasText: title }).click();
  await panel(page).getByLabel('Drop', { exact: true }).focus();
  await page.keyboard.type(mmddyyyy);
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'hidden' });
}

/** Per launch of the day: seen whole inside the day (above its 72-hour bands), or not. */
const seenWhole = (page: Page, day: string) =>
  page.locator(`.cal-day[data-day="${day}"]`).evaluate((cell) => {
    const c = cell.getBoundingClientRect();
    const bands = cell.querySelector('.cal-bands')?.getBoundingClientRect().top ?? c.bottom;
    return [...cell.querySelectorAll<HTMLElement>('.cal-chip')].map((chip) => {
      const r = chip.getBoundingClientRect();
      return r.top >= c.top && r.bottom <= Math.min(c.bottom, bands) + 0.5;
    });
  });
const moreOn = (page: Page, day: string) =>
  page
    .locator(`.cal-day[data-day="${day}"] .cal-day-head .cal-more`)
    .allInnerTexts()
    .then((t) => (t[0] ? Number(/\+(\d+) more/.exec(t[0])?.[1]) : 0));

it('shows each launch of a busy day whole, or counts it in "+n more"', async () => {
  const { page, pageErrors } = await newPage(context());
  await page.goto(baseUrl());
  await page.waitForSelector('[data-testid="drop-card"]');
  await newEmptyWorkspace(page, 'Tidewrack Knits');

  const day = '2027-05-31';
  for (const title of ['Keel Tank', 'Bilge Bucket Hat', 'Rudder Scarf']) {
    await dropOn(page, title, '05312027');
  }
  await showCalendar(page);
  while ((await page.locator('.cal-month').innerText()) !== 'May 2027') {
    await page.getByRole('button', { name: 'Next month' }).click();
  }

  const check = async (name: string) => {
    await page.screenshot({ path: resolve(OUT, `${name}.png`) });
    const whole = await seenWhole(page, day);
    const hidden = await moreOn(page, day);
    // Every chip drawn is whole, and those not drawn are counted.
    expect(whole.every(Boolean), `${name}: a launch cut off (${JSON.stringify(whole)})`).toBe(true);
    expect(whole.length + hidden, name).toBe(3);
    expect(whole.length, name).toBeGreaterThan(0);
  };
  await expect
    .poll(() => page.locator(`.cal-day[data-day="${day}"] .cal-chip`).count())
    .toBeGreaterThan(0);
  await check('panel-closed');

  await page.locator(`.cal-day[data-day="${day}"] .cal-chip`).first().click();
  await panel(page).waitFor();
  await check('panel-open');

  // "+n more" opens the whole day.
  await page.locator(`.cal-day[data-day="${day}"] .cal-day-head .cal-more`).click();
  await expect.poll(() => page.locator(`.cal-day[data-day="${day}"] .cal-chip`).count()).toBe(3);
  expect(pageErrors).toEqual([]);
});

it('moves a launch of an opened busy day by keyboard from its own day, not the day it is drawn over', async () => {
  const today = new Date('2026-12-01T10:00:00Z');
  const titles = ['Keel Tank', 'Bilge Bucket Hat', 'Rudder Scarf', 'Mooring Vest'];
  const id = await seedWorkspace(
    context(),
    'plannedDrops',
    ['Wrack Line', titles.map((title) => ({ title, dropDate: '2026-12-16' }))],
    today,
  );
  const { page, pageErrors } = await newPage(context());
  await page.clock.setFixedTime(today);
  await page.goto(`${baseUrl()}?ws=${id}`);
  await page.waitForSelector('[data-testid="drop-card"]');
  await showCalendar(page);
  const busy = cell(page, '2026-12-16');
  await busy.getByRole('button', { name: /more on/ }).click();
  await expect.poll(() => busy.locator('.cal-chip').count()).toBe(4);

  // Opened over its neighbours, the day draws its last launch over the next week's cell.
  const last = busy.locator('.cal-chip').last();
  const title = (await last.locator('.cal-chip-title').innerText()).trim();
  const drawn = (await last.boundingBox())!;
  const below = (await cell(page, '2026-12-23').boundingBox())!;
  expect(drawn.y + drawn.height / 2).toBeGreaterThan(below.y);

  // Picked up, it is over its own day; one → is the next day.
  const day = (iso: string) => formatDayForPeople(iso, 'en-US');
  await listenToDrag(page);
  await last.focus();
  await page.keyboard.press('Space');
  await expect
    .poll(() => heardSince(page))
    .toContainEqual(expect.stringContaining(`${title} is over ${day('2026-12-16')}`));
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() => heardSince(page))
    .toContainEqual(expect.stringContaining(`${title} is over ${day('2026-12-17')}`));
  await page.keyboard.press('Space');
  await expect.poll(() => dayOf(chip(page, title))).toBe('2026-12-17');
  expect((await heardSince(page)).join(' | ')).not.toContain(day('2026-12-23'));
  expect(pageErrors).toEqual([]);
});
