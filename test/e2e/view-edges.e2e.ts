import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// What sits at the edges of a view, through the built app at 1440×900 on the bundled sample:
// timeline labels that begin left of the visible track, and messages (toasts) at the bottom.

const OUT = resolve('test-results/view-edges');
const TODAY = '2026-03-10T09:00:00Z';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

let browser: Browser;
let context: BrowserContext | undefined;
let pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
});
afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
});

async function openSample(opts: { fakeTimers?: boolean } = {}): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  const watched = await newPage(context);
  pageErrors = watched.pageErrors;
  if (opts.fakeTimers) await watched.page.clock.install({ time: new Date(TODAY) });
  else await watched.page.clock.setFixedTime(new Date(TODAY));
  await watched.page.goto(baseUrl());
  await watched.page.waitForSelector('[data-testid="drop-card"]');
  return watched.page;
}

/** Where each label's text starts on screen, and the right edge of what covers the track. */
function textStarts(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const cover = document.querySelector('.tl-corner')!.getBoundingClientRect().right;
    return [...document.querySelectorAll<HTMLElement>(sel)].map((el) => {
      // A bar title's own box moves with it: where the bar begins is what is under the labels.
      const box = (el.closest('.tl-bar') ?? el).getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = [...range.getClientRects()].filter((r) => r.width > 0);
      return {
        label: el.textContent ?? '',
        boxLeft: box.left,
        boxRight: box.right,
        textLeft: text.length ? Math.min(...text.map((r) => r.left)) : null,
        cover,
      };
    });
  }, selector);
}

describe('timeline', () => {
  it('keeps bar titles and month names beside the lane labels, not under them', async () => {
    const page = await openSample();
    await page.keyboard.press(`${mod}+3`);
    await page.waitForSelector('.tl-bar');
    const check = async () => {
      const bars = (await textStarts(page, '.tl-bar-title')).filter(
        (b) => b.boxRight > b.cover + 60,
      );
      const months = (await textStarts(page, '.tl-month')).filter((m) => m.boxRight > m.cover + 80);
      // Bars and months that begin left of the visible track (under the lane labels).
      const barsUnder = bars.filter((b) => b.boxLeft < b.cover);
      for (const b of [...bars, ...months]) {
        expect(b.textLeft, b.label).not.toBeNull();
        expect(b.textLeft!, b.label).toBeGreaterThanOrEqual(b.cover);
      }
      return {
        barsUnder: barsUnder.length,
        monthsUnder: months.filter((m) => m.boxLeft < m.cover),
      };
    };
    // As it opens (it scrolls to today once laid out, so wait for the check to hold), then
    // scrolled part-way into a month and into bars.
    await expect.poll(() => check().then(() => true), { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: join(OUT, 'timeline-open.png') });
    await page.locator('.tl-scroller').evaluate((el) => (el.scrollLeft += 137));
    await expect
      .poll(async () => (await check()).barsUnder, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect((await check()).monthsUnder.length).toBe(1);
    await page.screenshot({ path: join(OUT, 'timeline-scrolled.png') });
  });
});

/** Visible controls and reading areas whose box meets the message's box. */
function coveredBy(page: Page, notice: string) {
  return page.evaluate((sel) => {
    const n = document.querySelector(sel)!.getBoundingClientRect();
    const meets = (r: DOMRect) =>
      r.width > 0 &&
      r.height > 0 &&
      r.left < n.right &&
      r.right > n.left &&
      r.top < n.bottom &&
      r.bottom > n.top;
    const targets = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, summary, [role="button"], [tabindex="0"], .cal-flags, .cal-chip, [data-testid="drop-card"], p, li, h2, h3',
    );
    return [...targets]
      .filter((el) => !el.closest('.notice-region'))
      .filter((el) => {
        const s = getComputedStyle(el);
        return s.visibility !== 'hidden' && s.display !== 'none';
      })
      .filter((el) => {
        // Only what would be seen there without the message (not scrolled out of its
        // scroller): look through the message at the middle of the overlap.
        const r = el.getBoundingClientRect();
        if (!meets(r)) return false;
        const x = (Math.max(r.left, n.left) + Math.min(r.right, n.right)) / 2;
        const y = (Math.max(r.top, n.top) + Math.min(r.bottom, n.bottom)) / 2;
        const region = document.querySelector<HTMLElement>('.notice-region')!;
        region.style.visibility = 'hidden';
        const top = document.elementFromPoint(x, y);
        region.style.visibility = '';
        return top === el || el.contains(top);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
  }, notice);
}

describe('messages', () => {
  it('never cover a control or the cadence check, and stay while pointed at', async () => {
    const page = await openSample({ fakeTimers: true });
    // Closed as a person would, so the whole cadence check fits the window at 900 px high (the
    // first-run guide above it pushes its end below the fold, where no message could cover it).
    await page.getByRole('button', { name: 'Dismiss the getting started guide' }).click();
    await page.keyboard.press(`${mod}+2`);
    await page.waitForSelector('.cal-grid');
    await page.getByRole('button', { name: 'Plan next drops' }).click();
    await page.locator('.cal-ghost').first().click();
    const notice = page.locator('.notice');
    await expect.poll(() => notice.innerText()).toContain('Planned a drop for');
    await page.screenshot({ path: join(OUT, 'message-calendar.png') });
    await expect.poll(() => coveredBy(page, '.notice')).toEqual([]);
    // The cadence check is still whole above the message.
    const check = (await page.locator('.cal-flags').boundingBox())!;
    const msg = (await page.locator('.notice-region').boundingBox())!;
    expect(check.y + check.height).toBeLessThanOrEqual(msg.y + 0.5);

    // Pointed at, it stays past its time; let go, it leaves.
    await notice.hover();
    await page.clock.runFor(12_000);
    expect(await notice.count()).toBe(1);
    await page.mouse.move(700, 300);
    await page.clock.runFor(3_500);
    await expect.poll(() => notice.count()).toBe(0);
    // Positive control: untouched, a message goes by itself, and the space it took comes back.
    await page.locator('.cal-ghostbar .cal-ghostslot').first().click();
    await page.locator('.cal-ghost').first().click();
    await expect.poll(() => notice.count()).toBe(1);
    await page.clock.runFor(6_500);
    await expect.poll(() => notice.count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(() => getComputedStyle(document.querySelector('.app')!).paddingBottom),
      )
      .toBe('0px');
  });

  it('never sits over an open brief', async () => {
    const page = await openSample();
    await page.locator('[data-testid="drop-card"]', { hasText: 'Storm Coat' }).click();
    await page.getByTestId('open-brief').click();
    const sheet = page.locator('.brief-sheet');
    await sheet.locator('.brief-prose').waitFor();
    // Marking an unfinished brief ready says what is missing: below the sheet, not over it.
    await sheet.getByRole('button', { name: 'Mark ready' }).click();
    const notice = page.locator('.notice');
    await expect.poll(() => notice.count()).toBe(1);
    await page.screenshot({ path: join(OUT, 'message-brief.png') });
    const s = (await sheet.boundingBox())!;
    const n = (await page.locator('.notice-region').boundingBox())!;
    expect(s.y + s.height).toBeLessThanOrEqual(n.y + 0.5);
    await expect.poll(() => coveredBy(page, '.notice')).toEqual([]);
  });
});
