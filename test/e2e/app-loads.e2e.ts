import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

describe('the built app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders into #root without errors', async () => {
    const context = await browser.newContext();
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    const text = await page.locator('#root').innerText();
    expect(text.trim().length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
