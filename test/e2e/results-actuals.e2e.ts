import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// Recording what happened to a drop in its panel's Results section, through the built app:
// bad input is refused in words and loses nothing, an emptied box removes nothing (Clear does),
// deliveries follow the shoot, Escape keeps what was typed, each fact names who recorded it and
// when, and publishing records the channels it really went out on.

const OUT = resolve('test-results/results-actuals');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const card = (page: Page, title: string) =>
  page.locator('[data-testid="board"] [data-testid="drop-card"]', { hasText: title });
const panel = (page: Page) => page.locator('.panel');
const field = (page: Page, id: string) =>
  panel(page).locator('.results-field', {
    has: page.locator(`[data-field="${id}"]`),
  });
const box = (page: Page, id: string) => panel(page).locator(`[data-field="${id}"]`);
const metric = (page: Page, id: string) => panel(page).locator(`[data-metric="${id}"]`);

async function openForm(page: Page) {
  await card(page, 'Harbour Linen').click();
  await panel(page).getByRole('button', { name: 'Record what happened' }).click();
  await box(page, 'stock').waitFor();
}

describe('recording what happened to a drop', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('refuses bad input in words, keeps what was recorded, and names who recorded it and when', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await openForm(page);

    // A stock, recorded with its author and time.
    await box(page, 'stock').fill('200');
    await box(page, 'stock').press('Enter');
    await expect
      .poll(() => field(page, 'stock').locator('.results-recorded').textContent())
      .toMatch(/^by .+ · .+\d{2}:\d{2} Clear$/);
    await expect.poll(() => metric(page, 'sell-through').textContent()).toMatch(/of 200 units/);

    // Text in the box: refused, kept in the box, the stock unchanged.
    await box(page, 'stock').fill('1e');
    await box(page, 'stock').press('Tab');
    expect(await field(page, 'stock').getByRole('alert').textContent()).toBe(
      '“1e” is not a whole number of units: nothing was changed.',
    );
    expect(await box(page, 'stock').inputValue()).toBe('1e');
    expect(await metric(page, 'sell-through').textContent()).toMatch(/of 200 units/);

    // An emptied box removes the stock, and says so; undo brings it back.
    await box(page, 'stock').fill('');
    await box(page, 'stock').press('Tab');
    expect(await field(page, 'stock').getByRole('status').textContent()).toBe(
      'Removed. Ctrl/⌘+Z brings it back.',
    );
    await expect.poll(() => metric(page, 'sell-through').textContent()).not.toMatch(/of 200 units/);
    await panel(page).locator('.panel-section-title', { hasText: 'Results' }).click();
    await page.keyboard.press(`${mod}+KeyZ`);
    await expect.poll(() => box(page, 'stock').inputValue()).toBe('200');
    // Clear beside it removes it too.
    await field(page, 'stock')
      .getByRole('button', { name: 'Clear Stock allocated (units)' })
      .click();
    await expect.poll(() => box(page, 'stock').inputValue()).toBe('');
    await expect.poll(() => metric(page, 'sell-through').textContent()).not.toMatch(/of 200 units/);

    // A decimal comma is read as one.
    await box(page, 'shootCost').fill('12,5');
    await box(page, 'shootCost').press('Enter');
    await expect.poll(() => box(page, 'shootCost').inputValue()).toBe('12.5');

    // The shoot, then a delivery before it: refused, the typed time kept.
    await box(page, 'shoot').fill('2026-03-20T09:00');
    await box(page, 'shoot').press('Enter');
    await field(page, 'shoot').locator('.results-recorded').waitFor();
    await box(page, 'shot-hero').fill('2026-03-19T09:00');
    await box(page, 'shot-hero').press('Enter');
    expect(await field(page, 'shot-hero').getByRole('alert').textContent()).toBe(
      "A shot's delivery must come after the shoot.",
    );
    expect(await box(page, 'shot-hero').inputValue()).toBe('2026-03-19T09:00');
    expect(await field(page, 'shot-hero').locator('.results-recorded').count()).toBe(0);
    // Positive control: after the shoot it is recorded.
    await box(page, 'shot-hero').fill('2026-03-21T09:00');
    await box(page, 'shot-hero').press('Enter');
    await field(page, 'shot-hero').locator('.results-recorded').waitFor();
    await expect.poll(() => metric(page, 'turnaround').textContent()).toMatch(/hero 24 h/);
    // Half a date (one part cleared) changes nothing, and says so.
    await box(page, 'shot-hero').focus();
    await page.keyboard.press('Backspace');
    await panel(page).locator('.panel-section-title', { hasText: 'Results' }).click();
    expect(await field(page, 'shot-hero').getByRole('alert').textContent()).toBe(
      'Finish the date and time: nothing was changed.',
    );
    expect(await metric(page, 'turnaround').textContent()).toMatch(/hero 24 h/);

    // Published on the channels it really went out on.
    await box(page, 'published').fill('2026-03-22T09:00');
    await box(page, 'published').press('Enter');
    const channels = panel(page).locator('[data-field="published-channels"]');
    await channels.waitFor();
    const ticked = () =>
      channels
        .locator('label')
        .evaluateAll((labels) =>
          labels
            .filter((l) => (l.querySelector('input') as HTMLInputElement).checked)
            .map((l) => l.textContent?.trim()),
        );
    const before = await ticked();
    expect(before.length).toBeGreaterThan(0);
    await channels.getByLabel('Pinterest').check();
    await expect.poll(ticked).toEqual(expect.arrayContaining([...before, 'Pinterest']));
    await page.locator('.panel').screenshot({ path: join(OUT, 'recorded.png') });
    await box(page, 'adSpend').scrollIntoViewIfNeeded();
    await page.locator('.panel').screenshot({ path: join(OUT, 'payments.png') });

    // Escape keeps what was typed: the panel closes with the shoot cost recorded.
    await box(page, 'shootCost').fill('400');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    await openForm(page);
    expect(await box(page, 'shootCost').inputValue()).toBe('400');

    // Escape with a value that cannot be saved keeps the panel open, the text in its box and
    // the message under it (the panel used to close and drop the text).
    await box(page, 'shootCost').fill('12abc');
    await page.keyboard.press('Escape');
    await expect.poll(() => field(page, 'shootCost').getByRole('alert').count()).toBe(1);
    expect(await panel(page).count()).toBe(1);
    expect(await box(page, 'shootCost').inputValue()).toBe('12abc');
    await box(page, 'shootCost').fill('400');
    await box(page, 'shootCost').press('Tab');

    // Enter in a retargeting payment's boxes adds it, as the button does.
    const payments = panel(page).locator('.results-spend li');
    const paid = await payments.count();
    await panel(page)
      .getByLabel(/Retargeting amount/)
      .fill('75');
    await panel(page).getByLabel('When it was spent').fill('2026-03-02T10:00');
    await panel(page).getByLabel('When it was spent').press('Enter');
    await expect.poll(() => payments.count()).toBe(paid + 1);
    expect(
      await panel(page)
        .getByLabel(/Retargeting amount/)
        .inputValue(),
    ).toBe('');

    // SKUs are split at commas only: a SKU may have spaces in it.
    await box(page, 'skus').fill('NM KNIT VEST, NM-SCARF;  HL-SHIRT ');
    await box(page, 'skus').press('Tab');
    await expect
      .poll(() => box(page, 'skus').inputValue())
      .toBe('NM KNIT VEST, NM-SCARF, HL-SHIRT');
    expect(pageErrors).toEqual([]);
  });

  it('shows a drop not launched yet as not started, not as results', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    // Positive control: a launched drop shows its numbers.
    await card(page, 'Harbour Linen').click();
    await expect.poll(() => metric(page, 'conversions').textContent()).toMatch(/orders ·/);
    await page.keyboard.press('Escape');
    // The sample's Storm Coat launches in three months.
    await card(page, 'Storm Coat').click();
    // (Its channel toggles are named once: "Email", not the icon's name and the text.)
    await expect
      .poll(() => panel(page).getByRole('button', { name: 'Email', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => metric(page, 'conversions').textContent())
      .toMatch(/^Creator-attributed conversionsNot launched yetOrders counted from the launch, /);
    expect(await metric(page, 'sell-through').locator('.results-metric-value').textContent()).toBe(
      '—',
    );
    expect(await metric(page, 'return').locator('.results-metric-value').textContent()).toBe('—');
    expect(await metric(page, 'reserve').getAttribute('class')).not.toMatch(/is-good/);
    await metric(page, 'return').scrollIntoViewIfNeeded();
    await page.locator('.panel').screenshot({ path: join(OUT, 'upcoming.png') });
    expect(pageErrors).toEqual([]);
  });
});
