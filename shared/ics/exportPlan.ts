import {
  addDaysTo,
  dayInstant,
  formatDayForPeople,
  isIsoDay,
  isLaunchTime,
  isValidTimeZone,
} from '../cadence/days';
import { publishDeadline } from '../cadence/windows';
import { CHANNEL_LABELS, isChannel } from '../model/channels';
import type { Drop } from '../model/drop';
import { PLAYBOOK_LABELS } from '../playbook';
import { escapeText, icsDate, icsUtc, joinLines, uidPart } from './format';
import { fileNameSlug } from '../fileNameSlug';

export interface IcsExportOptions {
  workspaceName: string;
  /** The workspace's IANA time zone; days and launch times are read in it. */
  timezone: string;
  /** Also export shoot and publish days as events. */
  includeShootAndPublish?: boolean;
  /** Names creators in descriptions. */
  creatorName?: (id: string) => string | undefined;
  /** Export time (DTSTAMP, and the SEQUENCE that lets a re-import update events). */
  now?: number;
  /** A reminder (VALARM) on every event, this many days before it; none when absent. */
  reminderDays?: IcsReminderDays | null;
}

/** The reminders the export offers: the day before, two days before, a week before. */
export const ICS_REMINDER_DAYS = [1, 2, 7] as const;
export type IcsReminderDays = (typeof ICS_REMINDER_DAYS)[number];

export type IcsDrop = Pick<
  Drop,
  'id' | 'title' | 'narrative' | 'creatorId' | 'shootDate' | 'publishDate' | 'dropDate' | 'archived'
> & { launchTime?: string | null; channels?: readonly string[] };

// SEQUENCE must not go down between exports of the same event, or calendars ignore the
// update: minutes since 2024 grow with every export and stay a small integer.
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

/** The stable UID of a drop's event: re-importing updates the event instead of adding one. */
export function eventUid(dropId: string, kind: 'launch' | 'shoot' | 'publish'): string {
  return `${uidPart(dropId)}-${kind}@cadence`;
}

/**
 * The plan as an RFC 5545 iCalendar file: one event per launch (all-day, or at its launch
 * time written in UTC so no VTIMEZONE is needed), optionally shoot and publish days.
 * Archived drops and drops without dates are left out.
 */
