import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { setPdfInfo } from '../../electron/main/pdf/pdfInfo';
import { baseUrl, launchChromium, newPage } from './support/browser';

// A producer writes a creator brief, exports it and sends it: the PDF must carry the story,
// the three shots and the discount code, look right, and the brief must remember what was sent.

const OUT = resolve('test-results/brief');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
// A 2×2 PNG swatch.
const SWATCH_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGNY4KYNRAwQCgAfvgRFWTZqvQAAAABJRU5ErkJggg==';
const NARRATIVE = 'Linen cut for the harbour wind: one shirt, three ways, sewn in Porto.';

async function openFirstDropBrief(page: Page): Promise<{ workspaceId: string; dropId: string }> {
  await page.locator('[data-testid="drop-card"]').first().click();
  await page.getByTestId('open-brief').click();
  const sheet = page.locator('.brief-sheet');
  await sheet.waitFor();
  return {
    workspaceId: (await sheet.getAttribute('data-workspace-id'))!,
    dropId: (await sheet.getAttribute('data-drop-id'))!,
  };
}

const blockCount = (page: Page) => page.locator('.brief-prose > *').count();

async function printPdf(page: Page, ids: { workspaceId: string; dropId: string }, file: string) {
  await page.goto(`${baseUrl()}#/print/brief/${ids.workspaceId}/${ids.dropId}?size=A4&v=1`);
  await page.waitForSelector('html[data-print-ready]');
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  // What the desktop does after printToPDF: the page's title and author go into the PDF.
  const author = await page.locator('meta[name="author"]').getAttribute('content');
  writeFileSync(file, setPdfInfo(bytes, { title: await page.title(), author: author! }));
}

