import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { showCalendar, MOD } from './support/calendar';

// A teammate abroad: this computer keeps Kiribati's clock (UTC+14) while the workspace plans in
// American Samoa's (UTC−11), a day or two behind at any hour. Every view counts days from the
// workspace's today. The real clock runs: Playwright's fixed clock replaces `Date`, which the
// zone-aware dates are built on.
const HERE = 'Pacific/Kiritimati';
const WORKSPACE = 'Pacific/Pago_Pago';
const context = contextForSuite({
  viewport: { width: 1440, height: 900 },
  locale: 'en-GB',
  timezoneId: HERE,
});
let pageErrors: string[] = [];
afterEach(() => expect(pageErrors).toEqual([]));

const dayIn = (timeZone: string, at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

const countdownOf = (page: Page, day: string) =>
  page
    .locator('[data-testid="drop-card"]')
    .filter({ has: page.locator(`.card-date[title="Drop date ${day}"]`) })
    .first()
    .locator('.card-countdown');

it("counts the board's and the drop panel's days from the workspace's today, as the calendar does", async () => {
  const watched = await newPage(context());
  pageErrors = watched.pageErrors;
  const { page } = watched;
  await page.goto(baseUrl());
  await page.waitForSelector('[data-testid="drop-card"]');
  // The sample's first launch falls on this computer's today, which the board counts from
  // while the workspace is in this computer's zone (the positive control).
  const now = Date.now();
  const here = dayIn(HERE, now);
  await expect.poll(() => countdownOf(page, here).innerText()).toBe(' · today');

  await showCalendar(page);
  await page.getByTitle('Cadence and time zone').click();
  // Typed in lower case, it is saved as the zone's own name.
  await page.getByLabel('Time zone', { exact: true }).fill(WORKSPACE.toLowerCase());
  await page.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(() => page.getByTitle('Cadence and time zone').innerText())
    .toContain(`· ${WORKSPACE}`);
  const there = dayIn(WORKSPACE, now);
  expect(there < here).toBe(true);
  await expect.poll(() => page.locator('.cal-day.is-today').getAttribute('data-day')).toBe(there);

  await page.keyboard.press(`${MOD}+1`);
  const days = (Date.parse(`${here}T00:00Z`) - Date.parse(`${there}T00:00Z`)) / 86_400_000;
  const expected = days === 1 ? 'tomorrow' : `in ${days} days`;
  await expect.poll(() => countdownOf(page, here).innerText()).toBe(` · ${expected}`);
  await countdownOf(page, here).click();
  await expect.poll(() => page.getByText(`Drops ${expected}`).count()).toBe(1);
});
