import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shopifyCsv } from '../fixtures/results/shopifyExport';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { dropCard, dropPanel, factBox, factField, pickExport } from './support/results';
import { nameSelf, pairUp, useTeam } from './support/team';

// Who recorded each fact of a drop's Results, through the built app: one's own facts and
// imports read "by you" whether or not a name is set, a teammate's carry their name (or "a
// teammate" when they gave none), and every fact, the SKUs and POS location too, has its
// "by … · Clear" line, whose Clear is one undo step and reaches teammates.

const OUT = resolve('test-results/results-byline');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const byLine = (page: Page, id: string) => factField(page, id).locator('.results-recorded');
/** A fact's by-line, or '' when it has none. */
const byText = (page: Page, id: string) => async () =>
  (await byLine(page, id).count()) ? await byLine(page, id).textContent() : '';
const imports = (page: Page) => page.getByTestId('import-history').locator('li').allInnerTexts();

async function openForm(page: Page) {
  await page.keyboard.press(`${mod}+1`);
  await dropCard(page, 'Harbour Linen').click();
  await dropPanel(page).getByRole('button', { name: 'Record what happened' }).click();
  await factBox(page, 'stock').waitFor();
}

async function closePanel(page: Page) {
  await page.keyboard.press('Escape');
  await dropPanel(page).waitFor({ state: 'detached' });
}

async function record(page: Page, id: string, value: string) {
  await factBox(page, id).fill(value);
  await factBox(page, id).press('Enter');
  await byLine(page, id).waitFor();
}

async function importOrders(page: Page, file: string) {
  await page.keyboard.press(`${mod}+4`);
  await pickExport(page, file);
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.getByTestId('import-applied').waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
}

beforeAll(() => mkdirSync(OUT, { recursive: true }));

// Real WebRTC connections between browser contexts: one retry absorbs a slow connection.
describe("who recorded a drop's results, between teammates", { retry: 1 }, () => {
  const team = useTeam();

  it('reads "by you" for one\'s own facts and imports, and the teammate\'s name for theirs', async () => {
    const csv = join(OUT, 'byline_orders.csv');
    writeFileSync(
      csv,
      shopifyCsv([
        {
          name: '#B1',
          email: 'a@fans.example',
          status: 'paid',
          created: `${new Date().toISOString().slice(0, 10)} 09:00:00 +0000`,
          subtotal: 100,
          code: 'LENA15',
          lines: [{ sku: 'HL-SHIRT', name: 'Shirt', qty: 1, price: 100 }],
        },
      ]),
    );
    const ines = await team.person();
    const theo = await team.person();
    const a = ines.page;
    const b = theo.page;
    // Ines has given no name yet; Theo has.
    await pairUp(a, b, team.signaling);
    await nameSelf(b, 'Theo');

    // Ines records the stock: hers, though she has no name; to Theo, a teammate's.
    await openForm(a);
    await record(a, 'stock', '40');
    await expect.poll(byText(a, 'stock')).toMatch(/^by you · .+ Clear$/);
    await openForm(b);
    await expect.poll(() => factBox(b, 'stock').inputValue(), { timeout: 30_000 }).toBe('40');
    await expect.poll(byText(b, 'stock')).toMatch(/^by a teammate · .+ Clear$/);

    // Theo records the shoot cost: his to him, Theo's to Ines.
    await record(b, 'shootCost', '300');
    await expect.poll(byText(b, 'shootCost')).toMatch(/^by you · .+ Clear$/);
    await expect.poll(byText(a, 'shootCost'), { timeout: 30_000 }).toMatch(/^by Theo · .+ Clear$/);

    // Ines names herself: what she recorded before is still hers, and what she records now
    // reaches Theo with her name.
    await closePanel(a);
    await nameSelf(a, 'Ines');
    await openForm(a);
    await expect.poll(byText(a, 'stock')).toMatch(/^by you · /);
    await record(a, 'adSpend', '50');
    await expect.poll(byText(a, 'adSpend')).toMatch(/^by you · .+ Clear$/);
    await expect.poll(byText(b, 'adSpend'), { timeout: 30_000 }).toMatch(/^by Ines · .+ Clear$/);
    await factBox(a, 'shootCost').scrollIntoViewIfNeeded();
    await dropPanel(a).screenshot({ path: join(OUT, 'own-and-teammate.png') });

    // Her import of the shop's orders: hers in her import history, Ines's in Theo's.
    await closePanel(a);
    await importOrders(a, csv);
    await expect
      .poll(() => imports(a))
      .toEqual([expect.stringMatching(/ · by you · byline_orders\.csv: 1 new/)]);
    await closePanel(b);
    await b.keyboard.press(`${mod}+4`);
    await expect
      .poll(() => imports(b), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/ · by Ines · byline_orders\.csv: 1 new/)]);
    await a.getByTestId('import-history').screenshot({ path: join(OUT, 'import-history.png') });

    // Theo's POS location has its line at Ines's too, and her Clear reaches him.
    await openForm(b);
    await record(b, 'posLocation', 'Harbour Stall');
    await openForm(a);
    await expect
      .poll(byText(a, 'posLocation'), { timeout: 30_000 })
      .toMatch(/^by Theo · .+ Clear$/);
    await factField(a, 'posLocation')
      .getByRole('button', { name: 'Clear Pop-up POS location' })
      .click();
    await expect.poll(() => factBox(a, 'posLocation').inputValue()).toBe('');
    await expect.poll(() => factBox(b, 'posLocation').inputValue(), { timeout: 30_000 }).toBe('');
    await expect.poll(byText(b, 'posLocation')).toBe('');
    expect(ines.pageErrors).toEqual([]);
    expect(theo.pageErrors).toEqual([]);
  });
});

