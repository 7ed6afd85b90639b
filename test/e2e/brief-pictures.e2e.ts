import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// Pictures pasted into a brief: a picture from the web is never stored as a link (a message
// says why, the rest of the paste goes in); a picture file pasted is stored in the brief and
// prints in the PDF.

const OUT = resolve('test-results/brief-pictures');
// A 40×30 PNG in two colours (large enough for pdfimages to list and pdftoppm to show).
const SWATCH_PNG = execFileSync('convert', ['-size', '40x30', 'gradient:#c2410c-#1d4ed8', 'png:-']);

interface EditorHandle {
  getJSON(): unknown;
}

async function openFirstBrief(page: Page): Promise<{ workspaceId: string; dropId: string }> {
  await page.locator('[data-testid="drop-card"]').first().click();
  await page.getByTestId('open-brief').click();
  const sheet = page.locator('.brief-sheet');
  await sheet.waitFor();
  return {
    workspaceId: (await sheet.getAttribute('data-workspace-id'))!,
    dropId: (await sheet.getAttribute('data-drop-id'))!,
  };
}

/** Pastes clipboard content into the brief's text, as the browser delivers a paste. */
async function paste(page: Page, data: { html?: string; text?: string; png?: Buffer }) {
  await page.locator('.brief-prose').click();
  await page.keyboard.press('End');
  await page.evaluate(
    ({ html, text, png }) => {
      const dt = new DataTransfer();
      if (html !== undefined) dt.setData('text/html', html);
      if (text !== undefined) dt.setData('text/plain', text);
      if (png) {
        const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], 'swatch.png', { type: 'image/png' }));
      }
      const target = document.querySelector('.brief-prose')!;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    },
    { html: data.html, text: data.text, png: data.png?.toString('base64') },
  );
}

/** The brief text as the editor holds it (what is written to the shared document). */
function storedBody(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('.brief-prose') as unknown as {
      editor?: EditorHandle;
    } | null;
    if (!el?.editor) throw new Error('the brief editor is not mounted');
    return JSON.stringify(el.editor.getJSON());
  });
}

describe('pictures pasted into a brief', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('stores no remote address, says why, and prints a pasted picture file in the PDF', async () => {
    const { page, pageErrors } = await newPage(context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');
    const ids = await openFirstBrief(page);

    // HTML copied from a web page: text and a picture that lives on the web.
    await paste(page, {
      html: '<p>Quay light <img src="https://cdn.example.com/linen.jpg" alt="Linen"> at dusk</p>',
      text: 'Quay light at dusk',
    });
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toMatch(/Pictures from the web are not added as links/);
    await expect.poll(() => page.locator('.brief-prose').textContent()).toMatch(/Quay light/);
    expect(await page.locator('.brief-prose img').count()).toBe(0);
    const afterRemote = await storedBody(page);
    expect(afterRemote).toContain('Quay light');
    expect(afterRemote).not.toContain('cdn.example.com');
    expect(requests.some((u) => u.includes('cdn.example.com'))).toBe(false);

    // Positive control: a picture file on the clipboard (what "Copy image" gives) is stored.
    await paste(page, { png: SWATCH_PNG });
    await expect
      .poll(() => page.locator('.brief-prose img').getAttribute('src'))
      .toMatch(/^data:image\/png;base64,/);
    const stored = await storedBody(page);
    expect(stored).toContain('data:image/png;base64,');
    expect(stored).not.toMatch(/https?:\/\/[^"]*\.(jpg|png)/);

    // The PDF carries the stored picture.
    const print = (await newPage(context)).page;
    await print.goto(`${baseUrl()}#/print/brief/${ids.workspaceId}/${ids.dropId}?size=A4&v=1`);
    await print.waitForSelector('html[data-print-ready]');
    const pdf = join(OUT, 'brief.pdf');
    writeFileSync(pdf, await print.pdf({ preferCSSPageSize: true, printBackground: true }));
    const images = execFileSync('pdfimages', ['-list', pdf]).toString().trim().split('\n');
    // Header lines, then one line per image: the 40×30 swatch is among them.
    expect(images.slice(2).some((line) => /^\s*\d+\s+\d+\s+\w+\s+40\s+30\b/.test(line))).toBe(true);
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
    await print.close();
    expect(pageErrors).toEqual([]);
  });
});
