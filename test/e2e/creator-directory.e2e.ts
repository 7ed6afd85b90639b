import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { newEmptyWorkspace } from './support/workspaces';

// The creator directory as a brand in Poland or Spain fills it in: a revenue share written with
// a decimal comma, as the brief's own revenue share field already takes it.

/** A new empty workspace with the creator directory open. */
async function openDirectoryOfNewWorkspace(page: Page, workspace: string): Promise<void> {
  await page.goto(baseUrl());
  await page.locator('[data-testid="drop-card"]').first().waitFor();
  await newEmptyWorkspace(page, workspace);
  await page.getByRole('button', { name: 'Creators' }).click();
}

describe('creator directory', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'pl-PL' });

  it('saves a revenue share written with a decimal comma, as the brief does', async () => {
    const { page, pageErrors } = await newPage(context());
    await openDirectoryOfNewWorkspace(page, 'Atelier Łódź');
    await page.getByRole('button', { name: 'Add a creator' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Łukasz Nowak');
    await page.getByLabel('Revenue share %').fill('12,5');
    await page.getByRole('button', { name: 'Add creator' }).click();
    const row = page.locator('.creator-row', { hasText: 'Łukasz Nowak' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.creator-money').innerText()).toMatch(/^12\.5 %/);

    // Edited the same way; something that is not a number is still refused in words, and kept.
    await row.getByRole('button', { name: 'Edit' }).click();
    const share = page.getByLabel('Revenue share %');
    expect(await share.inputValue()).toBe('12.5');
    await share.fill('12,5,0');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.field-error').allInnerTexts())
      .toEqual(['Enter a percentage.']);
    expect(await share.inputValue()).toBe('12,5,0');
    await share.fill('7,25');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => share.count()).toBe(0);
    expect(await row.locator('.creator-money').innerText()).toMatch(/^7\.25 %/);
    expect(pageErrors).toEqual([]);
  });
});
