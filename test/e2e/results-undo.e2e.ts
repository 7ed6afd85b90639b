import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shopifyCsv, type FixtureOrder } from '../fixtures/results/shopifyExport';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// A large import is written a slice at a time (the window keeps painting its progress), yet a
// creative director who imported the wrong file takes it back with one Ctrl+Z, and gets it all
// back with one redo: never part of an import.

const OUT = resolve('test-results/results-undo');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const ORDERS = 3_500; // several slices of 1,000

function orders(): FixtureOrder[] {
  const day = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: ORDERS }, (_, i) => ({
    name: `#U${i + 1}`,
    email: `fan${i % 900}@example.com`,
    status: 'paid',
    created: `${day} 12:${String(i % 60).padStart(2, '0')}:00 +0000`,
    subtotal: 20,
    code: i % 2 ? 'LENA15' : '',
    lines: [{ sku: 'HL-SHIRT', name: 'Shirt', qty: 1, price: 20 }],
  }));
}

const counts = (page: Page) => page.getByTestId('results-counts').textContent();

describe('undoing a large import', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });

  it('is one step for every slice it was written in, and redo brings all of it back', async () => {
    const csv = join(OUT, 'orders_export.csv');
    writeFileSync(csv, shopifyCsv(orders()));
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    await page.keyboard.press(`${mod}+4`);
    await expect.poll(() => counts(page)).toMatch(/^0 orders/);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import orders…' }).click();
    await (await chooser).setFiles(csv);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/3,500 new/);
    // While it is written, the file cannot be switched to the other kind (that would read it
    // again over the import) and the dialog offers no Cancel.
    await page.evaluate(() => {
      const w = window as unknown as { __whileApplying: unknown };
      w.__whileApplying = null;
      new MutationObserver((_, obs) => {
        if (!document.querySelector('[data-phase="applying"]')) return;
        obs.disconnect();
        const dialog = document.querySelector('dialog')!;
        w.__whileApplying = {
          kindLocked: dialog.querySelector<HTMLFieldSetElement>('fieldset.results-kind')!.disabled,
          buttons: [...dialog.querySelectorAll('button')].map((b) => b.textContent),
        };
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    // Thousands are grouped, as in the preview.
    expect(await page.getByTestId('import-applied').textContent()).toMatch(/Imported: 3,500 new/);
    expect(
      await page.evaluate(
        () => (window as unknown as { __whileApplying: unknown }).__whileApplying,
      ),
    ).toEqual({ kindLocked: true, buttons: [] });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => counts(page)).toMatch(/^3,500 orders/);
    await expect.poll(() => page.getByTestId('import-history').locator('li').count()).toBe(1);

    // One undo: every order and the import record are gone, not only the last slice.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => counts(page)).toMatch(/^0 orders/);
    await expect.poll(() => page.getByTestId('import-history').locator('li').count()).toBe(0);
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(() => counts(page)).toMatch(/^3,500 orders/);
    await expect.poll(() => page.getByTestId('import-history').locator('li').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
