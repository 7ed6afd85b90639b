import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, contextForSuite, newPage } from './support/browser';

// A brief asks for the shots the drop's channels need: Lighthouse Beanie, in the sample, is
// planned for Instagram, email and a pop-up, not for TikTok or Pinterest.
const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
let pageErrors: string[] = [];
afterEach(() => expect(pageErrors).toEqual([]));

const shotChannels = (page: Page) =>
  page
    .locator('.brief-sheet tr[data-shot]')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-shot'),
        r.querySelector<HTMLSelectElement>('select[aria-label="Channel"]')?.value,
      ]),
    );

it("fits the template's shot list to the drop's channels, and follows them as they change", async () => {
  const watched = await newPage(context());
  pageErrors = watched.pageErrors;
  const { page } = watched;
  await page.goto(baseUrl());
  const card = page.locator('[data-testid="drop-card"]').filter({ hasText: 'Lighthouse Beanie' });
  await card.click();
  await page.getByTestId('open-brief').click();
  await expect
    .poll(() => shotChannels(page))
    .toEqual([
      ['hero', 'instagram'],
      ['lifestyle', 'instagram'],
      ['detail', 'instagram'],
    ]);
  await page.keyboard.press('Escape');
  await page.locator('.brief-sheet').waitFor({ state: 'detached' });

  // TikTok planned too: the lifestyle video goes there, as the playbook's kit has it.
  const tiktok = page
    .getByRole('group', { name: 'Channels' })
    .getByRole('button', { name: 'TikTok' });
  await tiktok.click();
  await expect.poll(() => tiktok.getAttribute('aria-pressed')).toBe('true');
  await page.getByTestId('open-brief').click();
  await expect
    .poll(() => shotChannels(page))
    .toEqual([
      ['hero', 'instagram'],
      ['lifestyle', 'tiktok'],
      ['detail', 'instagram'],
    ]);
});
