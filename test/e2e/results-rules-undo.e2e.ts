import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextForSuite, newPage } from './support/browser';
import { openResults } from './support/results';

// The Results view's counting rules: a person lists the local postcodes, tabs on through the
// sell-through target without changing it, and presses Undo. The postcodes they typed are
// taken back and the box says so; Redo brings them back into the box. An emptied target is
// the default again, not 0 %.

const OUT = resolve('test-results/results-rules-undo');

describe('results: undoing a counting rule', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });

  it('takes back the postcodes typed, and the box shows the list in effect', async () => {
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    const postcodes = page.getByLabel('Local shipping postcodes (exact, or a prefix ending in *)');
    const target = page.getByLabel('Sell-through target when the brief names none (%)');
    const undo = page.getByRole('button', { name: /^Undo/ });
    const redo = page.getByRole('button', { name: /^Redo/ });
    expect(await undo.isDisabled()).toBe(true);

    await postcodes.fill('E1*, SW1A 1AA');
    await postcodes.press('Tab');
    await expect.poll(() => undo.isDisabled()).toBe(false);
    // Through the target and out, unchanged: no step of its own.
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
    await target.press('Tab');

    await undo.click();
    await expect.poll(() => postcodes.inputValue()).toBe('');
    // Nothing left to undo: the postcodes were the only step.
    expect(await undo.isDisabled()).toBe(true);
    await redo.click();
    await expect.poll(() => postcodes.inputValue()).toBe('E1*, SW1A 1AA');
    await page.screenshot({ path: join(OUT, 'rules.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('reads an emptied sell-through target as the default, not as 0 %', async () => {
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    const target = page.getByLabel('Sell-through target when the brief names none (%)');
    const panelTarget = async () => {
      const row = page.getByTestId('results-drops').locator('tr', { hasText: 'Harbour Linen' });
      await row.getByRole('button', { name: 'Harbour Linen' }).click();
      const text = await page.locator('.panel [data-metric="sell-through"]').textContent();
      await page.keyboard.press('Escape');
      await page.locator('.panel').waitFor({ state: 'detached' });
      return /target (\d+) %/.exec(text ?? '')?.[1];
    };
    // A target typed is the drop's target (the positive control).
    await target.fill('45');
    await target.press('Tab');
    expect(await panelTarget()).toBe('45');
    await target.fill('');
    await target.press('Tab');
    await expect.poll(() => target.inputValue()).toBe('60');
    expect(await panelTarget()).toBe('60');
    expect(pageErrors).toEqual([]);
  });
});
