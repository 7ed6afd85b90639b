import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// The brief's outline hint goes away on the first keystroke: a person can bring it back into the
// text with "Insert outline" (button or shortcut), and Escape closes the brief and the template
// views, putting focus back on what opened them.

const OUT = resolve('test-results/brief-outline');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
// The playbook's outline (shared/brief/template.ts), as the sample's template keeps it.
const OUTLINE = [
  'The story in one line',
  'Mood and references',
  'Hero product: what the shot must show',
  'Lifestyle moment: where and with whom',
  'Close-up detail: which stitch, trim or texture',
  'Voice: how you would say it to your audience',
];

const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

async function openBrief(page: Page, title: string) {
  await page.locator('[data-testid="drop-card"]', { hasText: title }).click();
  await page.getByTestId('open-brief').click();
  await page.locator('.brief-sheet .brief-prose').waitFor();
}

describe('brief outline and Escape', () => {
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

  it('inserts the outline after the hint has gone, by button and by shortcut', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await openBrief(page, 'Winter Pier Scarf');
    const prose = page.locator('.brief-prose');
    const insert = page.getByRole('button', { name: 'Insert outline' });
    // The empty text shows the hint, and says how to keep it.
    await expect.poll(() => page.locator('.brief-outline').innerText()).toContain(OUTLINE[0]);
    expect(await page.locator('.brief-outline').innerText()).toContain('Insert outline');
    expect(await insert.getAttribute('title')).toMatch(/Ctrl\+Shift\+O|⇧⌘O/);

    // One keystroke: the hint is gone, the button is still there.
    await prose.click();
    await page.keyboard.type('S');
    await expect.poll(() => page.locator('.brief-outline').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'hint-gone.png') });
    await insert.click();
    await expect.poll(() => prose.locator('h3').allInnerTexts()).toEqual(OUTLINE);
    // The outline is written in the shared text, after what was typed.
    expect(await prose.locator('p').first().innerText()).toBe('S');
    await page.screenshot({ path: join(OUT, 'outline-inserted.png') });

    // Undo takes it back out; the shortcut inserts it again.
    await page.keyboard.press(`${mod}+Z`);
    await expect.poll(() => prose.locator('h3').count()).toBe(0);
    await page.keyboard.press(`${mod}+Shift+O`);
    await expect.poll(() => prose.locator('h3').allInnerTexts()).toEqual(OUTLINE);
    // It stays after closing and opening the brief again.
    await page.getByRole('button', { name: 'Close brief' }).click();
    await openBrief(page, 'Winter Pier Scarf');
    await expect.poll(() => prose.locator('h3').allInnerTexts()).toEqual(OUTLINE);
    expect(pageErrors).toEqual([]);
  });

  it('closes the brief and the template with Escape and returns focus to what opened them', async () => {
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await page.locator('[data-testid="drop-card"]', { hasText: 'Archive Denim' }).click();
    const briefButton = page.getByTestId('open-brief');
    await briefButton.focus();
    await page.keyboard.press('Enter');
    const sheet = page.locator('.brief-sheet');
    await sheet.locator('.brief-prose').waitFor();

    // Template… from the brief; Escape while typing in one of its fields closes the template
    // and lands on the brief's Template… button.
    await sheet.getByRole('button', { name: 'Template…' }).click();
    await page.locator('#template-title').waitFor();
    await sheet.getByLabel('Usage rights').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#template-title').count()).toBe(0);
    await sheet.locator('.brief-prose').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Template…');

    // Escape while writing in the brief's text closes the brief; focus is on its Brief button.
    await sheet.locator('.brief-prose').click();
    await page.keyboard.type('Indigo');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('open-brief');

    // Escape while typing in a field keeps what was typed: the field saves as the brief closes.
    await page.keyboard.press('Enter');
    await sheet.locator('.brief-prose').waitFor();
    const why = sheet.getByLabel('Why this creator');
    await why.fill('Her followers buy denim at the market.');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    await page.keyboard.press('Enter');
    await sheet.locator('.brief-prose').waitFor();
    expect(await why.inputValue()).toBe('Her followers buy denim at the market.');

    // The template opened from the brief and closed with Escape twice: both views close.
    await sheet.getByRole('button', { name: 'Template…' }).click();
    await page.locator('#template-title').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedText(page)).toBe('Template…');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
