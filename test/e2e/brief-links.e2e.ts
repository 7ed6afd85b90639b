import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contextForSuite, newPage } from './support/browser';
import { newDropBrief, openBriefPrint } from './support/workspaces';

// Links in the brief's text as a producer makes them with Ctrl+K: an email address typed bare
// links to the address (it linked nothing, silently), an address given with nothing selected
// goes in as its own linked text (nothing appeared, and the next words typed became the link),
// and something that is no address is said to be so. The PDF a creator gets keeps them.

const OUT = resolve('test-results/brief-links');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Ctrl+K in the text, the address typed into the link field, Enter. */
async function linkWith(page: Page, address: string): Promise<void> {
  await page.keyboard.press(`${mod}+k`);
  const field = page.getByLabel('Link address');
  await field.fill(address);
  await field.press('Enter');
  await expect.poll(() => field.count()).toBe(0);
  // The text takes the focus back a frame later: a key pressed before would go nowhere.
  await page.waitForFunction(() => document.activeElement?.closest('.brief-prose') != null);
}

/** End of the line, once the editor has read the caret there (it hears of it a task later). */
async function toLineEnd(page: Page): Promise<void> {
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const editor = (
      document.querySelector('.brief-prose') as unknown as {
        editor?: { state: { selection: { empty: boolean } } };
      } | null
    )?.editor;
    return editor?.state.selection.empty === true;
  });
}

const links = (page: Page) =>
  page
    .locator('.brief-prose a')
    .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));

describe('links in the brief text', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('links a bare email address and an address given with nothing selected', async () => {
    const { page, pageErrors } = await newPage(context());
    const sheet = await newDropBrief(page, 'Atelier Łódź', 'Velvet Nights');
    await page.locator('.brief-prose').click();

    // Positive control: a web address on selected words, as before.
    await page.keyboard.type('See the moodboard');
    await page.keyboard.press('Shift+Home');
    await linkWith(page, 'atelier.example/moodboard');
    expect(await links(page)).toEqual([['See the moodboard', 'https://atelier.example/moodboard']]);

    // A bare email address on selected words: a mailto link.
    await toLineEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Write to Zoë');
    await page.keyboard.press('Shift+Home');
    await linkWith(page, 'zoe@atelier.example');
    await expect
      .poll(() => links(page))
      .toEqual([
        ['See the moodboard', 'https://atelier.example/moodboard'],
        ['Write to Zoë', 'mailto:zoe@atelier.example'],
      ]);

    // Nothing selected: the address itself goes in, linked, and typing on is plain text.
    await toLineEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Lookbook: ');
    await linkWith(page, 'atelier.example/lookbook');
    await page.keyboard.type(' (new)');
    await expect
      .poll(() => page.locator('.brief-prose > p').last().innerText())
      .toBe('Lookbook: atelier.example/lookbook (new)');
    expect((await links(page)).at(-1)).toEqual([
      'atelier.example/lookbook',
      'https://atelier.example/lookbook',
    ]);

    // Something that is no address is said so, and nothing is linked.
    await page.keyboard.press('Shift+Home');
    await linkWith(page, 'javascript:alert(1)');
    await expect
      .poll(() => page.locator('.notice-region').innerText())
      .toContain('“javascript:alert(1)” is not a web or email address: nothing was linked.');
    expect(await links(page)).toHaveLength(3);

    // The creator's PDF has all three as links.
    const print = await page.context().newPage();
    await openBriefPrint(print, sheet);
    const pdf = join(OUT, 'links.pdf');
    writeFileSync(pdf, await print.pdf({ preferCSSPageSize: true, printBackground: true }));
    const urls = execFileSync('pdfinfo', ['-url', pdf]).toString();
    expect(urls).toContain('https://atelier.example/moodboard');
    expect(urls).toContain('mailto:zoe@atelier.example');
    expect(urls).toContain('https://atelier.example/lookbook');
    expect(pageErrors).toEqual([]);
  });
});
