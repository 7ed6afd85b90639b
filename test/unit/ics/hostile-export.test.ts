import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DropId } from '../../../shared/model/ids';
import { exportPlanIcs, type IcsDrop } from '../../../shared/ics';
import { parseStrict, prop, shape, unescapeText, type StrictComponent } from './strictIcs';

// Hostile values a teammate (or a damaged file) can put in the document: every one of them
// must come out as data inside its own property, never as a new line, property or event.
const INJECT =
  '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nURL:https://evil.example\r\nSUMMARY:pwn';
const NOW = Date.UTC(2026, 2, 1, 9, 30);

function drop(p: Omit<Partial<IcsDrop>, 'id'> & { id: string }): IcsDrop {
  return {
    title: 'Linen',
    narrative: '',
    creatorId: null,
    shootDate: null,
    publishDate: null,
    dropDate: '2026-03-14',
    archived: false,
    ...p,
    id: p.id as DropId,
  };
}

function both(ics: string) {
  const strict = parseStrict(ics);
  const ical = new ICAL.Component(ICAL.parse(ics));
  const events = ical.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { strict, events, ical };
}

function vevents(c: StrictComponent) {
  return c.children.filter((x) => x.name === 'VEVENT');
}

const benign = [drop({ id: 'd_a', title: 'Linen' }), drop({ id: 'd_b', title: 'Denim' })];
const benignOpts = { workspaceName: 'W', timezone: 'Europe/Berlin', now: NOW };

describe('.ics export with hostile document values', () => {
  it('a CRLF in a drop id or the time zone adds no event, property or URL', () => {
    const hostile = [
      drop({ id: `d_a${INJECT}`, title: 'Linen' }),
      drop({ id: 'd_b', title: 'Denim' }),
    ];
    const ics = exportPlanIcs(hostile, { ...benignOpts, timezone: `Europe/Berlin${INJECT}` });
    const { strict, events } = both(ics);
    expect(events).toHaveLength(2);
    expect(vevents(strict)).toHaveLength(2);
    expect(shape(strict)).toEqual(shape(parseStrict(exportPlanIcs(benign, benignOpts))));
    expect(ics).not.toMatch(/^URL/m);
    expect(events.map((e) => e.summary)).toEqual(['Launch: Linen', 'Launch: Denim']);
    // The hostile id still gives a UID of its own, stable across exports, and an ordinary id
    // keeps the UID calendars already know.
    expect(events[1]!.uid).toBe('d_b-launch@cadence');
    expect(events[0]!.uid).not.toBe(events[1]!.uid);
    expect(events[0]!.uid).toMatch(/^d_a%0D%0AEND%3AVEVENT/);
    // An unknown zone is not written; times fall back to UTC.
    expect(prop(strict, 'X-WR-TIMEZONE')).toBe('UTC');
  });

  it('strips forbidden control characters from every text value and keeps the rest', () => {
    const nasty = 'Sea\u0000\u0007\u001b[31m\u007f\u0085\u2028\f\v\rsalt\tsun, ok; \\ end\uD800';
    const ics = exportPlanIcs(
      [
        drop({
          id: 'd_a',
          title: nasty,
          narrative: `Story${INJECT}`,
          creatorId: 'c_1' as IcsDrop['creatorId'],
          channels: [`Insta${INJECT}`, 'TikTok'],
          shootDate: '2026-03-06',
          publishDate: '2026-03-13',
        }),
      ],
      {
        ...benignOpts,
        workspaceName: `Linen${INJECT}\u0000`,
        includeShootAndPublish: true,
        creatorName: () => `Ana${INJECT}`,
      },
    );
    const { strict, events, ical } = both(ics);
    expect(vevents(strict)).toHaveLength(3);
    expect(events).toHaveLength(3);
    for (const e of events) {
      // Only HTAB and line breaks written as \n survive; no other control character.
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(e.summary).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      expect(e.summary).toContain('salt\tsun, ok; \\ end');
    }
    const launch = events.find((e) => e.uid === 'd_a-launch@cadence')!;
    expect(launch.summary.startsWith('Launch: Sea[31m')).toBe(true);
    // The injected text stays inside DESCRIPTION as plain text lines.
    expect(launch.description).toContain('END:VEVENT\nBEGIN:VEVENT\nUID:evil');
    expect(launch.description).toContain('Creator: Ana\nEND:VEVENT');
    const strictLaunch = vevents(strict).find((v) => prop(v, 'UID') === 'd_a-launch@cadence')!;
    expect(unescapeText(prop(strictLaunch, 'DESCRIPTION')!)).toBe(launch.description);
    expect(unescapeText(prop(strict, 'X-WR-CALNAME')!)).toContain('Linen\nEND:VEVENT');
    expect(String(ical.getFirstPropertyValue('x-wr-calname'))).not.toMatch(/[\r\n]/);
    expect(ics).not.toMatch(/^(URL|UID:evil|SUMMARY:pwn)/m);
  });

  it('leaves out dates and launch times that are not well formed instead of writing them', () => {
    const ics = exportPlanIcs(
      [
        drop({ id: 'd_a', dropDate: `2026-03-14${INJECT}` }),
        drop({ id: 'd_b', dropDate: '2026-03-15', launchTime: `18:00${INJECT}` }),
        drop({ id: 'd_c', dropDate: '2026-03-16', shootDate: `x${INJECT}` }),
      ],
      { ...benignOpts, includeShootAndPublish: true },
    );
    const { strict, events } = both(ics);
    expect(events.map((e) => e.uid)).toEqual(['d_b-launch@cadence', 'd_c-launch@cadence']);
    expect(vevents(strict)).toHaveLength(2);
    // The bad launch time is ignored: an all-day event on its day.
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe('2026-03-15');
  });

  it('the strict reader refuses what the old export wrote (positive control)', () => {
    expect(() =>
      parseStrict('BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:UTC\rURL:x\r\nEND:VCALENDAR\r\n'),
    ).toThrow(/bare CR/);
    expect(() => parseStrict('BEGIN:VCALENDAR\r\nSUMMARY:a\u001bb\r\nEND:VCALENDAR\r\n')).toThrow(
      /control/,
    );
    expect(() => parseStrict('BEGIN:VCALENDAR\r\nSUMMARY:a,b\r\nEND:VCALENDAR\r\n')).toThrow(
      /unescaped/,
    );
  });
});
