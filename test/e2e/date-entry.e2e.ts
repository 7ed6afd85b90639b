import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';
import { MOD } from './support/calendar';

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

  it("flags a launch typed before the drop's shoot in the calendar's cadence check", async () => {
    const { page, pageErrors } = await newDrop('Frost Knit');
    const p = panel(page);
    await p.getByLabel('Shoot', { exact: true }).focus();
    await page.keyboard.type('12092027');
    await page.keyboard.press('Tab');
    await expect.poll(() => p.getByLabel('Shoot', { exact: true }).inputValue()).toBe('2027-12-09');
    await p.getByLabel('Drop', { exact: true }).focus();
    await page.keyboard.type('12052027');
    await page.keyboard.press('Tab');
    await expect.poll(() => p.getByLabel('Drop', { exact: true }).inputValue()).toBe('2027-12-05');
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${MOD}+2`);
    const check = page.getByRole('group', { name: 'Cadence check' });
    await expect
      .poll(() => check.locator('.cal-flag-msg').allInnerTexts())
      .toContain('“Frost Knit” launches 4 days before its shoot.');
    expect(pageErrors).toEqual([]);
  });

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
        expect.stringMatching(/^Finish the date, like 03\/14\/\d{4}, on a day that exists\.$/),
        'Check the year: dates fall between 2000 and 2099.',
      ]);
    expect(await publish.inputValue()).toBe('0027-03-03');
    expect(await panel(page).getByText('Seven days from the shoot').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { seenDates: string[] }).seenDates),
    ).toEqual(['Drop date 2028-02-27']);

    // A day that does not exist (29 February of a year that is not a leap year) reads as
    // half typed to the browser: the message says to check the day, and the box keeps it.
    await shoot.focus();
    await page.keyboard.type('02292027');
    await shoot.blur();
    await expect
      .poll(() => panel(page).getByRole('alert').first().innerText())
      .toMatch(/^Finish the date, like 03\/14\/\d{4}, on a day that exists\.$/);
    expect(await shoot.evaluate((el: HTMLInputElement) => el.validity.badInput)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('retypes a saved date as one change: no day on the way is saved, and one undo puts it back', async () => {
    const { page, pageErrors } = await newDrop('Brine Wash Chore Coat');
    const field = panel(page).getByLabel('Drop', { exact: true });
    await field.focus();
    await page.keyboard.type('12302026');
    await field.press('Enter');
    await expect
      .poll(() => card(page, 'Brine Wash Chore Coat').locator('.card-date').getAttribute('title'))
      .toBe('Drop date 2026-12-30');
    // Every drop date the card shows from now on.
    await card(page, 'Brine Wash Chore Coat').evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { seenDates: string[] }).seenDates = seen;
      new MutationObserver(() => {
        const title = el.querySelector('.card-date')?.getAttribute('title');
        if (title && seen[seen.length - 1] !== title) seen.push(title);
      }).observe(el, { subtree: true, childList: true, attributes: true });
    });
    // A person clicks the month of the saved date and types a whole new one over it: each
    // keystroke before the year makes another complete day (01/30, 01/01, 01/15 of 2026).
    const box = (await field.boundingBox())!;
    await page.mouse.click(box.x + 14, box.y + box.height / 2);
    await page.keyboard.type('01152027');
    await expect.poll(() => field.inputValue()).toBe('2027-01-15');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seenDates: string[] }).seenDates))
      .toEqual(['Drop date 2027-01-15']);
    // Changing the day alone is saved on Enter, once.
    await page.mouse.click(box.x + 36, box.y + box.height / 2);
    await page.keyboard.type('16');
    expect(
      await page.evaluate(() => (window as unknown as { seenDates: string[] }).seenDates),
    ).toEqual(['Drop date 2027-01-15']);
    await field.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seenDates: string[] }).seenDates))
      .toEqual(['Drop date 2027-01-15', 'Drop date 2027-01-16']);
    // A day typed and left with Escape (which closes the panel) is kept, as typed text is.
    await page.mouse.click(box.x + 36, box.y + box.height / 2);
    await page.keyboard.type('17');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seenDates: string[] }).seenDates))
      .toEqual(['Drop date 2027-01-15', 'Drop date 2027-01-16', 'Drop date 2027-01-17']);
    await panel(page).waitFor({ state: 'hidden' });
    // Each saved date is one undo step.
    await page.keyboard.press(`${MOD}+z`);
    await expect
      .poll(() => card(page, 'Brine Wash Chore Coat').locator('.card-date').getAttribute('title'))
      .toBe('Drop date 2027-01-16');
    await page.keyboard.press(`${MOD}+z`);
    await expect
      .poll(() => card(page, 'Brine Wash Chore Coat').locator('.card-date').getAttribute('title'))
      .toBe('Drop date 2027-01-15');
    await page.keyboard.press(`${MOD}+z`);
    await expect
      .poll(() => card(page, 'Brine Wash Chore Coat').locator('.card-date').getAttribute('title'))
      .toBe('Drop date 2026-12-30');
    expect(pageErrors).toEqual([]);
  });

  it('moves the shoot past the publish date: refused beside the shoot, then saved with the new publish', async () => {
    const { page, pageErrors } = await newDrop('Saltmarsh Overshirt');
    const p = panel(page);
    const shoot = p.getByLabel('Shoot', { exact: true });
    const publish = p.getByLabel('Publish', { exact: true });
    const deadline = () => p.getByText('Seven days from the shoot').innerText();
    await shoot.focus();
    await page.keyboard.type('03012027');
    await page.keyboard.press('Tab');
    await publish.focus();
    await page.keyboard.type('03082027');
    await page.keyboard.press('Tab');
    await expect.poll(deadline).toContain('Mar 8');

    // The shoot moves a week and a half later, past publish: refused where it was typed, and
    // kept in its box; the saved shoot is still 1 March.
    await shoot.focus();
    await page.keyboard.type('03102027');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => p.getByRole('alert').allInnerTexts())
      .toEqual([expect.stringMatching(/^The shoot comes before publishing \(.*Mar 8\)\.$/)]);
    expect(await shoot.getAttribute('aria-invalid')).toBe('true');
    expect(await publish.getAttribute('aria-invalid')).toBeNull();
    expect(await shoot.inputValue()).toBe('2027-03-10');
    expect(await deadline()).toContain('Mar 8');

    // Publish typed after it: the two are saved together, as typed, and the message goes.
    await publish.focus();
    await page.keyboard.type('03172027');
    await page.keyboard.press('Tab');
    await expect.poll(deadline).toContain('Mar 17');
    expect(await p.getByRole('alert').count()).toBe(0);
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    const saved = async () => {
      await card(page, 'Saltmarsh Overshirt').click();
      const dates = [await shoot.inputValue(), await publish.inputValue()];
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'hidden' });
      return dates;
    };
    expect(await saved()).toEqual(['2027-03-10', '2027-03-17']);

    // One change: one undo brings both dates back.
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(saved).toEqual(['2027-03-01', '2027-03-08']);
    expect(pageErrors).toEqual([]);
  });

  it('retypes a launch time as one change, and keeps a half-typed one in its box with a message', async () => {
    const { page, pageErrors } = await newDrop('Pier Knit Vest');
    const time = panel(page).getByLabel('Launch time', { exact: true });
    const savedTime = async () => {
      await card(page, 'Pier Knit Vest').click();
      const value = await time.inputValue();
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'hidden' });
      return value;
    };
    await panel(page).getByLabel('Drop', { exact: true }).focus();
    await page.keyboard.type('03122027');
    await time.focus();
    await page.keyboard.type('0230P');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    expect(await savedTime()).toBe('14:30');

    // Typed over, the box passes through 21:30, 21:01 and 21:15 (and all day, as the hour is
    // retyped) on the way to 9:15 AM: only 9:15 is saved, so one undo brings 2:30 PM back.
    await card(page, 'Pier Knit Vest').click();
    await time.focus();
    await page.keyboard.type('0915A');
    expect(await time.inputValue()).toBe('09:15');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    expect(await savedTime()).toBe('09:15');
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(savedTime).toBe('14:30');

    // An hour wiped and left half typed is refused in words; the launch keeps its time.
    await card(page, 'Pier Knit Vest').click();
    await time.focus();
    await page.keyboard.press('Backspace');
    // Shift+Tab leaves the box from its first part (Tab would go on to the minutes).
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(() => panel(page).getByRole('alert').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Finish the time, like 2:30\sPM, or empty the box for all day\.$/),
      ]);
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    expect(await savedTime()).toBe('14:30');
    expect(pageErrors).toEqual([]);
  });
});
