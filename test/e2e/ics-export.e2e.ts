import type ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { exportIcs, openSampleOn, showCalendar } from './support/calendar';

// The plan as a calendar file, exported from the calendar view of the built app and read back
// with ical.js: channels by their names, and the reminder chosen beside the export button.

const TODAY = '2026-03-10T09:00:00Z';

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
    const watched = await openSampleOn(context, TODAY);
    page = watched.page;
    pageErrors = watched.pageErrors;
    await showCalendar(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('names channels as people do ("Pop-up", not "popup")', async () => {
    const { events } = await exportIcs(page);
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
    const { events } = await exportIcs(page);
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
    expect((await exportIcs(page)).events.every((e) => ringsAt(e) === null)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
