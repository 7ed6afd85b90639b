import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shopifyCsv } from '../fixtures/results/shopifyExport';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { dropCard, dropPanel, factBox } from './support/results';

// History and the results data, through the built app: a fact recorded for a drop (its shoot
// cost), changed after a snapshot, is named in History's comparison with an order import made
// since; the snapshot restored as a new workspace has the fact and the orders as they were; the
// drop restored into this workspace gets its old fact back, while the import (the workspace's,
// not the drop's) stays and is still listed.

const OUT = resolve('test-results/history-results');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const recorded = (page: Page, id: string) =>
  dropPanel(page)
    .locator('.results-field', { has: page.locator(`[data-field="${id}"]`) })
    .locator('.results-recorded');
const history = (page: Page) => page.getByRole('dialog', { name: 'History' });
const switcher = (page: Page) => page.getByRole('button', { name: /Switch workspace$/ });

async function openForm(page: Page) {
  await page.keyboard.press(`${mod}+1`);
  await dropCard(page, 'Harbour Linen').click();
  await dropPanel(page).getByRole('button', { name: 'Record what happened' }).click();
  await factBox(page, 'shootCost').waitFor();
}

async function record(page: Page, id: string, value: string) {
  await factBox(page, id).fill(value);
  await factBox(page, id).press('Enter');
  await recorded(page, id).waitFor();
  await expect.poll(() => factBox(page, id).inputValue()).toBe(value);
}

async function closePanel(page: Page) {
  await page.keyboard.press('Escape');
  await dropPanel(page).waitFor({ state: 'detached' });
}

async function openHistory(page: Page, snapshot: string) {
  await page.keyboard.press(`${mod}+Shift+KeyH`);
  await history(page).waitFor();
  await history(page)
    .locator('.history-item')
    .filter({ has: page.getByText(snapshot, { exact: true }) })
    .click();
  await history(page)
    .getByRole('heading', { name: new RegExp(`^Since “${snapshot}”`) })
    .waitFor();
}

describe('history and the results data', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it("names a changed fact and an import since a snapshot, and restores the drop's fact", async () => {
    const csv = join(OUT, 'history_orders.csv');
    writeFileSync(
      csv,
      shopifyCsv([
        {
          name: '#H1',
          email: 'a@fans.example',
          status: 'paid',
          created: `${new Date().toISOString().slice(0, 10)} 09:00:00 +0000`,
          subtotal: 100,
          code: 'LENA15',
          lines: [{ sku: 'HL-SHIRT', name: 'Shirt', qty: 1, price: 100 }],
        },
      ]),
    );
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await dropCard(page, 'Harbour Linen').waitFor();

    // A shoot cost recorded, then a named snapshot that matches the workspace.
    await openForm(page);
    await record(page, 'shootCost', '300');
    await closePanel(page);
    await page.keyboard.press(`${mod}+Shift+KeyH`);
    await history(page).getByPlaceholder('e.g. Before the June plan').fill('Before the results');
    await history(page).getByPlaceholder('e.g. Before the June plan').press('Enter');
    await openHistory(page, 'Before the results');
    await history(page).getByText('Nothing has changed since this snapshot.').waitFor();
    await history(page).getByRole('button', { name: 'Close' }).click();

    // Since: the shoot cost changed, a stock recorded, and the shop's orders imported.
    await openForm(page);
    await record(page, 'shootCost', '999');
    await record(page, 'stock', '40');
    await closePanel(page);
    await page.keyboard.press(`${mod}+4`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import orders…' }).click();
    await (await chooser).setFiles(csv);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => page.getByTestId('results-counts').textContent())
      .toMatch(/^1 order · /);

    // History names all of it, in the form's words.
    await openHistory(page, 'Before the results');
    const dialog = history(page);
    const drop = dialog.locator('.history-change', { hasText: 'Harbour Linen' });
    await drop.getByText('Results: Shoot cost €300.00 → €999.00').waitFor();
    await drop.getByText('Results: Stock allocated not recorded → 40 units').waitFor();
    const resultsData = dialog.getByRole('region', { name: 'Results data' });
    await resultsData
      .getByText('Orders: 1 import since the snapshot (history_orders.csv); 0 orders then, 1 now')
      .waitFor();
    expect(await dialog.getByText('Nothing has changed since this snapshot.').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'history.png') });

    // The whole snapshot as a new workspace: the fact and the orders as they were then.
    await dialog.getByRole('button', { name: 'Restore as a new workspace' }).click();
    await expect
      .poll(() => switcher(page).getAttribute('aria-label'))
      .toMatch(/^Workspace: Saltmarsh Studio \(.+\)\. Switch workspace$/);
    await openForm(page);
    await expect.poll(() => factBox(page, 'shootCost').inputValue()).toBe('300');
    expect(await factBox(page, 'stock').inputValue()).toBe('');
    await closePanel(page);
    await page.keyboard.press(`${mod}+4`);
    await expect.poll(() => page.getByTestId('results-counts').textContent()).toMatch(/^0 orders/);

    // Back in the workspace, which the copy left as it was.
    await switcher(page).click();
    await page.getByRole('menuitemradio', { name: 'Saltmarsh Studio', exact: true }).click();
    await openForm(page);
    await expect.poll(() => factBox(page, 'shootCost').inputValue()).toBe('999');
    await closePanel(page);

    // The drop restored: its facts come back; the import stays, and is still listed.
    await openHistory(page, 'Before the results');
    await dialog.getByRole('checkbox', { name: 'Choose “Harbour Linen”' }).check();
    await dialog.getByRole('button', { name: 'Restore 1 chosen drop' }).click();
    await dialog
      .locator('.history-item', { hasText: 'Before restoring from “Before the results”' })
      .waitFor();
    await expect.poll(() => dialog.locator('.history-change').count()).toBe(0);
    await resultsData.getByText('Orders: 1 import since the snapshot', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await openForm(page);
    await expect.poll(() => factBox(page, 'shootCost').inputValue()).toBe('300');
    expect(await factBox(page, 'stock').inputValue()).toBe('');
    await closePanel(page);
    await page.keyboard.press(`${mod}+4`);
    await expect
      .poll(() => page.getByTestId('results-counts').textContent())
      .toMatch(/^1 order · /);

    expect(pageErrors).toEqual([]);
  });
});
