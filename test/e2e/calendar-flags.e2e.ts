import { describe, expect, it } from 'vitest';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { showCalendar } from './support/calendar';
import { seedWorkspace } from './support/seed';

// The cadence check of a crowded plan, in the built app: a workspace whose launches clash
// dozens of times is stored through the app's own open (test/e2e/pages/seed.ts).
const TODAY = '2026-03-10T10:00:00Z';

describe('the cadence check of a crowded plan', () => {
  const context = contextForSuite({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });

  it('lists the first warnings of the days shown, and all of them on request', async () => {
    const id = await seedWorkspace(context(), 'crowdedPlan', [], new Date(TODAY));
    const { page, pageErrors } = await newPage(context());
    await page.clock.setFixedTime(new Date(TODAY));
    await page.goto(`${baseUrl()}?ws=${id}`);
    await page.waitForSelector('[data-testid="drop-card"]');
    await showCalendar(page);
    await expect.poll(() => page.locator('.cal-month').innerText()).toBe('March 2026');

    const check = page.getByRole('group', { name: 'Cadence check' });
    const title = check.locator('summary');
    const rows = check.locator('.cal-flag');
    const messages = () => check.locator('.cal-flag-msg').allInnerTexts();
    // 40 launches in pairs over 20 days of March clash 39 times; June's 10 clash 9 times.
    await expect
      .poll(() => title.innerText())
      .toMatch(/^Cadence check · \d+ warnings · the first 30 of \d+ on the days shown$/);
    const [, total, onScreen] = /· (\d+) warnings · the first 30 of (\d+)/
      .exec(await title.innerText())!
      .map(Number);
    expect(total).toBeGreaterThan(onScreen!);
    expect(onScreen).toBeGreaterThan(30);
    expect(await rows.count()).toBe(30);
    expect((await messages()).some((m) => m.includes('“Now 1”'))).toBe(true);
    expect((await messages()).some((m) => m.includes('“Later'))).toBe(false);

    // All of them on request (June's clashes included), and back.
    await check.getByRole('button', { name: `List all ${total} warnings` }).click();
    await expect.poll(() => rows.count()).toBe(total);
    await expect.poll(() => title.innerText()).toBe(`Cadence check · ${total} warnings`);
    expect((await messages()).some((m) => m.includes('“Later 1”'))).toBe(true);
    await check.getByRole('button', { name: 'List only the days shown' }).click();
    await expect.poll(() => rows.count()).toBe(30);

    // In June the same list holds June's warnings (and the gap before them), all of them.
    for (let i = 0; i < 3; i++) {
      const month = await page.locator('.cal-month').innerText();
      await page.locator('.cal-nav').getByRole('button', { name: 'Next month' }).click();
      await expect.poll(() => page.locator('.cal-month').innerText()).not.toBe(month);
    }
    await expect.poll(() => page.locator('.cal-month').innerText()).toBe('June 2026');
    await expect.poll(() => title.innerText()).toMatch(/ · \d+ on the days shown$/);
    const june = await messages();
    expect(june.length).toBeLessThan(30);
    expect(june.some((m) => m.includes('“Later 1”'))).toBe(true);
    expect(june.some((m) => m.includes('“Now 1”'))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
