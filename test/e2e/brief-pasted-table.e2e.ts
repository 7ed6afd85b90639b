import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contextForSuite, newPage } from './support/browser';
import { newDropBrief, openBriefPrint } from './support/workspaces';

// A size chart pasted into a brief, as a document or a sheet puts it on the clipboard (a table
// in HTML, or plain text with tabs): each row stays one line, its cells side by side, in the
// editor, for the teammate and in the PDF the creator receives.

const OUT = resolve('test-results/brief-pasted-table');

// What Google Docs puts on the clipboard for a three-column table (trimmed of its styles).
const DOCS_TABLE =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5e1f"><div dir="ltr">' +
  '<table style="border:none;border-collapse:collapse"><colgroup><col><col><col></colgroup><tbody>' +
  '<tr><td><p dir="ltr"><span>Size</span></p></td><td><p dir="ltr"><span>Chest</span></p></td><td><p dir="ltr"><span>Length</span></p></td></tr>' +
  '<tr><td><p dir="ltr"><span>S</span></p></td><td><p dir="ltr"><span>96 cm</span></p></td><td><p dir="ltr"><span>68 cm</span></p></td></tr>' +
  '<tr><td><p dir="ltr"><span>M</span></p></td><td><p dir="ltr"><span>102&nbsp;cm</span></p></td><td><p dir="ltr"><span>70 cm</span></p></td></tr>' +
  '</tbody></table></div></b>';

/** Pastes clipboard content at the end of the brief's text, as the browser delivers a paste. */
async function paste(page: Page, data: { html?: string; text: string }): Promise<void> {
  await page.locator('.brief-prose').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.evaluate(({ html, text }) => {
    const dt = new DataTransfer();
    if (html !== undefined) dt.setData('text/html', html);
    dt.setData('text/plain', text);
    document
      .querySelector('.brief-prose')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, data);
}

const paragraphs = (page: Page) =>
  page.locator('.brief-prose p').evaluateAll((ps) => ps.map((p) => p.textContent ?? ''));

describe('a table pasted into a brief', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('keeps each row on one line, in the editor and in the PDF', async () => {
    const { page, pageErrors } = await newPage(context());
    const sheet = await newDropBrief(page, 'Harbour Knitwear', 'Fisherman Rib');
    await page.locator('.brief-prose').click();
    await page.keyboard.type('Fit notes');

    const plain = 'Size\tChest\tLength\nS\t96 cm\t68 cm\nM\t102 cm\t70 cm';
    await paste(page, { html: DOCS_TABLE, text: plain });
    await expect
      .poll(() => paragraphs(page))
      .toEqual(['Fit notes', 'Size · Chest · Length', 'S · 96 cm · 68 cm', 'M · 102 cm · 70 cm']);

    // A sheet's cells copied as plain text only (a text editor, a terminal): the same lines.
    await paste(page, { text: 'Colour\tStock\nSlate\t40\nKelp\t25' });
    await expect
      .poll(async () => (await paragraphs(page)).slice(4))
      .toEqual(['Colour · Stock', 'Slate · 40', 'Kelp · 25']);

    const print = await newPage(context());
    await openBriefPrint(print.page, sheet);
    const pdf = join(OUT, 'size-chart.pdf');
    await print.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const lines = execFileSync('pdftotext', ['-layout', pdf, '-'])
      .toString()
      .split('\n')
      .map((line) => line.trim());
    for (const row of ['S · 96 cm · 68 cm', 'M · 102 cm · 70 cm', 'Slate · 40'])
      expect(lines).toContain(row);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, 'page')]);
    expect(pageErrors).toEqual([]);
    expect(print.pageErrors).toEqual([]);
  });
});
