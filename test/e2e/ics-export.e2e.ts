import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchChromium, newPage } from './support/browser';

// The plan as a calendar file, exported from the calendar view of the built app and read back
// with ical.js: channels by their names, and the reminder chosen beside the export button.

const TODAY = '2026-03-10T09:00:00Z';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function exportIcs(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export .ics' }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

// When an event's first reminder rings, as the parser reads it (start + trigger).
function ringsAt(e: ICAL.Event) {
  const alarm = e.component.getFirstSubcomponent('valarm');
  if (!alarm) return null;
  const at = e.startDate.clone();
  at.isDate = false;
  at.addDuration(alarm.getFirstPropertyValue('trigger') as ICAL.Duration);
  return { at: at.toString(), text: alarm.getFirstPropertyValue('description') };
}

describe('exporting the plan as .ics', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    const watched = await newPage(context);
    page = watched.page;
    pageErrors = watched.pageErrors;
    await page.clock.setFixedTime(new Date(TODAY));
    await page.goto(baseUrl());
    await page.waitForSelector('[data-testid="drop-card"]');
    await page.keyboard.press(`${mod}+2`);
    await page.waitForSelector('.cal-grid');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('names channels as people do ("Pop-up", not "popup")', async () => {
    const events = await exportIcs(page);
    const channels = events
      .map((e) => /^Channels: (.*)$/m.exec(e.description)?.[1])
      .filter((c): c is string => Boolean(c));
    expect(channels.length).toBeGreaterThan(0);
    expect(channels.some((c) => c.split(', ').includes('Pop-up'))).toBe(true);
    expect(channels.some((c) => c.includes('TikTok') || c.includes('Instagram'))).toBe(true);
    expect(channels.join('\n')).not.toMatch(/\b(popup|tiktok|instagram|storefront|email)\b/);
    // No reminder unless one is chosen.
    expect(events.every((e) => ringsAt(e) === null)).toBe(true);
  });

  it('adds the chosen reminder: the day before each shoot, at 09:00', async () => {
    await page.getByLabel('with shoot & publish').check();
    await page.getByLabel('Reminder in the calendar file').selectOption({
      label: 'Remind the day before',
    });
    const events = await exportIcs(page);
    const shoots = events.filter((e) => e.uid.endsWith('-shoot@cadence'));
    expect(shoots.length).toBeGreaterThan(0);
    for (const shoot of shoots) {
      const title = shoot.summary.replace(/^Shoot: /, '');
      const dayBefore = shoot.startDate.clone();
      dayBefore.adjust(-1, 0, 0, 0);
      expect(ringsAt(shoot)).toEqual({
        at: `${dayBefore.toString()}T09:00:00`,
        text: `Shoot tomorrow: ${title}`,
      });
    }
    // Launches carry it too.
    expect(events.filter((e) => e.uid.endsWith('-launch@cadence')).every(ringsAt)).toBe(true);

    await page.getByLabel('Reminder in the calendar file').selectOption({ label: 'No reminder' });
    expect((await exportIcs(page)).every((e) => ringsAt(e) === null)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
