import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextForSuite, newPage } from './support/browser';
import { fillBriefField, newDropBrief, openBriefPrint } from './support/workspaces';

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
    const sheet = await newDropBrief(
      page,
      'Nightshade Dyeworks',
      `Indigo Wrap ${TITLE_WORD}`,
      'Indigo Wrap',
    );
    await fillBriefField(
      sheet,
      'Narrative (one story; shared with the drop)',
      `Dyed at night. ${STORY_WORD}`,
    );
    await fillBriefField(sheet, 'Why this creator', `Her audience loves slow craft. ${WHY_WORD}`);
    await fillBriefField(
      sheet,
      'Must-mentions (one per line)',
      `Hand-dyed\n${MENTION_WORD}\n#indigowrap`,
    );
    await page.locator('.brief-prose').click();
    await page.keyboard.type('- A bullet with ');
    await page.keyboard.type(BODY_WORD);
    await expect.poll(() => page.locator('.brief-prose').textContent()).toContain(BODY_WORD);

    const print = await newPage(context());
    await openBriefPrint(print.page, sheet);
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
