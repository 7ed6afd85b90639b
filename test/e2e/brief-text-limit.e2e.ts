import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BRIEF_TEXT_CEILING } from '../../shared/model';
import { baseUrl, launchChromium, newPage } from './support/browser';

// A brief's text has a ceiling (100,000 characters, shared/model/limits.ts). Through the built
// app: a paste that would pass it is refused with a message and what was there stays; a paste up
// to it goes in; typing at the limit stops at the limit, with the same message.

interface EditorHandle {
  state: {
    doc: { content: { size: number }; textBetween(a: number, b: number, s: string): string };
  };
}

/** The brief's text as the editor holds it (breaks between blocks as one character). */
function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('.brief-prose') as unknown as {
      editor?: EditorHandle;
    } | null;
    if (!el?.editor) throw new Error('the brief editor is not mounted');
    const doc = el.editor.state.doc;
    return doc.textBetween(0, doc.content.size, '\n');
  });
}

/** Pastes plain text at the end of the brief's text, as the browser delivers a paste. */
async function paste(page: Page, text: string) {
  await page.locator('.brief-prose').click();
  await page.keyboard.press('Control+End');
  await page.evaluate((pasted) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', pasted);
    document
      .querySelector('.brief-prose')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
  }, text);
}

const notice = (page: Page) =>
  page.locator('.notice').filter({ hasText: /A brief's text is at most/ });

describe('the length of a brief’s text', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a paste past the limit with a message and keeps the text; takes one up to it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.locator('[data-testid="board"] [data-testid="drop-card"]').first().click();
    await page.getByTestId('open-brief').click();
    await page.locator('.brief-prose').waitFor();

    // Something already written.
    await paste(page, 'Keep this line.');
    await expect.poll(() => bodyText(page)).toContain('Keep this line.');
    const before = await bodyText(page);

    // A paste that would pass the limit: refused, with the message, and nothing is lost.
    await paste(page, 'x'.repeat(BRIEF_TEXT_CEILING));
    await expect
      .poll(() => notice(page).textContent())
      .toBe(
        `A brief's text is at most 100,000 characters; this would make it ${(before.length + BRIEF_TEXT_CEILING).toLocaleString('en')}. Nothing was added.`,
      );
    expect(await bodyText(page)).toBe(before);

    // Positive control: a paste that brings the text to one short of the limit goes in.
    await notice(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice(page).count()).toBe(0);
    const fill = BRIEF_TEXT_CEILING - before.length - 1;
    await paste(page, 'y'.repeat(fill));
    await expect.poll(async () => (await bodyText(page)).length).toBe(BRIEF_TEXT_CEILING - 1);
    expect(await bodyText(page)).toContain('Keep this line.');

    // Typing at the limit: the first letter fits, the second is refused with the message.
    await page.keyboard.type('ab');
    await notice(page).waitFor();
    const after = await bodyText(page);
    expect(after.length).toBe(BRIEF_TEXT_CEILING);
    expect(after.endsWith('ya')).toBe(true);
    expect(await notice(page).textContent()).toContain('this would make it 100,001');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
