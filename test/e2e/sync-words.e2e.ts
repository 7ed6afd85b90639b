import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// A workspace that was never shared has no teammates to be behind: editing it marks nothing
// as unsent, and the header says it is not shared rather than "Offline".

describe('sync words before a workspace is shared', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks nothing on an edited card and says "Not shared"', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(
      () => performance.getEntriesByName('cadence:board-ready').length > 0,
    );
    await page.locator('[data-testid="drop-card"]').first().click();
    const panel = page.getByRole('complementary', { name: 'Drop details' });
    await panel.getByLabel('Title').fill('Saltmarsh Rain Shell');
    await panel.getByLabel('Title').press('Enter');
    await page.keyboard.press('Escape');
    // Positive control: the edit is on the card.
    const edited = page.locator('[data-testid="drop-card"]', { hasText: 'Saltmarsh Rain Shell' });
    await expect.poll(() => edited.count()).toBe(1);
    expect(await edited.innerText()).not.toMatch(/not yet sent|only on this device/i);
    const indicator = page.locator('.sync-indicator');
    await expect.poll(() => indicator.innerText()).toMatch(/Not shared|Sync off/);
    expect(await indicator.innerText()).not.toMatch(/Offline|sent|only on this device/i);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
