import { addDays, format, parseISO } from 'date-fns';
import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl, newPage, type WatchedPage } from './browser';

/** The shortcut modifier of this platform (⌘ on macOS, Ctrl elsewhere). */
export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * Opens the sample workspace in a page whose clock stands still at `today` (an ISO instant):
 * the sample's dates are relative to today, so a pinned today makes them known to the test.
 */
export async function openSampleOn(context: BrowserContext, today: string): Promise<WatchedPage> {
  const watched = await newPage(context);
  await watched.page.clock.setFixedTime(new Date(today));
  await watched.page.goto(baseUrl());
  await watched.page.waitForSelector('[data-testid="drop-card"]');
  return watched;
}

/** Switches to the calendar view with its shortcut and waits for the month grid. */
export async function showCalendar(page: Page): Promise<void> {
  await page.keyboard.press(`${MOD}+2`);
  await page.waitForSelector('.cal-grid');
}

/** Clicks Export .ics and reads the downloaded file back with ical.js. */
export async function exportIcs(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export .ics' }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  const comp = new ICAL.Component(ICAL.parse(text));
  const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { fileName: download.suggestedFilename(), text, events };
}

/** A drop's launch chip on the month grid, by its title (not the one dragged over it). */
export const chip = (page: Page, title: string) =>
  page.locator('.cal-chip:not(.is-overlay)', { hasText: title });
/** The day (`yyyy-MM-dd`) of the cell an element sits in. */
export const dayOf = (l: Locator) =>
  l.evaluate((el) => el.closest('[data-day]')?.getAttribute('data-day'));
/** The month grid's cell of a day. */
export const cell = (page: Page, day: string) => page.locator(`.cal-day[data-day="${day}"]`);
/** The drop panel. */
export const panel = (page: Page) =>
  page
    .getByRole('complementary', { name: 'Drop details' })
    .or(page.locator('[aria-label="Drop details"]'));

/** The shoot, publish and launch dates the drop panel shows (`yyyy-MM-dd`). */
export async function datesInPanel(page: Page) {
  const p = panel(page).first();
  return {
    shoot: await p.getByLabel('Shoot', { exact: true }).inputValue(),
    publish: await p.getByLabel('Publish', { exact: true }).inputValue(),
    drop: await p.getByLabel('Drop', { exact: true }).inputValue(),
  };
}

/** `day` moved by `n` days (an empty day stays empty). */
export function shift(day: string, n: number): string {
  return day ? format(addDays(parseISO(day), n), 'yyyy-MM-dd') : day;
}

/**
 * Records from now on every text of dnd-kit's live region (what screen readers hear of a drag),
 * to read back with `heardSince`: polling the region would miss the texts between two polls.
 */
export async function listenToDrag(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { heard: string[]; ear?: MutationObserver };
    w.ear?.disconnect();
    w.heard = [];
    const region = document.querySelector('[id^="DndLiveRegion"]')!;
    w.ear = new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text && w.heard.at(-1) !== text) w.heard.push(text);
    });
    w.ear.observe(region, { childList: true, characterData: true, subtree: true });
  });
}

/** The texts of the drag's live region since `listenToDrag`, in order. */
export const heardSince = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { heard: string[] }).heard);