export function exportPlanIcs(drops: Iterable<IcsDrop>, input: IcsExportOptions): string {
  // Every value below comes from a document any teammate can write: text is escaped, ids are
  // encoded, and dates, times and the zone are checked, so nothing can add lines to the file.
  const opts = { ...input, timezone: isValidTimeZone(input.timezone) ? input.timezone : 'UTC' };
  const now = opts.now ?? Date.now();
  const stamp = icsUtc(now);
  const sequence = Math.max(0, Math.floor((now - SEQUENCE_EPOCH) / 60_000));
  const days = opts.reminderDays;
  const alarm = (kind: string, title: string, timed: boolean) =>
    days && (ICS_REMINDER_DAYS as readonly number[]).includes(days)
      ? reminder(days, `${kind} ${inDays(days)}: ${title}`, timed)
      : [];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cadence//Cadence drop plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${opts.workspaceName} · drops`)}`,
    `X-WR-TIMEZONE:${escapeText(opts.timezone)}`,
  ];
  const sorted = [...drops]
    .map(withCheckedDates)
    .filter((d) => !d.archived)
    .sort(
      (a, b) =>
        (a.dropDate ?? '9999').localeCompare(b.dropDate ?? '9999') || a.id.localeCompare(b.id),
    );

  for (const d of sorted) {
    const creator = d.creatorId ? opts.creatorName?.(d.creatorId) : undefined;
    const common = [`DTSTAMP:${stamp}`, `SEQUENCE:${sequence}`, `LAST-MODIFIED:${stamp}`];
    if (d.dropDate) {
      const details = [
        d.narrative.trim(),
        creator ? `Creator: ${creator}` : '',
        d.channels?.length ? `Channels: ${channelNames(d.channels)}` : '',
        d.shootDate ? `Shoot: ${formatDayForPeople(d.shootDate, 'en-GB')}` : '',
        d.publishDate ? `Publish: ${formatDayForPeople(d.publishDate, 'en-GB')}` : '',
        `Retargeting and local sell-through: ${PLAYBOOK_LABELS.retargeting} from launch. Repurchase interest: ${PLAYBOOK_LABELS.repurchase}.`,
      ].filter(Boolean);
      lines.push(
        'BEGIN:VEVENT',
        `UID:${eventUid(d.id, 'launch')}`,
        ...common,
        ...timing(d.dropDate, d.launchTime ?? null, opts.timezone),
        `SUMMARY:${escapeText(`Launch: ${d.title}`)}`,
        `DESCRIPTION:${escapeText(details.join('\n'))}`,
        'CATEGORIES:Launch',
        ...alarm('Launch', d.title, Boolean(d.launchTime)),
        'END:VEVENT',
      );
    }
    if (opts.includeShootAndPublish) {
      if (d.shootDate) {
        const deadline = publishDeadline(d);
        lines.push(
          'BEGIN:VEVENT',
          `UID:${eventUid(d.id, 'shoot')}`,
          ...common,
          ...timing(d.shootDate, null, opts.timezone),
          `SUMMARY:${escapeText(`Shoot: ${d.title}`)}`,
          `DESCRIPTION:${escapeText(
            `Three-shot kit: hero product, lifestyle moment, close-up detail.${
              deadline ? `\nPublish by ${formatDayForPeople(deadline, 'en-GB')}.` : ''
            }`,
          )}`,
          'CATEGORIES:Shoot',
          ...alarm('Shoot', d.title, false),
          'END:VEVENT',
        );
      }
      if (d.publishDate) {
        lines.push(
          'BEGIN:VEVENT',
          `UID:${eventUid(d.id, 'publish')}`,
          ...common,
          ...timing(d.publishDate, null, opts.timezone),
          `SUMMARY:${escapeText(`Publish: ${d.title}`)}`,
          'CATEGORIES:Publish',
          ...alarm('Publish', d.title, false),
          'END:VEVENT',
        );
      }
    }
  }
  lines.push('END:VCALENDAR');
  return joinLines(lines);
}

// Channels by the names people know ("Pop-up", not "popup"); an unknown value is left out.
function channelNames(channels: readonly string[]): string {
  return channels
    .filter(isChannel)
    .map((c) => CHANNEL_LABELS[c])
    .join(', ');
}

function inDays(days: IcsReminderDays): string {
  return days === 1 ? 'tomorrow' : days === 7 ? 'in a week' : `in ${days} days`;
}

// A display alarm. An all-day event starts at midnight, so its reminder rings at 09:00 the
// chosen number of days before (-P0DT15H is 09:00 the day before); a timed launch's rings at
// its own time of day.
function reminder(days: IcsReminderDays, text: string, timed: boolean): string[] {
  const trigger = timed ? `-P${days}D` : days === 1 ? '-PT15H' : `-P${days - 1}DT15H`;
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(text)}`,
    `TRIGGER:${trigger}`,
    'END:VALARM',
  ];
}

// A date or launch time that is not well formed is left out, as if it were unset.
function withCheckedDates(d: IcsDrop): IcsDrop {
  return {
    ...d,
    shootDate: isIsoDay(d.shootDate) ? d.shootDate : null,
    publishDate: isIsoDay(d.publishDate) ? d.publishDate : null,
    dropDate: isIsoDay(d.dropDate) ? d.dropDate : null,
    launchTime: isLaunchTime(d.launchTime) ? d.launchTime : null,
  };
}

function timing(day: string, time: string | null, tz: string): string[] {
  if (!time) {
    return [
      `DTSTART;VALUE=DATE:${icsDate(day)}`,
      `DTEND;VALUE=DATE:${icsDate(addDaysTo(day, 1))}`,
      'TRANSP:TRANSPARENT',
    ];
  }
  const start = dayInstant(day, tz, time);
  return [`DTSTART:${icsUtc(start)}`, `DTEND:${icsUtc(start + 3600_000)}`];
}

/** A file name for the export, e.g. "linen-and-salt-drops.ics" (every letter of the name kept). */
export function icsFileName(workspaceName: string): string {
  return `${fileNameSlug(workspaceName, 60, 'cadence')}-drops.ics`;
}
