import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { contextForSuite, newPage } from './support/browser';
import { fillBriefField, newDropBrief, openBriefPrint } from './support/workspaces';

// A brief printed before the drop has a creator or a launch date (to share with the team, or
// to see how it reads): its header says what is still to be confirmed in words. It read
// "For Creator to be confirmed" and "Launch —".

const OUT = resolve('test-results/brief-pdf-unconfirmed');

/** The first lines of the printed brief (its header), as pdftotext reads them. */
async function printedHeader(page: Page, sheet: Locator, name: string): Promise<string[]> {
  const print = await page.context().newPage();
  await openBriefPrint(print, sheet);
  const pdf = join(OUT, `${name}.pdf`);
  writeFileSync(pdf, await print.pdf({ preferCSSPageSize: true, printBackground: true }));
  await print.close();
  const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).toString();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 8);
}

describe('a brief PDF before its creator and launch are known', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('says the creator and the launch date are to be confirmed, then names them', async () => {
    const { page, pageErrors } = await newPage(context());
    const sheet = await newDropBrief(page, 'Atelier Zoë', 'Velvet Nights');
    const before = await printedHeader(page, sheet, 'unconfirmed');
    expect(before).toContain('Creator to be confirmed');
    expect(before).toContain('Launch date to be confirmed');
    expect(before.join('\n')).not.toMatch(/For Creator|Launch —/);

    // Positive control: with a creator and a launch date, the header names them.
    await page.getByRole('button', { name: 'Close brief' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Creators' }).click();
    await page.getByRole('button', { name: 'Add a creator' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Zoë Martin');
    await page.getByRole('button', { name: 'Add creator' }).click();
    await page.locator('.creator-row', { hasText: 'Zoë Martin' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('[data-testid="drop-card"]', { hasText: 'Velvet Nights' }).click();
    await page.getByTestId('open-brief').click();
    await sheet.waitFor();
    await sheet.getByLabel('Creator', { exact: true }).selectOption({ label: 'Zoë Martin' });
    await fillBriefField(sheet, 'Launch', '2027-03-12');
    const after = await printedHeader(page, sheet, 'confirmed');
    expect(after).toContain('For Zoë Martin');
    expect(after).toContain('Launch Fri 12 Mar 2027');
    expect(after.join('\n')).not.toContain('to be confirmed');
    expect(pageErrors).toEqual([]);
  });
});
