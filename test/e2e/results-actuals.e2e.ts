import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { dropCard, dropPanel, factBox, factField, panelMetric } from './support/results';

// Recording what happened to a drop in its panel's Results section, through the built app:
// bad input is refused in words and loses nothing, an emptied box removes nothing (Clear does),
// deliveries follow the shoot, Escape keeps what was typed, each fact names who recorded it and
// when, and publishing records the channels it really went out on.

const OUT = resolve('test-results/results-actuals');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openForm(page: Page) {
  await dropCard(page, 'Harbour Linen').click();
  await dropPanel(page).getByRole('button', { name: 'Record what happened' }).click();
  await factBox(page, 'stock').waitFor();
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
    await factBox(page, 'stock').fill('200');
    await factBox(page, 'stock').press('Enter');
    await expect
      .poll(() => factField(page, 'stock').locator('.results-recorded').textContent())
      .toMatch(/^by .+ · .+\d{2}:\d{2} Clear$/);
    await expect
      .poll(() => panelMetric(page, 'sell-through').textContent())
      .toMatch(/of 200 units/);

    // Text in the box: refused, kept in the box, the stock unchanged.
    await factBox(page, 'stock').fill('1e');
    await factBox(page, 'stock').press('Tab');
    expect(await factField(page, 'stock').getByRole('alert').textContent()).toBe(
      '“1e” is not a whole number of units: nothing was changed.',
    );
    expect(await factBox(page, 'stock').inputValue()).toBe('1e');
    expect(await panelMetric(page, 'sell-through').textContent()).toMatch(/of 200 units/);

    // An emptied box removes the stock, and says so; undo brings it back.
    await factBox(page, 'stock').fill('');
    await factBox(page, 'stock').press('Tab');
    expect(await factField(page, 'stock').getByRole('status').textContent()).toBe(
      'Removed. Ctrl/⌘+Z brings it back.',
    );
    await expect
      .poll(() => panelMetric(page, 'sell-through').textContent())
      .not.toMatch(/of 200 units/);
    await dropPanel(page).locator('.panel-section-title', { hasText: 'Results' }).click();
    await page.keyboard.press(`${mod}+KeyZ`);
    await expect.poll(() => factBox(page, 'stock').inputValue()).toBe('200');
    // Clear beside it removes it too.
    await factField(page, 'stock')
      .getByRole('button', { name: 'Clear Stock allocated (units)' })
      .click();
    await expect.poll(() => factBox(page, 'stock').inputValue()).toBe('');
    await expect
      .poll(() => panelMetric(page, 'sell-through').textContent())
      .not.toMatch(/of 200 units/);

    // A decimal comma is read as one.
    await factBox(page, 'shootCost').fill('12,5');
    await factBox(page, 'shootCost').press('Enter');
    await expect.poll(() => factBox(page, 'shootCost').inputValue()).toBe('12.5');

    // The shoot, then a delivery before it: refused, the typed time kept.
    await factBox(page, 'shoot').fill('2026-03-20T09:00');
    await factBox(page, 'shoot').press('Enter');
    await factField(page, 'shoot').locator('.results-recorded').waitFor();
    await factBox(page, 'shot-hero').fill('2026-03-19T09:00');
    await factBox(page, 'shot-hero').press('Enter');
    expect(await factField(page, 'shot-hero').getByRole('alert').textContent()).toBe(
      "A shot's delivery must come after the shoot.",
    );
    expect(await factBox(page, 'shot-hero').inputValue()).toBe('2026-03-19T09:00');
    expect(await factField(page, 'shot-hero').locator('.results-recorded').count()).toBe(0);
    // Positive control: after the shoot it is recorded.
    await factBox(page, 'shot-hero').fill('2026-03-21T09:00');
    await factBox(page, 'shot-hero').press('Enter');
    await factField(page, 'shot-hero').locator('.results-recorded').waitFor();
    await expect.poll(() => panelMetric(page, 'turnaround').textContent()).toMatch(/hero 24 h/);
    // Half a date (one part cleared) changes nothing, and says so.
    await factBox(page, 'shot-hero').focus();
    await page.keyboard.press('Backspace');
    await dropPanel(page).locator('.panel-section-title', { hasText: 'Results' }).click();
    expect(await factField(page, 'shot-hero').getByRole('alert').textContent()).toBe(
      'Finish the date and time: nothing was changed.',
    );
    expect(await panelMetric(page, 'turnaround').textContent()).toMatch(/hero 24 h/);

    // Published on the channels it really went out on.
    await factBox(page, 'published').fill('2026-03-22T09:00');
    await factBox(page, 'published').press('Enter');
    const channels = dropPanel(page).locator('[data-field="published-channels"]');
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
    await factBox(page, 'adSpend').scrollIntoViewIfNeeded();
    await page.locator('.panel').screenshot({ path: join(OUT, 'payments.png') });

    // Escape keeps what was typed: the panel closes with the shoot cost recorded.
    await factBox(page, 'shootCost').fill('400');
    await page.keyboard.press('Escape');
    await dropPanel(page).waitFor({ state: 'detached' });
    await openForm(page);
    expect(await factBox(page, 'shootCost').inputValue()).toBe('400');

    // Escape with a value that cannot be saved keeps the panel open, the text in its box and
    // the message under it (the panel used to close and drop the text).
    await factBox(page, 'shootCost').fill('12abc');
    await page.keyboard.press('Escape');
    await expect.poll(() => factField(page, 'shootCost').getByRole('alert').count()).toBe(1);
    expect(await dropPanel(page).count()).toBe(1);
    expect(await factBox(page, 'shootCost').inputValue()).toBe('12abc');
    await factBox(page, 'shootCost').fill('400');
    await factBox(page, 'shootCost').press('Tab');

    // Enter in a retargeting payment's boxes adds it, as the button does.
    const payments = dropPanel(page).locator('.results-spend li');
    const paid = await payments.count();
    await dropPanel(page)
      .getByLabel(/Retargeting amount/)
      .fill('75');
    await dropPanel(page).getByLabel('When it was spent').fill('2026-03-02T10:00');
    await dropPanel(page).getByLabel('When it was spent').press('Enter');
    await expect.poll(() => payments.count()).toBe(paid + 1);
    expect(
      await dropPanel(page)
        .getByLabel(/Retargeting amount/)
        .inputValue(),
    ).toBe('');

    // SKUs are split at commas only: a SKU may have spaces in it.
    await factBox(page, 'skus').fill('NM KNIT VEST, NM-SCARF;  HL-SHIRT ');
    await factBox(page, 'skus').press('Tab');
    await expect
      .poll(() => factBox(page, 'skus').inputValue())
      .toBe('NM KNIT VEST, NM-SCARF, HL-SHIRT');
    expect(pageErrors).toEqual([]);
  });

  it('shows a drop not launched yet as not started, not as results', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    // Positive control: a launched drop shows its numbers.
    await dropCard(page, 'Harbour Linen').click();
    await expect.poll(() => panelMetric(page, 'conversions').textContent()).toMatch(/orders ·/);
    await page.keyboard.press('Escape');
    // The sample's Storm Coat launches in three months.
    await dropCard(page, 'Storm Coat').click();
    // (Its channel toggles are named once: "Email", not the icon's name and the text.)
    await expect
      .poll(() => dropPanel(page).getByRole('button', { name: 'Email', exact: true }).count())
      .toBe(1);
    await expect
      .poll(() => panelMetric(page, 'conversions').textContent())
      .toMatch(/^Creator-attributed conversionsNot launched yetOrders counted from the launch, /);
    expect(
      await panelMetric(page, 'sell-through').locator('.results-metric-value').textContent(),
    ).toBe('—');
    expect(await panelMetric(page, 'return').locator('.results-metric-value').textContent()).toBe(
      '—',
    );
    expect(await panelMetric(page, 'reserve').getAttribute('class')).not.toMatch(/is-good/);
    await panelMetric(page, 'return').scrollIntoViewIfNeeded();
    await page.locator('.panel').screenshot({ path: join(OUT, 'upcoming.png') });
    expect(pageErrors).toEqual([]);
  });
});
