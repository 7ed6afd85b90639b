import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DropId } from '../model/ids';
import { eventUid, exportPlanIcs, icsFileName, type IcsDrop } from './exportPlan';
import { escapeText, foldLine } from './format';

const NOW = Date.UTC(2026, 2, 1, 9, 30);

function drop(p: Omit<Partial<IcsDrop>, 'id'> & { id: string }): IcsDrop {
  return {
    title: 'Linen',
    narrative: '',
    creatorId: null,
    shootDate: null,
    publishDate: null,
    dropDate: null,
    archived: false,
    ...p,
    id: p.id as DropId,
  };
}

function events(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('iCalendar export', () => {
  it('writes one all-day event per launch with a stable UID, DTSTAMP and SEQUENCE', () => {
    const ics = exportPlanIcs(
      [
        drop({ id: 'd_a', title: 'Linen', dropDate: '2026-03-14' }),
        drop({ id: 'd_b', title: 'Denim', dropDate: '2026-04-14' }),
        drop({ id: 'd_c', title: 'Undated' }),
        drop({ id: 'd_d', title: 'Old', dropDate: '2026-02-01', archived: true }),
      ],
      { workspaceName: 'Linen & Salt', timezone: 'Europe/Berlin', now: NOW },
    );
    const evs = events(ics);
    expect(evs.map((e) => e.uid)).toEqual(['d_a-launch@cadence', 'd_b-launch@cadence']);
    const first = evs[0]!;
    expect(first.summary).toBe('Launch: Linen');
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2026-03-14');
    expect(first.endDate.toString()).toBe('2026-03-15');
    const comp = first.component;
    expect(comp.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-01T09:30:00Z');
    expect(Number(comp.getFirstPropertyValue('sequence'))).toBeGreaterThan(0);
  });

  it('gives a re-export the same UIDs and a higher SEQUENCE, so calendars update', () => {
    const drops = [drop({ id: 'd_a', dropDate: '2026-03-14' })];
    const opts = { workspaceName: 'W', timezone: 'UTC' };
    const a = events(exportPlanIcs(drops, { ...opts, now: NOW }))[0]!;
    const b = events(exportPlanIcs(drops, { ...opts, now: NOW + 3600_000 }))[0]!;
    expect(b.uid).toBe(a.uid);
    expect(b.sequence).toBeGreaterThan(a.sequence);
  });

  it('writes a timed launch in UTC at the right instant, across DST', () => {
    const ics = exportPlanIcs(
      [
        drop({ id: 'd_w', dropDate: '2026-03-28', launchTime: '18:00' }),
        drop({ id: 'd_s', dropDate: '2026-03-29', launchTime: '18:00' }),
      ],
      { workspaceName: 'W', timezone: 'Europe/Berlin', now: NOW },
    );
    const [w, s] = events(ics);
    expect(w!.startDate.isDate).toBe(false);
    expect(w!.startDate.toJSDate().toISOString()).toBe('2026-03-28T17:00:00.000Z');
    expect(s!.startDate.toJSDate().toISOString()).toBe('2026-03-29T16:00:00.000Z');
    expect(ics).toContain('DTSTART:20260329T160000Z');
  });

  it('adds shoot and publish events when asked', () => {
    const ics = exportPlanIcs(
      [
        drop({
          id: 'd_a',
          shootDate: '2026-03-06',
          publishDate: '2026-03-13',
          dropDate: '2026-03-14',
        }),
      ],
      { workspaceName: 'W', timezone: 'UTC', includeShootAndPublish: true, now: NOW },
    );
    const evs = events(ics);
    expect(evs.map((e) => e.uid).sort()).toEqual(
      [eventUid('d_a', 'launch'), eventUid('d_a', 'publish'), eventUid('d_a', 'shoot')].sort(),
    );
    const shoot = evs.find((e) => e.uid === 'd_a-shoot@cadence')!;
    expect(shoot.startDate.toString()).toBe('2026-03-06');
    expect(shoot.description).toContain('Publish by Fri, 13 Mar 2026.');
  });

  it('escapes commas, semicolons, backslashes and newlines, and the parser reads them back', () => {
    const narrative = 'Salt, sun; linen\\cotton.\nSecond line, with “quotes”.';
    const ics = exportPlanIcs(
      [
        drop({
          id: 'd_a',
          title: 'Sea, salt; sun',
          narrative,
          creatorId: 'c_1' as IcsDrop['creatorId'],
          dropDate: '2026-03-14',
        }),
      ],
      {
        workspaceName: 'W',
        timezone: 'UTC',
        now: NOW,
        creatorName: () => 'Ana, Lisbon',
      },
    );
    expect(ics).toContain('SUMMARY:Launch: Sea\\, salt\\; sun');
    const ev = events(ics)[0]!;
    expect(ev.summary).toBe('Launch: Sea, salt; sun');
    expect(ev.description.startsWith(narrative)).toBe(true);
    expect(ev.description).toContain('Creator: Ana, Lisbon');
  });

  it('folds long lines at 75 octets with CRLF, never splitting a character', () => {
    const title = 'Ü'.repeat(60) + ' a very long title that goes on and on past the limit';
    const ics = exportPlanIcs([drop({ id: 'd_a', title, dropDate: '2026-03-14' })], {
      workspaceName: 'W',
      timezone: 'UTC',
      now: NOW,
    });
    const enc = new TextEncoder();
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(enc.encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(events(ics)[0]!.summary).toBe(`Launch: ${title}`);
  });

  it('has the unit rules right on their own', () => {
    expect(escapeText('a,b;c\\d\r\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('names channels by their labels, not their ids', () => {
    const ics = exportPlanIcs(
      [drop({ id: 'd_a', dropDate: '2026-03-14', channels: ['popup', 'tiktok', 'bogus'] })],
      { workspaceName: 'W', timezone: 'UTC', now: NOW },
    );
    const ev = events(ics)[0]!;
    expect(ev.description).toContain('Channels: Pop-up, TikTok');
    expect(ev.description).not.toMatch(/popup|bogus/);
  });

  it('adds no reminder unless one is chosen', () => {
    const ics = exportPlanIcs([drop({ id: 'd_a', dropDate: '2026-03-14' })], {
      workspaceName: 'W',
      timezone: 'UTC',
      now: NOW,
    });
    expect(ics).not.toContain('VALARM');
  });

  it('adds a display reminder to every event, at 09:00 the chosen days before a day', () => {
    const drops = [
      drop({ id: 'd_a', title: 'Linen', shootDate: '2026-03-06', dropDate: '2026-03-14' }),
      drop({ id: 'd_t', title: 'Knit', dropDate: '2026-03-20', launchTime: '18:00' }),
    ];
    const opts = { workspaceName: 'W', timezone: 'Europe/Berlin', now: NOW };
    const oneDay = events(
      exportPlanIcs(drops, { ...opts, includeShootAndPublish: true, reminderDays: 1 }),
    );
    const alarmOf = (e: ICAL.Event) => {
      const alarms = e.component.getAllSubcomponents('valarm');
      expect(alarms).toHaveLength(1);
      const a = alarms[0]!;
      const trigger = a.getFirstPropertyValue('trigger') as ICAL.Duration;
      // When it rings: the event's start (a floating all-day date or a UTC instant) plus the
      // trigger, read back by the parser.
      const at = e.startDate.clone();
      at.isDate = false;
      at.addDuration(trigger);
      return {
        action: a.getFirstPropertyValue('action'),
        text: a.getFirstPropertyValue('description'),
        at: at.toString(),
      };
    };
    const shoot = oneDay.find((e) => e.uid === eventUid('d_a', 'shoot'))!;
    expect(alarmOf(shoot)).toEqual({
      action: 'DISPLAY',
      text: 'Shoot tomorrow: Linen',
      at: '2026-03-05T09:00:00',
    });
    const launch = oneDay.find((e) => e.uid === eventUid('d_a', 'launch'))!;
    expect(alarmOf(launch).at).toBe('2026-03-13T09:00:00');
    // A timed launch (18:00 Berlin = 17:00 UTC) rings at the same time the day before.
    const timed = oneDay.find((e) => e.uid === eventUid('d_t', 'launch'))!;
    expect(alarmOf(timed)).toMatchObject({
      text: 'Launch tomorrow: Knit',
      at: '2026-03-19T17:00:00Z',
    });

    const week = events(
      exportPlanIcs(drops, { ...opts, includeShootAndPublish: true, reminderDays: 7 }),
    );
    const weekShoot = week.find((e) => e.uid === eventUid('d_a', 'shoot'))!;
    expect(alarmOf(weekShoot)).toMatchObject({
      text: 'Shoot in a week: Linen',
      at: '2026-02-27T09:00:00',
    });
    const two = events(exportPlanIcs(drops, { ...opts, reminderDays: 2 }));
    expect(alarmOf(two[0]!)).toMatchObject({
      text: 'Launch in 2 days: Linen',
      at: '2026-03-12T09:00:00',
    });
  });

  it('names the file after the workspace', () => {
    expect(icsFileName('Linen & Salt')).toBe('linen-and-salt-drops.ics');
    expect(icsFileName('***')).toBe('cadence-drops.ics');
    expect(icsFileName('Łódź Straße Atelier')).toBe('lodz-strasse-atelier-drops.ics');
    expect(icsFileName('夏の風')).toBe('夏の風-drops.ics');
  });
});
