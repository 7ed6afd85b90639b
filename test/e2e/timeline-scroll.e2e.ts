import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { DropFields } from '../../shared/model';
import { baseUrl, contextForSuite, newPage } from './support/browser';
import { MOD } from './support/calendar';
import { seedWorkspace } from './support/seed';

// The timeline keeps what a person is looking at in view: zooming holds the day under the
// pointer (or the middle of the track) instead of jumping back to today, and a drop moved
// with the keyboard past the visible edge is followed there and keeps the focus.

const TODAY = '2026-12-01T10:00:00Z';
const LABELS_W = 160;
const context = contextForSuite({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });

/** A workspace of `drops`, opened on the timeline with today pinned. */
async function timelineOf(drops: Partial<DropFields>[]) {
  const id = await seedWorkspace(context(), 'plannedDrops', ['Tideline', drops], new Date(TODAY));
  const watched = await newPage(context());
  const { page } = watched;
  await page.clock.setFixedTime(new Date(TODAY));
  await page.goto(`${baseUrl()}?ws=${id}`);
  await page.waitForSelector('[data-testid="drop-card"]');
  await page.keyboard.press(`${MOD}+3`);
  await page.locator('.tl-scroller').waitFor();
  return watched;
}

/** Whether `el` lies whole within the track the scroller shows (right of the lane labels). */
async function inSight(page: Page, el: Locator): Promise<boolean> {
  const track = (await page.locator('.tl-scroller').boundingBox())!;
  const box = await el.boundingBox();
  return !!box && box.x >= track.x + LABELS_W - 1 && box.x + box.width <= track.x + track.width + 1;
}

/** Whether the text of `bar`'s title (and where it would launch) is seen on the track. */
const titleInSight = (bar: Locator) =>
  bar.evaluate((el, labelsW) => {
    const title = el.querySelector('.tl-bar-title');
    const track = el.closest('.tl-scroller')?.getBoundingClientRect();
    if (!title || !track) return false;
    const range = document.createRange();
    range.selectNodeContents(title);
    const text = range.getBoundingClientRect();
    return text.left >= track.left + labelsW - 1 && text.right <= track.right + 1;
  }, LABELS_W);

describe('the timeline keeps its place', () => {
  it('zooms around the day under the pointer, or the middle of the track, not back to today', async () => {
    const { page, pageErrors } = await timelineOf([
      {
        title: 'Spring Linen',
        shootDate: '2027-05-05',
        publishDate: '2027-05-12',
        dropDate: '2027-05-12',
      },
    ]);
    const scroller = page.locator('.tl-scroller');
    const bar = page.locator('.tl-bar', { hasText: 'Spring Linen' });
    const today = page.locator('.tl-today');
    // May is far from today: scroll the bar to the middle of the track, as a person would.
    await bar.waitFor();
    await scroller.evaluate((el, labelsW) => {
      const box = el.getBoundingClientRect();
      const drop = el.querySelector('.tl-bar')!.getBoundingClientRect();
      el.scrollLeft += drop.left + drop.width / 2 - (box.left + (labelsW + el.clientWidth) / 2);
    }, LABELS_W);
    await expect.poll(() => inSight(page, bar)).toBe(true);
    expect(await inSight(page, today)).toBe(false);

    // The pointer on the bar's launch, a week into the bar (shoot 5 May, launch 12 May).
    const before = (await bar.boundingBox())!;
    const span = 7 + 30; // days from shoot to the end of the 30-day window
    const x = before.x + (before.width * 7) / span;
    const y = before.y + before.height / 2;
    await page.mouse.move(x, y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await bar.boundingBox())?.width).toBeGreaterThan(before.width);
    const after = (await bar.boundingBox())!;
    // The same day is still under the pointer.
    expect(((x - after.x) / after.width) * span).toBeCloseTo(7, 0);

    // The buttons keep the middle of the track: the bar stays in sight, zoomed out and in.
    for (const name of ['Zoom out', 'Zoom out', 'Zoom in']) {
      const width = (await bar.boundingBox())!.width;
      await page.getByRole('button', { name }).click();
      await expect.poll(async () => (await bar.boundingBox())?.width).not.toBe(width);
      expect(await inSight(page, bar), name).toBe(true);
    }
    // Today still brings today back (the control: it is out of sight until then).
    expect(await inSight(page, today)).toBe(false);
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await expect.poll(() => inSight(page, today)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('follows a drop carried with the keyboard past the edge, and keeps the focus on it', async () => {
    const { page, pageErrors } = await timelineOf([
      {
        title: 'Night Coat',
        shootDate: '2026-12-23',
        publishDate: '2026-12-30',
        dropDate: '2026-12-30',
      },
    ]);
    const scroller = page.locator('.tl-scroller');
    const bar = page.locator('.tl-bar', { hasText: 'Night Coat' });
    const status = () => page.getByTestId('timeline-status').innerText();
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    while (await zoomIn.isEnabled()) await zoomIn.click();
    await expect.poll(() => titleInSight(bar)).toBe(true);
    const startedAt = await scroller.evaluate((el) => el.scrollLeft);

    // Eight weeks later, a day at a time: far past the right edge at this zoom.
    await bar.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 56; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(status).toBe('Night Coat would launch Wed, 24 Feb 2027.');
    expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(startedAt);
    expect(await titleInSight(bar)).toBe(true);
    expect(await bar.locator('.tl-bar-title').innerText()).toContain('→ Wed, 24 Feb 2027');

    // Put down there, it is still in sight and still has the focus: Space picks it up again,
    // and Escape leaves it on its new day.
    await page.keyboard.press('Space');
    await expect
      .poll(status)
      .toBe('“Night Coat” now launches Wed, 24 Feb 2027 (shoot and publish moved with it).');
    await expect.poll(() => titleInSight(bar)).toBe(true);
    expect(await bar.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(status).toMatch(/^Picked up Night Coat, launching Wed, 24 Feb 2027\./);

    // Carried back past the left edge and cancelled, it returns to sight where it was.
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(status).toBe('Night Coat would launch Fri, 15 Jan 2027.');
    expect(await titleInSight(bar)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(status).toBe('Night Coat stays on Wed, 24 Feb 2027.');
    await expect.poll(() => titleInSight(bar)).toBe(true);
    expect(await bar.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
