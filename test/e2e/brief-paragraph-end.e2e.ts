import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server';
import { launchChromium } from './support/browser';
import { card, invite, join, nameSelf, person } from './support/team';

// Two people in the built app (real sync panel, invite, join) type at the end of the same
// paragraph of a brief. Whatever the interleaving, each person's words stay together as they
// typed them: no character of one person lands inside or after the other's words.
//
// The defect this guards (docs/sync.md, "Two people typing at the end of one paragraph"): a
// typed character equal to the one right of the caret (a space typed in front of a teammate's
// space, the "a" of "apple" in front of the "a" of "alpha") was stored after that character,
// and a teammate's keystroke in front of the caret put the caret back by one; the person's
// next words then went in front of their own space.

type EditorHost = {
  editor?: {
    state: {
      doc: { firstChild: { textContent: string } | null };
      selection: { $from: { parentOffset: number; parent: { content: { size: number } } } };
    };
  };
};

/** The first paragraph of the brief's text, as the editor holds it (trailing spaces kept). */
const firstParagraph = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('.brief-sheet .brief-prose') as unknown as EditorHost | null)?.editor
        ?.state.doc.firstChild?.textContent ?? null,
  );

/** Whether the editor's own caret is at the end of its paragraph. */
const caretAtEnd = (page: Page) =>
  page.evaluate(() => {
    const editor = (document.querySelector('.brief-sheet .brief-prose') as unknown as EditorHost)
      .editor;
    if (!editor) return false;
    const { $from } = editor.state.selection;
    return $from.parentOffset === $from.parent.content.size;
  });

async function openBrief(page: Page, title: string): Promise<void> {
  await card(page, title).first().click();
  await page.getByTestId('open-brief').click();
  await page.locator('.brief-sheet .brief-prose').waitFor();
}

async function caretToEnd(page: Page): Promise<void> {
  await page.locator('.brief-sheet .brief-prose p').first().click();
  await page.keyboard.press('End');
  await expect.poll(() => caretAtEnd(page)).toBe(true);
}

// Real WebRTC connections between browser contexts: one retry absorbs a slow connection.
describe('two people typing at the end of one paragraph, in the app', { retry: 1 }, () => {
  let browser: Browser;
  let signaling: SignalingServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    signaling = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await signaling?.close();
  });

  /** Two named people in one workspace with the same brief open, `start` typed, carets at its end. */
  async function twoInOneParagraph(start: string) {
    const ines = await person(browser, contexts);
    const theo = await person(browser, contexts);
    const a = ines.page;
    const b = theo.page;
    await nameSelf(a, 'Ines', '#c2410c');
    const code = await invite(a, signaling);
    const title = (await a
      .locator('[data-testid="drop-card"] .card-title')
      .first()
      .textContent())!.trim();
    await join(b, code);
    await card(b, title).waitFor({ timeout: 30_000 });
    await nameSelf(b, 'Theo', '#1d4ed8');
    await openBrief(a, title);
    await openBrief(b, title);
    await a.locator('.brief-sheet .brief-prose').click();
    await a.keyboard.type(start, { delay: 10 });
    await expect.poll(() => firstParagraph(b), { timeout: 20_000 }).toBe(start);
    await caretToEnd(a);
    await caretToEnd(b);
    return { a, b, watched: [ines, theo] };
  }

  it('keeps each person’s words together when their keystrokes alternate', async () => {
    const { a, b, watched } = await twoInOneParagraph('Golden hour. ');
    // One keystroke at a time, each seen by the other before the next: Ines types
    // "alpha beta ", Theo "apple berry ", alternating. Theo's caret stays in front of Ines's
    // words (her first letter arrived after his caret), so his words come first; his first
    // letter, an "a", is typed right in front of her "a".
    const ines = 'alpha beta ';
    const theo = 'apple berry ';
    for (let i = 0; i < Math.max(ines.length, theo.length); i++) {
      for (const [page, other, text] of [
        [a, b, ines],
        [b, a, theo],
      ] as const) {
        const ch = text[i];
        if (ch === undefined) continue;
        await page.keyboard.type(ch);
        const now = await firstParagraph(page);
        await expect.poll(() => firstParagraph(other), { timeout: 20_000 }).toBe(now);
      }
    }
    const expected = 'Golden hour. apple berry alpha beta ';
    expect(await firstParagraph(a)).toBe(expected);
    expect(await firstParagraph(b)).toBe(expected);
    for (const w of watched) expect(w.pageErrors).toEqual([]);
  });

  it('keeps each person’s space with their word when both start with a space', async () => {
    const { a, b, watched } = await twoInOneParagraph('Golden hour.');
    // Each types " word": Ines's space arrives at Theo's before he types his own space, which
    // goes right in front of hers (his caret was after the full stop).
    await a.keyboard.type(' ');
    await expect.poll(() => firstParagraph(b), { timeout: 20_000 }).toBe('Golden hour. ');
    await b.keyboard.type(' ');
    await expect.poll(() => firstParagraph(a), { timeout: 20_000 }).toBe('Golden hour.  ');
    for (let i = 0; i < 4; i++) {
      for (const [page, other, ch] of [
        [a, b, 'Wind'[i]!],
        [b, a, 'Rope'[i]!],
      ] as const) {
        await page.keyboard.type(ch);
        const now = await firstParagraph(page);
        await expect.poll(() => firstParagraph(other), { timeout: 20_000 }).toBe(now);
      }
    }
    // Theo's " Rope" went in front of Ines's space, where his caret was; her " Wind" follows.
    const expected = 'Golden hour. Rope Wind';
    expect(await firstParagraph(a)).toBe(expected);
    expect(await firstParagraph(b)).toBe(expected);
    for (const w of watched) expect(w.pageErrors).toEqual([]);
  });

  it('keeps each person’s words together when both type at once', async () => {
    const { a, b, watched } = await twoInOneParagraph('Golden hour. ');
    const ines = 'alpha beta ';
    const theo = 'apple berry ';
    await Promise.all([a.keyboard.type(ines, { delay: 40 }), b.keyboard.type(theo, { delay: 40 })]);
    // Once both copies agree, the text is one person's words, then the other's.
    await expect
      .poll(
        async () => {
          const [ta, tb] = await Promise.all([firstParagraph(a), firstParagraph(b)]);
          return ta === tb && ta !== null && ta.length === `Golden hour. ${ines}${theo}`.length;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const text = await firstParagraph(a);
    expect([`Golden hour. ${ines}${theo}`, `Golden hour. ${theo}${ines}`]).toContain(text);
    for (const w of watched) expect(w.pageErrors).toEqual([]);
  });
});
