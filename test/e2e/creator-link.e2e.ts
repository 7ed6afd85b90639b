import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// The creator directory takes only https:// tracking links, as docs/briefs.md says: an
// http:// link is refused at the field and the dialog keeps what was typed.

describe('creator directory', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses an http:// tracking link and saves the https:// one', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await page.getByRole('button', { name: 'Creators' }).click();
    await page.locator('.creator-row').first().getByRole('button', { name: 'Edit' }).click();
    const link = page.getByLabel('Tracking link');
    await link.fill('http://saltmarsh.example/?ref=mara');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['Use a full link starting with https://']);
    expect(await link.inputValue()).toBe('http://saltmarsh.example/?ref=mara');
    // A bad email is the app's to refuse in words (the browser's own check showed a tooltip).
    const email = page.locator('#cf-email');
    await email.fill('not an email');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['Enter an email like name@studio.com.', 'Use a full link starting with https://']);
    // Editing a field takes its message away.
    await email.fill('mara@studio.example');
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['Use a full link starting with https://']);
    // Positive control: the same link over https is saved and the dialog closes.
    await link.fill('https://saltmarsh.example/?ref=mara');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByLabel('Tracking link').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
