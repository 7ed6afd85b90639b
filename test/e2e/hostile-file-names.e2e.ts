import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCENARIO_ORDERS, shopifyCsv } from '../fixtures/results/shopifyExport';
import { baseUrl, launchChromium, newPage } from './support/browser';

// Files picked on disk whose names hold a right-to-left override (U+202E, which makes
// "Orders‮vsc.exe" read as "Ordersexe.csv") or line breaks: every place that shows the name —
// the results import dialog and its messages, the import history, a workspace file merged and
// History's snapshot before it, a picture's description in a brief — shows one plain line.
// The files keep their names: only what is shown is cleaned.

const OUT = resolve('test-results/hostile-file-names');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGNY4KYNRAwQCgAfvgRFWTZqvQAAAABJRU5ErkJggg==',
  'base64',
);

/** Text of the page with no direction overrides or line breaks left in `selector`. */
const hostileIn = (page: Page, selector: string) =>
  page
    .locator(selector)
    .allTextContents()
    .then((texts) => texts.filter((t) => /[\u202a-\u202e\u2066-\u2069\n\r]/.test(t)));

describe('file names with direction overrides and line breaks', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async () => {
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const watched = await newPage(context);
    await watched.page.goto(baseUrl());
    await watched.page.waitForSelector('[data-testid="drop-card"]');
    return watched;
  };

  it('shows a picked export’s name as one plain line in the import dialog and its history', async () => {
    const { page, pageErrors } = await open();
    await page.keyboard.press(`${mod}+4`);
    const pick = async (name: string, buffer: Buffer) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import orders…' }).click();
      await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
    };

    // An empty file: the dialog says so, naming it.
    await pick('Empty\u202Evsc.exe', Buffer.from(''));
    const dialog = page.getByRole('dialog', { name: /^Import orders/ });
    await dialog.getByText('is empty').waitFor();
    expect(await dialog.locator('h2').first().innerText()).toBe('Import orders · Empty vsc.exe');
    expect(await dialog.getByText('is empty').innerText()).toMatch(
      /^“Empty vsc\.exe” is empty: there is nothing to import\./,
    );
    await page.screenshot({ path: resolve(OUT, 'empty.png') });
    await dialog
      .getByRole('button', { name: /Close|Cancel/ })
      .first()
      .click();
    await dialog.waitFor({ state: 'detached' });

    // An export with an override and a line break in its name: previewed, applied, listed.
    const csv = Buffer.from(shopifyCsv(SCENARIO_ORDERS.slice(0, 3)));
    await pick('Orders\u202Evsc.exe\nMarch.csv', csv);
    await page.getByRole('button', { name: 'Apply import' }).waitFor();
    await page.screenshot({ path: resolve(OUT, 'preview.png') });
    expect(await dialog.locator('h2').first().innerText()).toBe(
      'Import orders · Orders vsc.exe March.csv',
    );
    expect(await hostileIn(page, '[role="dialog"]')).toEqual([]);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(() => page.getByTestId('import-history').locator('li').allInnerTexts())
      .toEqual([expect.stringMatching(/ · Orders vsc\.exe March\.csv: 3 new/)]);
    expect(await hostileIn(page, '[data-testid="import-history"]')).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('names a merged workspace file as one plain line, in the message and in History', async () => {
    const { page, pageErrors } = await open();
    const sync = page.getByRole('dialog', { name: 'Sync' });
    await page.getByRole('button', { name: /^Sync: / }).click();
    const download = page.waitForEvent('download');
    await sync.getByRole('button', { name: 'Export workspace…' }).click();
    const own = resolve(OUT, 'own.cadence');
    await (await download).saveAs(own);

    const chooser = page.waitForEvent('filechooser');
    await sync.getByRole('button', { name: 'Import and merge…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'Backup\u202Eesadac.\nMonday.cadence',
      mimeType: 'application/octet-stream',
      buffer: await readFile(own),
    });
    await page.getByText('Merged “Backup esadac. Monday.cadence” into this workspace.').waitFor();
    await sync.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('dialog', { name: 'History' });
    await expect
      .poll(() => history.locator('.history-item-name').allTextContents())
      .toContain('Before importing “Backup esadac. Monday.cadence”');
    expect(await hostileIn(page, '.history-item-name')).toEqual([]);
    await page.screenshot({ path: resolve(OUT, 'history.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('describes a picture added to a brief by its name as one plain line', async () => {
    const { page, pageErrors } = await open();
    await page.locator('[data-testid="drop-card"]').first().click();
    await page.getByTestId('open-brief').click();
    await page.locator('.brief-sheet').waitFor();
    await page.locator('.brief-prose').click();
    await page
      .locator('.brief-sheet input[type="file"]')
      .setInputFiles({ name: 'Look\u202Egnp.exe\nfinal.png', mimeType: 'image/png', buffer: PNG });
    const picture = page.locator('.brief-prose img');
    await picture.waitFor();
    expect(await picture.getAttribute('alt')).toBe('Look gnp.exe final');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
