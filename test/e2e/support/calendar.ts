import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
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
