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

function orders(prefix = 'U'): FixtureOrder[] {
  const day = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: ORDERS }, (_, i) => ({
    name: `#${prefix}${i + 1}`,
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
    // again over the import); Cancel is offered until the last slice is in.
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
          // Focus stays in the dialog (on Cancel), not on the page behind it.
          focused: dialog.contains(document.activeElement)
            ? document.activeElement!.textContent
            : null,
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
    ).toEqual({ kindLocked: true, buttons: ['Cancel'], focused: 'Cancel' });
    // And then on Done.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Done');
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

  it('cancelled while it is written, it is taken back whole: no order, no record, nothing to redo', async () => {
    const csv = join(OUT, 'orders_to_cancel.csv');
    writeFileSync(csv, shopifyCsv(orders('C')));
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    await page.keyboard.press(`${mod}+4`);
    // The workspace may hold the orders of the test before: these are others.
    await expect.poll(() => counts(page)).toMatch(/^[\d,]+ orders/);
    const before = await counts(page);
    const listed = await page.getByTestId('import-history').locator('li').count();
    const importFile = async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import orders…' }).click();
      await (await chooser).setFiles(csv);
      await page.getByTestId('import-preview').waitFor();
    };
    await importFile();
    // Cancel is pressed as soon as the first slice is in (the progress bar has moved), from
    // inside the page so that it lands between two slices.
    await page.evaluate(() => {
      const w = window as unknown as { __cancelledAt: number | null };
      w.__cancelledAt = null;
      new MutationObserver((_, obs) => {
        const bar = document.querySelector<HTMLProgressElement>('[data-phase="applying"]');
        if (!bar || bar.value <= 0 || bar.value >= 1) return;
        obs.disconnect();
        w.__cancelledAt = bar.value;
        const cancel = [...document.querySelectorAll<HTMLButtonElement>('dialog button')].find(
          (b) => b.textContent === 'Cancel',
        );
        cancel!.click();
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toBe('Import cancelled: nothing from orders_to_cancel.csv was kept.');
    // Some of it had been written when Cancel was pressed…
    const at = await page.evaluate(
      () => (window as unknown as { __cancelledAt: number | null }).__cancelledAt,
    );
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(1);
    // …and none of it is left, nor listed, nor waiting to be redone.
    await expect.poll(() => counts(page)).toBe(before);
    expect(await page.getByTestId('import-history').locator('li').count()).toBe(listed);
    await expect(page.getByRole('button', { name: /^Redo/ }).isDisabled()).resolves.toBe(true);

    // The same file, applied to the end this time, imports every order (the control).
    await importFile();
    expect(await page.getByTestId('import-preview').textContent()).toMatch(/3,500 new/);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => counts(page)).not.toBe(before);
    const ordersIn = (text: string | null) =>
      Number(/^([\d,]+) orders/.exec(text ?? '')![1]!.replace(/,/g, ''));
    expect(ordersIn(await counts(page)) - ordersIn(before)).toBe(3_500);
    expect(await page.getByTestId('import-history').locator('li').count()).toBe(listed + 1);
    expect(pageErrors).toEqual([]);
  });
});
