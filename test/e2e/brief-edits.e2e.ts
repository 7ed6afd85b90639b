import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// Editing a brief in the built app: each field saved is its own undo step however quickly the
// next follows, and moving the drop to another creator takes the previous creator's code off
// the brief (the new creator's comes from the directory).

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function openBrief(page: Page, title: string) {
  await page.locator('[data-testid="drop-card"]', { hasText: title }).click();
  await page.getByTestId('open-brief').click();
  await page.locator('.brief-sheet .brief-prose').waitFor();
}

describe('editing a brief', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });

  it('undoes quick field edits one at a time', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await openBrief(page, 'Archive Denim');
    const sheet = page.locator('.brief-sheet');
    const why = sheet.getByLabel('Why this creator');
    const usage = sheet.getByLabel('Usage rights');
    const whyBefore = await why.inputValue();
    await why.fill('First edit');
    await usage.click(); // saves the first
    const usageBefore = await usage.inputValue();
    await usage.fill('Second edit, a moment later');
    await why.click(); // saves the second, well inside the 400 ms that used to merge them
    await sheet.locator('.brief-top h2').click();
    await page.keyboard.press(`${mod}+KeyZ`);
    await expect.poll(() => usage.inputValue()).toBe(usageBefore);
    expect(await why.inputValue()).toBe('First edit');
    await page.keyboard.press(`${mod}+KeyZ`);
    await expect.poll(() => why.inputValue()).toBe(whyBefore);
    expect(pageErrors).toEqual([]);
  });

  it("takes the previous creator's code off the brief when the creator changes", async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await openBrief(page, 'Winter Pier Scarf');
    const sheet = page.locator('.brief-sheet');
    const code = sheet.getByLabel('Discount code');
    await code.fill('PIER12');
    await code.press('Tab');
    await expect.poll(() => code.inputValue()).toBe('PIER12');
    const picker = sheet.getByLabel('Creator', { exact: true });
    const current = await picker.inputValue();
    const other = await picker
      .locator('option')
      .evaluateAll(
        (options, cur) =>
          options.map((o) => (o as HTMLOptionElement).value).find((v) => v && v !== cur) ?? '',
        current,
      );
    await picker.selectOption(other);
    await expect.poll(() => code.inputValue()).not.toBe('PIER12');
    expect(pageErrors).toEqual([]);
  });

  it('asks before putting the playbook template back, and keeps the workspace currency', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await openBrief(page, 'Archive Denim');
    await page.getByRole('button', { name: 'Template…' }).click();
    await page.locator('#template-title').waitFor();
    const currency = page.getByLabel('Workspace currency');
    await currency.fill('GBP');
    await currency.press('Tab');
    const reset = page.getByRole('button', { name: 'Back to the playbook…' });
    await reset.click();
    const dialog = page.getByRole('dialog', { name: "Put the playbook's template back?" });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await currency.inputValue()).toBe('GBP');
    await reset.click();
    await dialog.getByRole('button', { name: 'Back to the playbook' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await currency.inputValue()).toBe('GBP');
    expect(pageErrors).toEqual([]);
  });
});

// On a workspace of its own: the tests above change which creator a drop has.
describe("a brief's discount code", () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });

  it("says at the field when the brief's code is another creator's in the directory", async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    const sheet = page.locator('.brief-sheet');
    const code = sheet.getByLabel('Discount code');
    const picker = sheet.getByLabel('Creator', { exact: true });
    // Another creator's code, as the directory gives it to her brief.
    await openBrief(page, 'Archive Denim');
    const theirs = await code.inputValue();
    const nameOf = async () => (await picker.locator('option:checked').innerText()).split(' · ')[0];
    const owner = await nameOf();
    expect(theirs).not.toBe('');
    await sheet.getByRole('button', { name: 'Close brief' }).click();
    await page.keyboard.press('Escape');

    await openBrief(page, 'Winter Pier Scarf');
    await expect.poll(() => sheet.innerText()).toContain('Winter Pier Scarf');
    await expect.poll(nameOf).not.toBe(owner);
    const mine = await nameOf();
    const notes = sheet.locator('.brief-issues');
    // Positive control: the message is not there with the brief's own code.
    await expect(notes.count().then((n) => (n ? notes.innerText() : ''))).resolves.not.toMatch(
      /creator directory/,
    );
    await code.fill(theirs);
    await code.press('Tab');
    const message = `${theirs} is ${owner}’s code in the creator directory: give this drop ${mine}’s own code.`;
    await expect.poll(() => notes.innerText()).toContain(message);
    await expect.poll(() => sheet.locator('.field-error', { hasText: message }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('says when a date it suggests from the shoot has already passed', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await openBrief(page, 'Harbour Linen');
    const sheet = page.locator('.brief-sheet');
    const shoot = sheet.getByLabel('Shoot', { exact: true });
    const lock = sheet.getByLabel('Brief lock', { exact: true });
    const lockHint = () =>
      lock.evaluate((el) => {
        const id = el.getAttribute('aria-describedby');
        return id ? (document.getElementById(id)?.textContent ?? '') : '';
      });
    // Typed as the field reads dates here (month, day, year).
    const typeDay = async (field: typeof shoot, day: Date) => {
      await field.focus();
      const two = (n: number) => String(n).padStart(2, '0');
      await page.keyboard.type(
        `${two(day.getUTCMonth() + 1)}${two(day.getUTCDate())}${day.getUTCFullYear()}`,
      );
      await page.keyboard.press('Tab');
    };
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
    const iso = (d: Date) => d.toISOString().slice(0, 10);

    // A shoot six weeks away: the lock ten days before it is still ahead (the control). (The
    // publish date goes first: a shoot after it would be refused.)
    await typeDay(sheet.getByLabel('Publish', { exact: true }), inDays(48));
    await typeDay(shoot, inDays(42));
    await expect.poll(() => lock.inputValue()).toBe(iso(inDays(32)));
    expect(await lockHint()).toBe('Suggested from the shoot date');
    // A shoot three days away: ten days before it has gone, and the hint says so.
    await typeDay(shoot, inDays(3));
    await expect.poll(() => lock.inputValue()).toBe(iso(inDays(-7)));
    await expect
      .poll(lockHint)
      .toBe('Suggested from the shoot date, but that day has passed: set the day it will happen.');
    expect(pageErrors).toEqual([]);
  });
});
