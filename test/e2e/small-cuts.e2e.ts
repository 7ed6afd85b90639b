import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// The small cuts a creative director new to Cadence hit in the first week, each through the
// built app at 1440×900 on the bundled sample.

// The sample's dates are offsets from today: pin today so the test knows them.
const TODAY = '2026-03-10T09:00:00Z';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

let browser: Browser;
let context: BrowserContext | undefined;
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh profile on the sample workspace's board. */
async function openSample(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  const watched = await newPage(context);
  pageErrors = watched.pageErrors;
  await watched.page.clock.setFixedTime(new Date(TODAY));
  await watched.page.goto(baseUrl());
  await watched.page.waitForSelector('[data-testid="drop-card"]');
  return watched.page;
}

const dayCell = (page: Page, day: string) => page.locator(`.cal-day[data-day="${day}"]`);

describe('calendar', () => {
  it('draws a warning beside the drop it concerns while shoot and publish are hidden', async () => {
    const page = await openSample();
    await page.keyboard.press(`${mod}+2`);
    await page.waitForSelector('.cal-grid');
    // Storm Coat takes 9 days from shoot to publish; its publish day (17 Mar) is Café Corner
    // Cardigan's launch, its own launch is 31 Mar.
    const flagOf = (day: string) => dayCell(page, day).locator('.cal-day-flag');
    await expect
      .poll(() => flagOf('2026-03-31').getAttribute('aria-label'))
      .toContain('Storm Coat');
    await expect(dayCell(page, '2026-03-17').innerText()).resolves.toContain(
      'Café Corner Cardigan',
    );
    expect(await flagOf('2026-03-17').count()).toBe(0);
    // Every warning on the month names a drop drawn in its own day.
    for (const flag of await page.locator('.cal-day-flag').all()) {
      const label = (await flag.getAttribute('aria-label')) ?? '';
      const chips = await flag.evaluate((el) =>
        [...el.closest('.cal-day')!.querySelectorAll('.cal-chip-title')].map((c) => c.textContent),
      );
      expect(
        chips.some((t) => t && label.includes(t)),
        label,
      ).toBe(true);
    }
    // With shoot and publish shown, the warning sits on the publish marker's day.
    await page.getByLabel('Shoot & publish', { exact: true }).check();
    await expect
      .poll(() => flagOf('2026-03-17').getAttribute('aria-label'))
      .toContain('Storm Coat');
    await expect(dayCell(page, '2026-03-17').innerText()).resolves.toContain('Storm Coat');
  });
});

describe('board', () => {
  it('offers the neighbouring stage for the drops of a removed stage', async () => {
    const page = await openSample();
    const removeDialog = async (stage: string) => {
      await page.getByRole('button', { name: `Stage ${stage} options` }).click();
      await page.getByRole('menuitem', { name: 'Remove stage…' }).click();
      const dialog = page.getByRole('dialog', { name: `Remove “${stage}”?` });
      const select = dialog.getByLabel('Move its drops to');
      const chosen = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      return chosen;
    };
    // Stages: Concept & creator, Brief, Shoot, Asset delivery, Fulfilment, Live, Review.
    expect(await removeDialog('Asset delivery')).toBe('Shoot');
    expect(await removeDialog('Review')).toBe('Live');
    expect(await removeDialog('Concept & creator')).toBe('Brief');
  });
});
