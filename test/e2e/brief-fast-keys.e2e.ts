import { describe, expect, it } from 'vitest';
import { contextForSuite, newPage } from './support/browser';
import { newDropBrief } from './support/workspaces';

// Keys pressed in the brief's text with no pause between them, as a fast typist does or as
// keys queue up while the machine is busy: the editor hears of a caret move (End) a task after
// the key, so an Enter pressed in the same breath acted on the selection before it, and
// replaced the selected line with an empty one. Every line must stay.

describe('fast keys in the brief text', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 } });

  it('keeps the selected line when End and Enter follow each other at once', async () => {
    const { page, pageErrors } = await newPage(context());
    await newDropBrief(page, 'Atelier Łódź', 'Velvet Nights');
    await page.locator('.brief-prose').click();
    const lines = Array.from({ length: 12 }, (_, i) => `Look ${i + 1}: velvet, Zoë’s cut`);
    for (const line of lines) {
      await page.keyboard.type(line);
      await page.keyboard.press('Shift+Home');
      // The selection has reached the editor (the positive control that it was selected).
      await page.waitForFunction(() => {
        const editor = (
          document.querySelector('.brief-prose') as unknown as {
            editor?: { state: { selection: { empty: boolean } } };
          } | null
        )?.editor;
        return editor?.state.selection.empty === false;
      });
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(async () =>
        (await page.locator('.brief-prose > p').allInnerTexts()).map((t) => t.trim()),
      )
      .toEqual([...lines, '']);
    expect(pageErrors).toEqual([]);
  });
});
