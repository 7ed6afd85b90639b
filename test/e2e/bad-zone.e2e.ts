import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// A teammate whose computer knows a time zone this one does not (a newer tz database, or a
// peer writing any string) stores it in the shared workspace. This computer must still draw
// every view, in UTC, and say why; and a view that fails anyway stops on its own, with the
// rest of the app and the document untouched.

const ZONE = 'Mars/Olympus';

// The teammate's runtime: knows "Mars/Olympus" (as UTC), so the app's own settings dialog
// accepts it and stores it in the document.
const KNOWS_ZONE = `(() => {
  const Real = Intl.DateTimeFormat;
  function Patched(locales, options) {
    if (options && options.timeZone === '${ZONE}') options = { ...options, timeZone: 'UTC' };
    return new Real(locales, options);
  }
  Patched.prototype = Real.prototype;
  Patched.supportedLocalesOf = Real.supportedLocalesOf;
  Intl.DateTimeFormat = Patched;
})();`;

// A runtime that accepts the name when asked but cannot compute its offsets (what
// @date-fns/tz needs): the check on read passes, and the calendar throws while drawing.
const BREAKS_ON_USE = `(() => {
  const Real = Intl.DateTimeFormat;
  function Patched(locales, options) {
    if (options && options.timeZone === '${ZONE}') {
      if (options.timeZoneName) throw new RangeError('Invalid time zone specified: ${ZONE}');
      options = { ...options, timeZone: 'UTC' };
    }
    return new Real(locales, options);
  }
  Patched.prototype = Real.prototype;
  Patched.supportedLocalesOf = Real.supportedLocalesOf;
  Intl.DateTimeFormat = Patched;
})();`;

const boardReady = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('cadence:board-ready').length > 0);

describe('a workspace whose time zone this computer does not know', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('still renders every view in UTC with a notice, and a failing view stops alone', async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });

    // The teammate's app stores the zone through the real settings dialog.
    const teammate = await newPage(context);
    await teammate.page.addInitScript(KNOWS_ZONE);
    await teammate.page.goto(baseUrl());
    await boardReady(teammate.page);
    await teammate.page.getByRole('tab', { name: 'Calendar' }).click();
    await teammate.page.getByTitle('Cadence and time zone').click();
    await teammate.page.getByLabel('Time zone', { exact: true }).fill(ZONE);
    await teammate.page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => teammate.page.getByTitle('Cadence and time zone').textContent())
      .toContain(ZONE);
    const cards = await teammate.page.locator('[data-testid="drop-card"]').count();
    await teammate.page.getByRole('tab', { name: 'Board' }).click();
    const dropCount = await teammate.page.locator('[data-testid="drop-card"]').count();
    expect(dropCount).toBeGreaterThan(0);
    expect(cards).toBe(0); // positive control for the board check below: calendar had no cards
    await teammate.page.close();

    // This computer opens the same workspace.
    const me = await newPage(context);
    await me.page.goto(baseUrl());
    await boardReady(me.page);
    await expect.poll(() => me.page.getByTestId('zone-notice').textContent()).toContain(ZONE);
    expect(await me.page.locator('[data-testid="drop-card"]').count()).toBe(dropCount);
    await me.page.getByRole('tab', { name: 'Calendar' }).click();
    await me.page.locator('.cal-grid').waitFor();
    expect(await me.page.getByTitle('Cadence and time zone').textContent()).toMatch(/· UTC$/);
    await me.page.getByRole('tab', { name: 'Timeline' }).click();
    await me.page.locator('section.tl').waitFor();
    await me.page.screenshot({ path: 'test-results/bad-zone/notice.png' });
    expect(me.pageErrors).toEqual([]);
    await me.page.close();

    // A runtime where the zone breaks only when used: the calendar stops with a message, the
    // board still works, and trying again after the zone is fixed shows the calendar.
    const broken = await newPage(context);
    await broken.page.addInitScript(BREAKS_ON_USE);
    await broken.page.goto(baseUrl());
    await boardReady(broken.page);
    await broken.page.getByRole('tab', { name: 'Calendar' }).click();
    const stopped = broken.page.getByTestId('view-error');
    await expect.poll(() => stopped.textContent()).toMatch(/The calendar could not be shown/);
    await broken.page.screenshot({ path: 'test-results/bad-zone/calendar-stopped.png' });
    await broken.page.getByRole('tab', { name: 'Board' }).click();
    await expect
      .poll(() => broken.page.locator('[data-testid="drop-card"]').count())
      .toBe(dropCount);
    await broken.page.close();

    // Nothing was lost: a normal page still has every drop.
    const after = await newPage(context);
    await after.page.goto(baseUrl());
    await boardReady(after.page);
    expect(await after.page.locator('[data-testid="drop-card"]').count()).toBe(dropCount);
    await after.page.getByRole('tab', { name: 'Calendar' }).click();
    await after.page.locator('.cal-grid').waitFor();
  });
});
