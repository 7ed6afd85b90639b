import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { setPdfInfo } from '../../electron/main/pdf/pdfInfo';
import {
  DOCUMENT_INFO_SCRIPT,
  pdfInfoFor,
  pdfOptions,
  readDocumentInfo,
} from '../../electron/main/pdf/printBrief';
import { baseUrl, launchChromium, newPage } from './support/browser';

// The brief PDF as a creator uses it: the tracking link is a link they can click and copy in
// one piece, the headings can be searched, and the file says what it is (title, author,
// subject, tagged for screen readers). Printed as the desktop app prints it: the same options
// and the same document properties, read from the print view with the same script.

const OUT = resolve('test-results/brief-pdf');
const LINK =
  'https://saltmarsh.example/collections/winter-pier?utm_source=creator&utm_medium=brief';

describe('the brief PDF', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('has a real link, searchable headings, title, author and subject, and is tagged', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.locator('[data-testid="drop-card"]', { hasText: 'Winter Pier Scarf' }).click();
    await page.getByTestId('open-brief').click();
    const sheet = page.locator('.brief-sheet');
    await sheet.waitFor();
    const workspaceId = (await sheet.getAttribute('data-workspace-id'))!;
    const dropId = (await sheet.getAttribute('data-drop-id'))!;
    await sheet.getByLabel('Tracking link').fill(LINK);
    await sheet.getByLabel('Tracking link').press('Tab');
    await expect.poll(() => sheet.getByLabel('Tracking link').inputValue()).toBe(LINK);

    const print = (await newPage(context)).page;
    await print.goto(`${baseUrl()}#/print/brief/${workspaceId}/${dropId}?size=A4&v=1`);
    await print.waitForSelector('html[data-print-ready]');
    const options = pdfOptions({
      workspaceId,
      dropId,
      pageSize: 'A4',
      version: 1,
      defaultName: 'b',
    });
    const printed = await print.pdf({
      format: options.pageSize,
      preferCSSPageSize: options.preferCSSPageSize,
      printBackground: options.printBackground,
      tagged: options.generateTaggedPDF,
      outline: options.generateDocumentOutline,
    });
    const info = readDocumentInfo(await print.evaluate(DOCUMENT_INFO_SCRIPT));
    const pdf = join(OUT, 'brief.pdf');
    writeFileSync(pdf, setPdfInfo(printed, pdfInfoFor(info)));

    // A link annotation a PDF reader opens, with the whole address.
    const urls = execFileSync('pdfinfo', ['-url', pdf]).toString();
    expect(urls).toContain(`Annotation    ${LINK}`);
    // Printed on one line, so copying it from the page gives the whole address.
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    expect(text.split('\n').map((l) => l.trim())).toContain(LINK);
    // Letter-spaced capitals still read as words.
    expect(text).toContain('SALTMARSH STUDIO');
    expect(text).toContain('HOW WE MEASURE SUCCESS');
    expect(text).toContain('KEY DATES');

    const props = execFileSync('pdfinfo', [pdf]).toString();
    expect(props).toMatch(/^Title:\s+Winter Pier Scarf — creator brief v1 · Saltmarsh Studio$/m);
    expect(props).toMatch(/^Author:\s+Saltmarsh Studio$/m);
    expect(props).toMatch(
      /^Subject:\s+Creator brief for Winter Pier Scarf · .+ · launch \w{3} \d/m,
    );
    expect(props).toMatch(/^Tagged:\s+yes$/m);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      join(OUT, 'page1'),
    ]);
    expect(pageErrors).toEqual([]);
  });
});
