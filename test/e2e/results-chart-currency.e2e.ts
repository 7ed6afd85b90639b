import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { shopifyCsv, type FixtureOrder } from '../fixtures/results/shopifyExport';
import { daysBetween, launchOnCadence } from '../../shared/cadence';
import { contextForSuite, newPage } from './support/browser';
import { dropPanel, openResults, pickExport } from './support/results';

// A drop whose brief is in another currency than the workspace's (its creator is paid in
// dollars): the Results view's charts name its revenue in its own currency when hovered, as its
// row in the drops table does. A creator's sums are in the currency of the drops launched (the
// next one, planned in euros, does not make them "mixed"); one whose launched drops are in
// different currencies has no sum, in the chart's tooltip as in the leaderboard.

const OUT = resolve('test-results/results-chart-currency');

// The sample workspace launches Harbour Linen (Lena Brandt, LENA15) three monthly beats ago and
// Night Market Knit (Jonah Reyes, JONAH10) two.
const TODAY = new Date().toISOString().slice(0, 10);
const HARBOUR = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -3), TODAY);
const NIGHT_MARKET = daysBetween(launchOnCadence(TODAY, { kind: 'monthly' }, -2), TODAY);
function isoDaysAgo(days: number, time: string): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${time} +0000`;
}
const line = (sku: string, qty: number, price: number) => ({ sku, name: sku, qty, price });
function orders(): FixtureOrder[] {
  return [
    {
      name: '#C1',
      email: 'a@fans.example',
      status: 'paid',
      created: isoDaysAgo(HARBOUR - 1, '12:00:00'),
      subtotal: 320,
      code: 'LENA15',
      lines: [line('HL-SHIRT', 4, 80)],
    },
    {
      name: '#C2',
      email: 'b@fans.example',
      status: 'paid',
      created: isoDaysAgo(NIGHT_MARKET - 1, '12:00:00'),
      subtotal: 135,
      currency: 'USD',
      code: 'JONAH10',
      lines: [line('NM-KNIT', 1, 135)],
    },
  ];
}

// Hovers each drawn bar of a chart and returns its tooltip's text, in the bars' order.
async function tooltips(page: Page, chart: Locator, thick: 'height' | 'width'): Promise<string[]> {
  const bars = chart.locator('.recharts-bar-rectangle rect');
  const out: string[] = [];
  for (let i = 0; i < (await bars.count()); i++) {
    if (Number(await bars.nth(i).getAttribute(thick)) < 4) continue;
    await bars.nth(i).hover();
    const tip = chart.locator('.recharts-tooltip-wrapper');
    await expect.poll(() => tip.textContent()).toMatch(/Attributed revenue/);
    out.push((await tip.textContent()) ?? '');
    await page.mouse.move(0, 0);
  }
  return out;
}

describe('results: charts of drops in other currencies', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('name a drop’s revenue in its own currency, and a mixed creator’s as mixed', async () => {
    const csv = join(OUT, 'orders_export.csv');
    writeFileSync(csv, shopifyCsv(orders()));
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, csv);
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    // Jonah is paid in dollars: Night Market Knit's brief names USD.
    const row = page.getByTestId('results-drops').locator('tr', { hasText: 'Night Market Knit' });
    await row.getByRole('button', { name: 'Night Market Knit' }).click();
    await dropPanel(page)
      .getByRole('button', { name: /^Brief/ })
      .click();
    const currency = page.getByLabel('Currency', { exact: true });
    await currency.fill('USD');
    await currency.press('Tab');
    await expect.poll(() => currency.inputValue()).toBe('USD');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+4');
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('US$135.00');

    const overTime = page.locator('.results-view .results-card[data-chart="over-time"]');
    const perDrop = await tooltips(page, overTime, 'height');
    expect(perDrop).toEqual([
      expect.stringMatching(/^Harbour Linen · .*Attributed revenue : €320\.00/),
      expect.stringMatching(/^Night Market Knit · .*Attributed revenue : US\$135\.00/),
    ]);
    // Jonah's drops to come are planned in euros, but only his dollar drop is summed: his
    // leaderboard row and bar are in dollars.
    const jonah = page.getByTestId('leaderboard').locator('tr', { hasText: 'Jonah Reyes' });
    expect(await jonah.textContent()).toMatch(/US\$135\.00/);
    const leaders = page.locator('.results-view .results-card[data-chart="leaderboard"]');
    expect(await tooltips(page, leaders, 'width')).toEqual([
      expect.stringMatching(/^Lena Brandt.*Attributed revenue : €320\.00$/),
      expect.stringMatching(/^Jonah Reyes.*Attributed revenue : US\$135\.00$/),
    ]);

    // A launched drop of his in euros too: his sums would mix currencies, so none is shown.
    const tote = page.getByTestId('results-drops').locator('tr', { hasText: 'Recycled Trim Tote' });
    await tote.getByRole('button', { name: 'Recycled Trim Tote' }).click();
    await dropPanel(page).getByLabel('Creator').selectOption({ label: 'Jonah Reyes' });
    await page.keyboard.press('Escape');
    await dropPanel(page).waitFor({ state: 'detached' });
    await expect.poll(() => jonah.textContent()).toMatch(/Mixed currencies/);
    // Nor a ratio of his revenue in dollars and euros to his costs.
    expect(await jonah.locator('td').nth(4).textContent()).toBe('Mixed currencies');
    expect(await tooltips(page, leaders, 'width')).toEqual([
      expect.stringMatching(/^Lena Brandt.*Attributed revenue : €320\.00$/),
      expect.stringMatching(/^Jonah Reyes.*Attributed revenue : Mixed currencies$/),
    ]);
    await page.screenshot({ path: join(OUT, 'results-view.png') });
    expect(pageErrors).toEqual([]);
  });
});
