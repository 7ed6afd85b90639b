import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// Typing dates into a drop as a person does, digit by digit: a date is saved once it is
// complete, a year still being typed (0002, 0020, 0202) never reaches the document, an
// implausible year is refused with a message, and the order of dates is checked only then.

const panel = (page: Page) => page.getByRole('complementary', { name: 'Drop details' });
const card = (page: Page, title: string) =>
  page.locator('[data-testid="drop-card"]', { hasText: title });

describe('date entry', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  /** A fresh profile (the sample workspace) with a new drop open in the panel. */
  async function newDrop(title: string) {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
    });
    contexts.push(context);
    const watched = await newPage(context);
    const { page } = watched;
    await page.goto(baseUrl());
    await page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );
    await page.getByRole('button', { name: 'Add drop to Concept & creator' }).click();
    await page.getByPlaceholder('Drop title').fill(title);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await card(page, title).click();
    await panel(page).waitFor();
    return watched;
  }

  it('types a Publish date after a Shoot date, digit by digit', async () => {
    const { page, pageErrors } = await newDrop('Tidal Linen Shirt');
    const p = panel(page);
    await p.getByLabel('Shoot', { exact: true }).focus();
    await page.keyboard.type('03012027');
    await page.keyboard.press('Tab');
    await p.getByLabel('Publish', { exact: true }).focus();
    await page.keyboard.type('03082027');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => p.getByLabel('Publish', { exact: true }).inputValue())
      .toBe('2027-03-08');
    expect(await p.getByLabel('Shoot', { exact: true }).inputValue()).toBe('2027-03-01');
    expect(await p.locator('.field-error').allInnerTexts()).toEqual([]);
    // Saved: the hint under Publish is worked out from the stored shoot date.
    await expect
      .poll(() => p.getByText('Seven days from the shoot').innerText())
      .toContain('Mar 8');

    // A publish date before the shoot is refused once it is complete, and stays in the box.
    await p.getByLabel('Publish', { exact: true }).focus();
    await page.keyboard.type('02282027');
    await expect
      .poll(() => p.getByRole('alert').allInnerTexts())
      .toEqual(['Publish comes after the shoot.']);
    expect(await p.getByLabel('Publish', { exact: true }).inputValue()).toBe('2027-02-28');
    expect(pageErrors).toEqual([]);
  });

  it('writes a date to the document once, when its year is complete', async () => {
    const { page, pageErrors } = await newDrop('Quay Rib Knit');
    // Record every drop date the card ever shows while the year is typed.
    await card(page, 'Quay Rib Knit').evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { seenDates: string[] }).seenDates = seen;
      const note = () => {
        const title = el.querySelector('.card-date')?.getAttribute('title');
        if (title && seen[seen.length - 1] !== title) seen.push(title);
      };
      new MutationObserver(note).observe(el, { subtree: true, childList: true, attributes: true });
    });
    const field = panel(page).getByLabel('Drop', { exact: true });
    await field.focus();
    await page.keyboard.type('02272028');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seenDates: string[] }).seenDates))
      .toEqual(['Drop date 2028-02-27']);
    await expect
      .poll(() => card(page, 'Quay Rib Knit').locator('.card-date').innerText())
      .toMatch(/Feb 27, 2028/);
    // With its year, a card's date needs no countdown (the two did not fit: "in 304 d…").
    expect(await card(page, 'Quay Rib Knit').locator('.card-countdown').count()).toBe(0);

    // Leaving a half-typed date says how to finish it, in the field's own format; a year out
    // of range is refused with a message. Neither reaches the document.
    const shoot = panel(page).getByLabel('Shoot', { exact: true });
    await shoot.focus();
    await page.keyboard.type('0303');
    await shoot.blur();
    const publish = panel(page).getByLabel('Publish', { exact: true });
    await publish.focus();
    await page.keyboard.type('03030027');
    await publish.blur();
    await expect
      .poll(() => panel(page).getByRole('alert').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Finish the date, like 03\/14\/\d{4}\.$/),
        'Check the year: dates fall between 2000 and 2099.',
      ]);
    expect(await publish.inputValue()).toBe('0027-03-03');
    expect(await panel(page).getByText('Seven days from the shoot').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { seenDates: string[] }).seenDates),
    ).toEqual(['Drop date 2028-02-27']);
    expect(pageErrors).toEqual([]);
  });
});
