import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { fillBriefField, newDropBrief, openBriefPrint } from './support/workspaces';

// Emoji in a brief (“✨ must-mention”, “📸 3 shots”, a flag, a skin tone, a ZWJ sequence) print
// with the emoji font the app ships, never with the machine's: the PDF a creator receives looks
// the same whatever computer made it. This machine has no emoji font at all, so without the
// shipped one every emoji printed as an empty box (.notdef).

const OUT = resolve('test-results/brief-pdf-emoji');
const TITLE = 'Sunset Set ✨';
const STORY = 'Golden hour on the pier 📸 🔥';
const MENTION = '✨ must-mention';
const BULLET = 'Shot by 👩🏽‍🎨 in 🇫🇷 with 🔥 energy';
const EMOJI = ['✨', '📸', '🔥', '🇫🇷', '👩🏽‍🎨'];

describe('a brief PDF with emoji', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('prints every emoji with the shipped emoji font, loaded only for printing, in the brief and the results', async () => {
    const { page, pageErrors } = await newPage(context());
    const fontsAtStart: string[] = [];
    page.on('request', (r) => r.resourceType() === 'font' && fontsAtStart.push(r.url()));
    const sheet = await newDropBrief(page, 'Emoji Atelier', TITLE, 'Sunset Set');
    await fillBriefField(sheet, 'Narrative (one story; shared with the drop)', STORY);
    await fillBriefField(sheet, 'Must-mentions (one per line)', MENTION);
    await page.locator('.brief-prose').click();
    await page.keyboard.type('- ');
    await page.keyboard.insertText(BULLET);
    await expect.poll(() => page.locator('.brief-prose li').textContent()).toBe(BULLET);
    const workspaceId = await sheet.getAttribute('data-workspace-id');
    const dropId = await sheet.getAttribute('data-drop-id');
    // The board and the brief editor never fetch the emoji font: it is for the PDF only.
    expect(fontsAtStart.filter((url) => /emoji/i.test(url))).toEqual([]);

    const print = await newPage(context());
    const fontsForPrint: string[] = [];
    print.page.on('request', (r) => r.resourceType() === 'font' && fontsForPrint.push(r.url()));
    await openBriefPrint(print.page, sheet);
    const pdf = join(OUT, 'emoji.pdf');
    await print.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });

    // The emoji font is in the file, its glyphs are real ones: text extraction gives back every
    // emoji (a .notdef box gives nothing back).
    const fonts = execFileSync('pdffonts', [pdf]).toString();
    expect(fonts).toMatch(/Emoji.*\byes\b/);
    // Upright and not faked bold in the semibold title and the italic story: a synthesised
    // glyph is written as a Type 3 font.
    expect(fonts).not.toContain('Type 3');
    const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString();
    for (const emoji of EMOJI) expect(text).toContain(emoji);
    expect(text).toContain('Sunset Set');
    expect(text).toContain('must-mention');
    // Only the subsets the page uses were fetched (the flags', the people's, …), not all of them.
    const emojiFonts = fontsForPrint.filter((url) => /emoji/i.test(url));
    expect(emojiFonts.length).toBeGreaterThan(0);
    expect(emojiFonts.length).toBeLessThan(11);
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(OUT, 'page')]);

    // The drop's one-page results PDF prints its title with the same emoji font.
    const results = await newPage(context());
    await results.page.goto(`${baseUrl()}#/print/results/${workspaceId}/${dropId}?size=A4`);
    await results.page.waitForSelector('html[data-print-ready]');
    const resultsPdf = join(OUT, 'results.pdf');
    await results.page.pdf({ path: resultsPdf, preferCSSPageSize: true, printBackground: true });
    expect(execFileSync('pdffonts', [resultsPdf]).toString()).toMatch(/Emoji.*\byes\b/);
    expect(execFileSync('pdftotext', ['-raw', resultsPdf, '-']).toString()).toContain(TITLE);
    execFileSync('pdftoppm', ['-png', '-r', '80', resultsPdf, join(OUT, 'results')]);
    expect(pageErrors).toEqual([]);
    expect(print.pageErrors).toEqual([]);
    expect(results.pageErrors).toEqual([]);
  });
});
