import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contextForSuite, newPage } from './support/browser';
import { newDropBrief } from './support/workspaces';

// Undo and redo in the brief's text, as a person uses them: after a redo the caret is at the end
// of what came back, so typing on continues the text. It stayed where the undo had left it, and
// the next words went into the middle: "Golden hour. on the quay" instead of "… on the quay.".

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Waits until the editor's undo history has closed its current step (a pause in typing). */
async function pauseTyping(page: Page): Promise<void> {
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
}

const paragraphs = (page: Page) => page.locator('.brief-prose > p').allInnerTexts();

describe('redo in the brief text', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('leaves the caret after what came back, by Ctrl+Y, Ctrl+Shift+Z and the Redo button', async () => {
    const { page, pageErrors } = await newPage(context());
    await newDropBrief(page, 'Redo in Łódź', 'Velvet Nights');
    const prose = page.locator('.brief-prose');
    await prose.click();
    await page.keyboard.type('Golden hour');
    await pauseTyping(page);
    await page.keyboard.type(' on the quay');

    // Positive control: after an undo, typing goes where the undone words were.
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => paragraphs(page)).toEqual(['Golden hour']);
    await page.keyboard.type('!');
    await expect.poll(() => paragraphs(page)).toEqual(['Golden hour!']);
    await pauseTyping(page);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => paragraphs(page)).toEqual(['Golden hour']);
    await page.keyboard.type(' on the quay');
    await pauseTyping(page);

    const redoKeys: [string, () => Promise<void>][] = [
      ['Ctrl+Y', () => page.keyboard.press(`${mod}+y`)],
      ['Ctrl+Shift+Z', () => page.keyboard.press(`${mod}+Shift+z`)],
      [
        'the Redo button',
        async () => {
          await page
            .getByRole('toolbar', { name: 'Text formatting' })
            .getByRole('button', { name: 'Redo', exact: true })
            .click();
        },
      ],
    ];
    let text = 'Golden hour on the quay';
    for (const [how, redo] of redoKeys) {
      await page.keyboard.press(`${mod}+z`);
      await expect.poll(() => paragraphs(page), { message: how }).toEqual(['Golden hour']);
      await redo();
      await expect.poll(() => paragraphs(page), { message: how }).toEqual([text]);
      // Back in the text (the button took the focus), typing on continues at its end.
      await page.keyboard.type('.');
      text = `${text}.`;
      await expect.poll(() => paragraphs(page), { message: how }).toEqual([text]);
      await pauseTyping(page);
      await page.keyboard.press('Backspace');
      text = text.slice(0, -1);
      await pauseTyping(page);
      // The full stop and its removal are two steps of their own: take them back.
      await page.keyboard.press(`${mod}+z`);
      await page.keyboard.press(`${mod}+z`);
      await expect.poll(() => paragraphs(page), { message: how }).toEqual([text]);
      await pauseTyping(page);
    }

    // A paragraph that comes back: the caret at its end, not at the end of the one before.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Wind in the sleeves');
    await pauseTyping(page);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => paragraphs(page)).toEqual([text]);
    await page.keyboard.press(`${mod}+y`);
    await expect.poll(() => paragraphs(page)).toEqual([text, 'Wind in the sleeves']);
    await page.keyboard.type('.');
    await expect.poll(() => paragraphs(page)).toEqual([text, 'Wind in the sleeves.']);
    expect(pageErrors).toEqual([]);
  });
});
