import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';
import { seedWorkspace } from './support/seed';

// A handle the platform could not have (TikTok takes 24 characters) is refused at its field with
// the limit and the length typed, and the dialog keeps what was typed. A handle saved before the
// check is kept and shown, flagged, and does not stop the creator's other edits.

const TOO_LONG = 'saltmarsh_studio_official_archive_x'; // 35 characters
const FITS = 'saltmarsh_studio_officia'; // 24
const OUT = resolve('test-results/creator-handles');
mkdirSync(OUT, { recursive: true });

describe('creator handles', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const openCreators = async (page: Page) => {
    await page.getByRole('button', { name: 'Creators' }).click();
    await page.getByRole('dialog', { name: 'Creators' }).waitFor();
  };

  it('refuses a 35-character TikTok handle at its field and keeps it typed', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, pageErrors } = await newPage(context);
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await openCreators(page);
    await page.getByRole('button', { name: 'Add a creator' }).click();
    await page.getByLabel('Name').fill('Ines Varga');
    const tiktok = page.getByLabel('TikTok handle');
    await tiktok.fill(`@${TOO_LONG}`);
    await page.getByRole('button', { name: 'Add creator' }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['TikTok handles have at most 24 characters; this one has 35.']);
    await page.screenshot({ path: resolve(OUT, 'refused.png') });
    expect(await tiktok.inputValue()).toBe(`@${TOO_LONG}`);
    expect(await tiktok.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description, for a screen reader too.
    const described = await tiktok.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).innerText()).toMatch(/at most 24/);
    // Characters TikTok does not take are said the same way.
    await tiktok.fill('ines-varga');
    expect(await page.locator('.field-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Add creator' }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['TikTok handles have only letters, numbers, underscores and periods.']);
    // Positive control: 24 characters are saved and listed.
    await tiktok.fill(FITS);
    await page.getByRole('button', { name: 'Add creator' }).click();
    await expect.poll(() => page.getByLabel('TikTok handle').count()).toBe(0);
    await expect
      .poll(() => page.locator('.creator-row', { hasText: 'Ines Varga' }).innerText())
      .toContain(`@${FITS}`);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a handle saved before the check, flagged, and saves the other edits', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const id = await seedWorkspace(context, 'savedHandle', ['Oskar Brandt', TOO_LONG]);
    const { page, pageErrors } = await newPage(context);
    await page.goto(`${baseUrl()}?ws=${id}`);
    await page.getByRole('button', { name: /^Workspace: Saved Handles/ }).waitFor();
    await openCreators(page);
    const row = page.locator('.creator-row', { hasText: 'Oskar Brandt' });
    await expect.poll(() => row.innerText()).toContain(`@${TOO_LONG}`);
    await page.screenshot({ path: resolve(OUT, 'saved-flagged.png') });
    const flag = row.locator('.badge-warning');
    expect(await flag.innerText()).toBe('TikTok handle too long');
    expect(await flag.getAttribute('title')).toBe(
      'TikTok handles have at most 24 characters; this one has 35.',
    );
    await row.getByRole('button', { name: 'Edit' }).click();
    const tiktok = page.getByLabel('TikTok handle');
    expect(await tiktok.inputValue()).toBe(TOO_LONG);
    expect(await page.locator('.field-error').allInnerTexts()).toEqual([
      'TikTok handles have at most 24 characters; this one has 35. Kept as saved until you change it.',
    ]);
    await page.getByLabel('Notes').fill('Films on Tuesdays');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByLabel('TikTok handle').count()).toBe(0);
    await expect.poll(() => row.innerText()).toContain(`@${TOO_LONG}`);
    expect(await row.locator('.badge-warning').innerText()).toBe('TikTok handle too long');
    // Changed, it is checked: one character more is refused and kept in the box.
    await row.getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByLabel('Notes').inputValue()).toBe('Films on Tuesdays');
    await page.getByLabel('TikTok handle').fill(`${TOO_LONG}y`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['TikTok handles have at most 24 characters; this one has 36.']);
    expect(await page.getByLabel('TikTok handle').inputValue()).toBe(`${TOO_LONG}y`);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
