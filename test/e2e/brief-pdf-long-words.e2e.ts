import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { newEmptyWorkspace } from './support/workspaces';

// A brief written in a new workspace, with words longer than a line (a compound word, a
// run of letters, a long hashtag) in the title, the story, why this creator, the must-mentions
// and the brief's own text. Nothing of it may run off the page: the PDF a creator receives
// must hold every word whole (pdftotext finds each one), and the page number stays one line.

const OUT = resolve('test-results/brief-pdf-long-words');
const TITLE_WORD = 'Nachtschattengewächsfarbstoffmanufakturgesellschaft';
const STORY_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
const WHY_WORD = 'q'.repeat(160);
const MENTION_WORD = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbau'.repeat(2);
const BODY_WORD = 'verylongwordwithoutanyspaces'.repeat(6);

describe('a brief PDF with words longer than a line', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('prints every word whole, inside the page', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.locator('[data-testid="drop-card"]').first().waitFor();
    await newEmptyWorkspace(page, 'Nightshade Dyeworks');
    await page.getByRole('button', { name: 'Add your first drop' }).click();
    const title = page.getByRole('textbox', { name: /^New drop title in/ });
    await title.fill(`Indigo Wrap ${TITLE_WORD}`);
    await title.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="drop-card"]', { hasText: 'Indigo Wrap' }).click();
    await page.getByTestId('open-brief').click();
    const sheet = page.locator('.brief-sheet');
    await sheet.waitFor();
    const fill = async (label: string, value: string) => {
      const field = sheet.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.press('Tab');
      await expect.poll(() => field.inputValue()).toBe(value);
    };
    await fill('Narrative (one story; shared with the drop)', `Dyed at night. ${STORY_WORD}`);
    await fill('Why this creator', `Her audience loves slow craft. ${WHY_WORD}`);
    await fill('Must-mentions (one per line)', `Hand-dyed\n${MENTION_WORD}\n#indigowrap`);
    await page.locator('.brief-prose').click();
    await page.keyboard.type('- A bullet with ');
    await page.keyboard.type(BODY_WORD);
    await expect.poll(() => page.locator('.brief-prose').textContent()).toContain(BODY_WORD);
    const workspaceId = await sheet.getAttribute('data-workspace-id');
    const dropId = await sheet.getAttribute('data-drop-id');

    const print = await newPage(context());
    await print.page.goto(`${baseUrl()}#/print/brief/${workspaceId}/${dropId}?size=A4&v=1`);
    await print.page.waitForSelector('html[data-print-ready]');
    await print.page.emulateMedia({ media: 'print' });
    // Nothing is wider than the printed column, and no text runs out of its box.
    const overflowing = await print.page.evaluate(() => {
      const article = document.querySelector('.bp')!;
      const right = article.getBoundingClientRect().right + 1;
      return [article, ...article.querySelectorAll('*')]
        .filter(
          (el) => el.getBoundingClientRect().right > right || el.scrollWidth > el.clientWidth + 1,
        )
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    });

    const pdf = join(OUT, 'long-words.pdf');
    await print.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString();
    // Read in the page's own order (-raw), a word broken across lines still reads whole once
    // the line ends are taken out; a word cut by the page's edge does not.
    const joined = text.replace(/\s+/g, '');
    for (const word of [TITLE_WORD, STORY_WORD, WHY_WORD, MENTION_WORD, BODY_WORD])
      expect(joined).toContain(word);
    expect(text).toMatch(/Page 1 of \d/);
    expect(overflowing).toEqual([]);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, 'page')]);
    expect(pageErrors).toEqual([]);
    expect(print.pageErrors).toEqual([]);
  });
});
