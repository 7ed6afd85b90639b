import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCENARIO_EVENTS_CSV } from '../fixtures/results/shopifyExport';
import { contextForSuite, newPage } from './support/browser';
import { openResults, pickExport } from './support/results';

// Repurchase interest comes from an email platform's click export or a wishlist export,
// imported through the Results view like orders: read in the worker (customers hashed there),
// previewed, applied, and the same file again adds nothing.

const OUT = resolve('test-results/results-events');
const counts = (page: Page) => page.getByTestId('results-counts').textContent();

describe('importing clicks and wishlist adds', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  const context = contextForSuite({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });

  it('reads the export in the worker, applies it, and re-importing it adds nothing', async () => {
    const csv = join(OUT, 'klaviyo_clicks.csv');
    writeFileSync(csv, SCENARIO_EVENTS_CSV);
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await expect.poll(() => counts(page)).toMatch(/0 interest events imported$/);

    await pickExport(page, csv, 'Import clicks / wishlist…');
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/7 new/);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => counts(page)).toMatch(/· 7 interest events imported$/);

    // The same customers hash the same way: nothing new the second time.
    await pickExport(page, csv, 'Import clicks / wishlist…');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/0 new/);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await counts(page)).toMatch(/· 7 interest events imported$/);
    expect(pageErrors).toEqual([]);
  });

  it('counts clicks in a file that mixes in other kinds of event, and says what it left out', async () => {
    const csv = join(OUT, 'klaviyo_all_events.csv');
    writeFileSync(
      csv,
      [
        'Email,Event,Timestamp',
        'fan1@example.com,Clicked Email,2026-04-01 09:00:00 +0200',
        'fan1@example.com,Opened Email,2026-04-01 08:00:00 +0200',
        'fan2@example.com,Opened Email,2026-04-01 08:00:00 +0200',
        ',Added to Wishlist,2026-04-02 09:00:00 +0200',
        '',
      ].join('\r\n'),
    );
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await page.getByTestId('results-counts').waitFor();
    const imported = async () =>
      Number(/([\d,]+) interest events/.exec((await counts(page)) ?? '')?.[1]);
    const before = await imported();
    await pickExport(page, csv, 'Import clicks / wishlist…');
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview').textContent()).toMatch(
      /4 rows read: 1 event\b/,
    );
    expect(await page.getByTestId('import-skipped').textContent()).toBe(
      'Not counted: 2 rows of “Opened Email”, 1 row without an email. Only clicks and wishlist adds by a known customer show repurchase interest.',
    );
    await page.getByRole('button', { name: 'Apply import' }).click();
    await page.getByTestId('import-applied').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(imported).toBe(before + 1);
    expect(pageErrors).toEqual([]);
  });

  it('reads the kind of event under the names other platforms give its column', async () => {
    // Opens are not interest: read without their "Event Name", every row counted as a click.
    const csv = join(OUT, 'metric_export.csv');
    writeFileSync(
      csv,
      [
        'Event ID,Timestamp,Profile ID,Email,Event Name,Campaign Name',
        'e1,2026-04-01T09:00:00+00:00,p1,fan1@example.com,Clicked Email,Harbour Linen',
        'e2,2026-04-01T08:00:00+00:00,p2,fan2@example.com,Opened Email,Harbour Linen',
        'e3,2026-04-02T08:00:00+00:00,p3,fan3@example.com,Opened Email,Harbour Linen',
        'e4,2026-04-02T09:00:00+00:00,p4,fan4@example.com,Added to Wishlist,',
        '',
      ].join('\r\n'),
    );
    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, csv, 'Import clicks / wishlist…');
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/4 rows read: 2 events\b/);
    expect(await page.getByTestId('import-skipped').textContent()).toBe(
      'Not counted: 2 rows of “Opened Email”. Only clicks and wishlist adds by a known customer show repurchase interest.',
    );
    const columns = page.getByTestId('import-columns');
    expect(await columns.getByRole('combobox', { name: 'Event type' }).inputValue()).toBe(
      'Event Name',
    );
    expect(pageErrors).toEqual([]);
  });

  it('reads a character that straddles the first megabyte as one character', async () => {
    // Padding rows up to just short of 1 MiB, then the same customer's click written 20 times,
    // the first with its "é" split by byte 1,048,576 (where reading in 1 MiB slices cut it).
    const row = (email: string, campaign = '') =>
      `${email},Clicked Email,2026-04-05 10:00:00 +0000,${campaign}\r\n`;
    const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
    const MIB = 1024 * 1024;
    const long = 'x'.repeat(1000);
    let text = 'Email,Event,Timestamp,Campaign\r\n';
    let padded = 0;
    while (bytes(text) + 2 * bytes(row('pad0@example.com', long)) < MIB)
      text += row(`pad${padded++}@example.com`, long);
    // The last padding row is as long as it takes to end right before "jos" + the edge.
    const last = `pad${padded++}@example.com`;
    text += row(last, 'x'.repeat(MIB - 1 - bytes('jos') - bytes(text) - bytes(row(last))));
    expect(bytes(text) + bytes('jos')).toBe(MIB - 1);
    text += row('josé@example.com').repeat(20);
    const csv = join(OUT, 'clicks_across_a_megabyte.csv');
    writeFileSync(csv, text);

    const { page, pageErrors } = await newPage(context());
    await openResults(page);
    await pickExport(page, csv, 'Import clicks / wishlist…');
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // Every padding customer and josé once: his 20 identical clicks are one event, and the
    // other 19 are said to be repeats in the file, not events already imported.
    expect(await preview.textContent()).toMatch(/0 already imported/);
    expect(await preview.textContent()).toMatch(/19 written again in this file/);
    expect(await preview.textContent()).not.toMatch(/refund|per order/);
    expect(await preview.textContent()).toMatch(
      new RegExp(`\\b${(padded + 1).toLocaleString('en-US')} new`),
    );
    expect(pageErrors).toEqual([]);
  });
});
