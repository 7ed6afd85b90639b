import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// The brief's running footer is CSS built from the brand and the drop title. A teammate who
// writes a form feed (or CR) and CSS into a title must not be able to hide sections of the PDF
// a creator receives, while the app looks normal.

const OUT = resolve('test-results/hostile-print');
// \f ends a CSS string: with naive escaping the rest would close the margin box and @page, and
// hide the money card, the dos and don'ts and every plain section.
const HOSTILE_TITLE = 'Linen\f} } .bp-two, .bp-section, .bp-card { display: none } @page { x {';

describe('brief PDF with a hostile drop title', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('still prints every section, and the title as text in the footer', async () => {
    // A fresh profile per attempt: a retry starts from the sample workspace again.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );
    await page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
    await page.getByPlaceholder('Drop title').fill(HOSTILE_TITLE);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const card = page.locator('[data-testid="drop-card"]', { hasText: 'display: none' });
    await card.click();
    await page.getByTestId('open-brief').click();
    const sheet = page.locator('.brief-sheet');
    await sheet.waitFor();
    await sheet.getByLabel('Fee').fill('350');
    await sheet.getByLabel('Fee').press('Tab');
    const workspaceId = await sheet.getAttribute('data-workspace-id');
    const dropId = await sheet.getAttribute('data-drop-id');

    const print = await newPage(context);
    await print.page.goto(`${baseUrl()}#/print/brief/${workspaceId}/${dropId}?size=A4&v=1`);
    await print.page.waitForSelector('html[data-print-ready]');
    const pdf = join(OUT, 'hostile-title.pdf');
    await print.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    // Positive control: the page printed at all, with its header and the running footer.
    expect(text).toContain('Tell one story with one creator');
    expect(text).toMatch(/Page 1 of \d/);
    // Every section the naive escaping let the title hide.
    for (const line of [
      'MONEY',
      '€350.00',
      'MUST MENTION',
      'PLEASE DON’T',
      'No other fashion brands in frame',
      'Your discount code',
      'Usage rights',
      'Keep the samples',
    ])
      expect(text).toContain(line);
    // The title itself is printed as text in the footer, rules and all.
    expect(text).toContain(
      'Saltmarsh Studio · Linen } } .bp-two, .bp-section, .bp-card { display: none } @page { x { · brief v1',
    );
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      join(OUT, 'page1'),
    ]);
    expect(pageErrors).toEqual([]);
    expect(print.pageErrors).toEqual([]);
  });
});
