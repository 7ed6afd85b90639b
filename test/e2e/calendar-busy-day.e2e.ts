import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { MOD, panel, showCalendar } from './support/calendar';
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