describe('creator brief', () => {
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

  it('is written, exported as a PDF with the story, the three shots and the code, and sent', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="board"] [data-testid="drop-card"]');

    // The directory refuses a revenue share over 100 % at the field, then saves a code.
    await page.getByRole('button', { name: 'Creators' }).click();
    await page.locator('.creator-row').first().getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Revenue share %').fill('140');
    await page.getByLabel('Discount code').fill('HARBOUR15');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.field-error').first().textContent())
      .toMatch(/0 and 100/);
    await page.getByLabel('Revenue share %').fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.creator-row code', { hasText: 'HARBOUR15' }).waitFor();
    const creatorName = (await page.locator('.creator-row strong').first().textContent())!;
    await page.getByRole('button', { name: 'Done' }).click();

    const ids = await openFirstDropBrief(page);
    const sheet = page.locator('.brief-sheet');
    const picker = sheet.getByLabel('Creator', { exact: true });
    const creatorId = await picker
      .locator('option', { hasText: creatorName })
      .getAttribute('value');
    await picker.selectOption(creatorId!);
    const narrative = sheet.getByLabel('Narrative (one story; shared with the drop)');
    await narrative.fill(NARRATIVE);
    await narrative.press('Tab');
    await sheet.getByLabel('Fee').fill('350');
    await sheet.getByLabel('Fee').press('Tab');

    // The untouched text shows the template's outline and stores nothing.
    await expect.poll(() => page.locator('.brief-outline').isVisible()).toBe(true);
    await page.locator('.brief-prose').click();
    await page.keyboard.press(`${mod}+Alt+2`);
    await page.keyboard.type('Mood');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Golden hour on the quay, wind in the sleeves.');
    // A pause ends the undo step: wait until the editor's undo history has closed it.
    await page.waitForFunction(() => {
      type History = { undoManager: { lastChange: number; captureTimeout: number } };
      const editor = (
        document.querySelector('.brief-prose') as unknown as {
          editor?: { state: Record<string, History | undefined> };
        } | null
      )?.editor;
      const history = editor?.state['y-undo$']; // y-tiptap's undo plugin state
      if (!history) throw new Error('the brief editor has no undo history');
      return Date.now() - history.undoManager.lastChange > history.undoManager.captureTimeout;
    });
    await page.keyboard.type(' Scratch that.');
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => page.locator('.brief-prose').textContent()).not.toMatch(/Scratch/);
    expect(await page.locator('.brief-prose').textContent()).toMatch(/wind in the sleeves\./);

    // A picture over 1.5 MB gets a clear message and is not stored.
    await page.locator('.brief-toolbar input[type="file"]').setInputFiles({
      name: 'moodboard.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(2 * 1024 * 1024, 1),
    });
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/up to 1\.5 MB/);
    expect(await page.locator('.brief-prose img').count()).toBe(0);
    // A small one is stored in the brief itself.
    await page.locator('.brief-toolbar input[type="file"]').setInputFiles({
      name: 'swatch.png',
      mimeType: 'image/png',
      buffer: Buffer.from(SWATCH_PNG, 'base64'),
    });
    await expect
      .poll(() => page.locator('.brief-prose img').getAttribute('src'))
      .toMatch(/^data:image\/png;base64,/);

    // Export: the browser opens the print view in a tab and prints it; mark it sent.
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: /Export PDF v1/ }).click();
    const printTab = await popup;
    await printTab.waitForSelector('html[data-print-ready]');
    expect(await printTab.title()).toMatch(/creator brief v1/);
    await printTab.close();
    await page.getByRole('button', { name: 'Mark v1 as sent' }).click();
    await expect.poll(() => page.getByTestId('brief-status').textContent()).toBe('Sent · v1');

    // An edit after sending shows as a change, with what changed.
    await sheet.getByLabel('Fee').fill('400');
    await sheet.getByLabel('Fee').press('Tab');
    await expect
      .poll(() => page.getByTestId('brief-status').textContent())
      .toMatch(/Changed since sent/);
    await page.getByRole('button', { name: 'What changed since v1' }).click();
    await expect.poll(() => page.locator('.brief-changes').textContent()).toMatch(/Fee.*350.*400/);

    // The PDF of the print view, as the desktop app prints it.
    const pdfPage = (await newPage(context)).page;
    const pdf = join(OUT, 'brief.pdf');
    await printPdf(pdfPage, ids, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('harbour wind');
    for (const shot of ['Hero product', 'Lifestyle moment', 'Close-up detail'])
      expect(text).toContain(shot);
    expect(text).toContain('HARBOUR15');
    expect(text).toContain('Golden hour on the quay');
    expect(execFileSync('pdfimages', ['-list', pdf]).toString().split('\n').length).toBeGreaterThan(
      3,
    );
    expect(text).toMatch(/Page 1 of \d/);
    const info = execFileSync('pdfinfo', [pdf]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    expect(info).toMatch(/Title:\s+.*creator brief v1/);
    expect(info).toMatch(/Author:\s+\S+/);
    expect(info).toMatch(/Page size:.*\(A4\)/);
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
    writeFileSync(join(OUT, 'brief.txt'), text);
    await pdfPage.close();
    expect(pageErrors).toEqual([]);
  });

  it('prints Letter when asked', async () => {
    const { page } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    const ids = await openFirstDropBrief(page);
    await page.goto(`${baseUrl()}#/print/brief/${ids.workspaceId}/${ids.dropId}?size=Letter`);
    await page.waitForSelector('html[data-print-ready]');
    const pdf = join(OUT, 'brief-letter.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:.*\(letter\)/);
  });

  it('starts briefs from the workspace template, edited in the app', async () => {
    const { page } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await openFirstDropBrief(page);
    await page.getByRole('button', { name: 'Template…' }).click();
    const template = page.locator('.brief-sheet');
    await template.getByLabel('Final due').fill('12');
    await template.getByLabel('Final due').press('Tab');
    await expect
      .poll(() => template.locator('.field-error').first().textContent())
      .toMatch(/seven days/);
    await template.getByLabel('Usage rights').fill('Organic use only, for three months.');
    await template.getByLabel('Usage rights').press('Tab');
    await page.getByRole('button', { name: 'Close template' }).click();
    await expect
      .poll(() => page.locator('.brief-sheet').getByLabel('Usage rights').inputValue())
      .toBe('Organic use only, for three months.');
  });

  it('opening a brief again and again does not grow its text', async () => {
    const { page } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await openFirstDropBrief(page);
    await page.locator('.brief-prose').waitFor();
    // End the text with a list: a trailing-node extension would append a paragraph on each load.
    await page.locator('.brief-prose').click();
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Steam the shirt');
    const before = await blockCount(page);
    for (let i = 0; i < 6; i++) {
      if (i % 2) await page.reload();
      else await page.getByRole('button', { name: 'Close brief' }).click();
      await page.waitForSelector('[data-testid="drop-card"]');
      await openFirstDropBrief(page);
      await page.locator('.brief-prose').waitFor();
      expect(await blockCount(page)).toBe(before);
    }
  });
});