describe('the SKUs and POS location name who recorded them', () => {
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('shows "by … · Clear" under each, and Clear is one undo step', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await openForm(page);

    // Positive control: a number fact has its line.
    await record(page, 'stock', '40');
    await expect.poll(byText(page, 'stock')).toMatch(/^by .+ · .+\d{2}:\d{2} Clear$/);

    for (const [id, label, value] of [
      ['skus', 'Product SKUs (comma separated)', 'HL-SHIRT, HL-BELT'],
      ['posLocation', 'Pop-up POS location', 'Harbour Stall'],
    ] as const) {
      await factBox(page, id).fill(value);
      await factBox(page, id).press('Enter');
      await expect
        .poll(byText(page, id), { timeout: 5_000 })
        .toMatch(/^by .+ · .+\d{2}:\d{2} Clear$/);

      // Clear removes it, and its line goes with it.
      await factField(page, id)
        .getByRole('button', { name: `Clear ${label}` })
        .click();
      await expect.poll(() => factBox(page, id).inputValue()).toBe('');
      await expect.poll(byText(page, id)).toBe('');
      await expect
        .poll(() => factField(page, id).getByRole('status').textContent())
        .toBe('Removed. Ctrl/⌘+Z brings it back.');

      // One Ctrl/⌘+Z brings it back with its line; redo clears it again.
      await dropPanel(page).locator('.panel-section-title', { hasText: 'Results' }).click();
      await page.keyboard.press(`${mod}+KeyZ`);
      await expect.poll(() => factBox(page, id).inputValue()).toBe(value);
      await expect.poll(byText(page, id)).toMatch(/^by .+ · /);
      await expect.poll(() => factField(page, id).getByRole('status').count()).toBe(0);
      await page.keyboard.press(`${mod}+Shift+KeyZ`);
      await expect.poll(() => factBox(page, id).inputValue()).toBe('');
      await page.keyboard.press(`${mod}+KeyZ`);
      await expect.poll(() => factBox(page, id).inputValue()).toBe(value);
    }
    await factBox(page, 'skus').scrollIntoViewIfNeeded();
    await page.locator('.panel').screenshot({ path: join(OUT, 'skus-pos.png') });
    expect(pageErrors).toEqual([]);
  });
});
