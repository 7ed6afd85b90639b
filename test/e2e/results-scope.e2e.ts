import { describe, expect, it } from 'vitest';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { seedWorkspace } from './support/seed';

// A long history in the built app's Results view: the charts and the drops table show the
// latest 50 drops until asked for all (test/e2e/pages/seed.ts stores 60 weekly launches).
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

describe('the Results view of a long history', () => {
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });

  it('shows the latest 50 drops, and all of them on request', async () => {
    const id = await seedWorkspace(context(), 'weeklyHistory', [60]);
    const { page, pageErrors } = await newPage(context());
    await page.goto(`${baseUrl()}?ws=${id}`);
    await page.waitForSelector('[data-testid="drop-card"]');
    await page.keyboard.press(`${mod}+4`);
    const scope = page.getByTestId('results-scope');
    const rows = page.getByTestId('results-drops').locator('tbody tr');
    const titles = () =>
      page.getByTestId('results-drops').locator('tbody tr td:first-child').allInnerTexts();
    // The drops the charts are drawn with.
    const charted = () => page.locator('.results-grid').getAttribute('data-drops-shown');
    // The first drop on the sell-through chart's axis: the charts redraw a task apart after a
    // change, and this one is the last of them.
    const sellThroughFrom = () =>
      page
        .locator('[data-chart="sell-through"] .recharts-xAxis-tick-labels text')
        .first()
        .textContent();

    await expect
      .poll(() => scope.innerText())
      .toBe('Showing the latest 50 of 60 drops. Show all 60');
    expect(await rows.count()).toBe(50);
    // Latest first: Drop 60 down to Drop 11.
    expect((await titles())[0]).toBe('Drop 60');
    expect((await titles()).at(-1)).toBe('Drop 11');
    await expect.poll(charted).toBe('50');
    await expect.poll(sellThroughFrom).toBe('Drop 11');

    await scope.getByRole('button', { name: 'Show all 60' }).click();
    await expect.poll(() => rows.count()).toBe(60);
    expect((await titles()).at(-1)).toBe('Drop 1');
    await expect.poll(charted).toBe('60');
    await expect.poll(sellThroughFrom).toBe('Drop 1');
    expect(await scope.innerText()).toBe('Showing all 60 drops. Only the latest 50');

    await scope.getByRole('button', { name: 'Only the latest 50' }).click();
    await expect.poll(() => rows.count()).toBe(50);
    await expect.poll(sellThroughFrom).toBe('Drop 11');
    expect(pageErrors).toEqual([]);
  });
});

describe('the Results view before a drop has launched', () => {
  const context = contextForSuite({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });

  it('lists the drops still to launch without judging them', async () => {
    const { page, pageErrors } = await newPage(context());
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await page.keyboard.press(`${mod}+4`);
    const row = (title: string) =>
      page.getByTestId('results-drops').locator('tbody tr', { hasText: title }).locator('td');
    // The sample's Winter Pier Scarf launches months from now; Harbour Linen launched before.
    await expect
      .poll(() => row('Winter Pier Scarf').allInnerTexts())
      .toEqual([
        'Winter Pier Scarf',
        expect.any(String),
        '—',
        'Not launched yet',
        expect.any(String),
        '—',
        '—',
        'Results PDF',
      ]);
    const harbour = await row('Harbour Linen').allInnerTexts();
    expect(harbour[3]).toMatch(/€\d/);
    expect(harbour[5]).toMatch(/\d/);
    expect(harbour[6]).toMatch(/€/);
    expect(pageErrors).toEqual([]);
  });
});
