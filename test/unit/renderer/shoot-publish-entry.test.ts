import { describe, expect, it } from 'vitest';
import { enterShootOrPublish } from '../../../renderer/src/panel/shootPublishEntry';

// Shoot and publish typed one at a time in the drop panel, kept in order.
const saved = { shootDate: '2027-03-01', publishDate: '2027-03-08' };
const label = (day: string) => `day ${day}`;

describe('enterShootOrPublish', () => {
  it('saves a date in order with the other one alone', () => {
    expect(enterShootOrPublish(saved, 'shootDate', '2027-03-05', null, label)).toEqual({
      kind: 'save',
      patch: { shootDate: '2027-03-05' },
      both: false,
    });
    // Same day is in order; an emptied box always is.
    expect(enterShootOrPublish(saved, 'shootDate', '2027-03-08', null, label).kind).toBe('save');
    expect(enterShootOrPublish(saved, 'publishDate', null, null, label).kind).toBe('save');
  });

  it('refuses a date on the wrong side of the saved one, in the field it was typed in', () => {
    expect(enterShootOrPublish(saved, 'shootDate', '2027-03-10', null, label)).toEqual({
      kind: 'refuse',
      field: 'shootDate',
      message: 'The shoot comes before publishing (day 2027-03-08).',
    });
    expect(enterShootOrPublish(saved, 'publishDate', '2027-02-27', null, label)).toEqual({
      kind: 'refuse',
      field: 'publishDate',
      message: 'Publish comes after the shoot.',
    });
  });

  it('saves a refused date that waits in its box together with the other one typed after it', () => {
    const shootWaits = { field: 'shootDate' as const, value: '2027-03-10' };
    expect(enterShootOrPublish(saved, 'publishDate', '2027-03-17', shootWaits, label)).toEqual({
      kind: 'save',
      patch: { publishDate: '2027-03-17', shootDate: '2027-03-10' },
      both: true,
    });
    const publishWaits = { field: 'publishDate' as const, value: '2027-02-27' };
    expect(enterShootOrPublish(saved, 'shootDate', '2027-02-20', publishWaits, label)).toEqual({
      kind: 'save',
      patch: { shootDate: '2027-02-20', publishDate: '2027-02-27' },
      both: true,
    });
    // Still out of order with the waiting date: this one is saved alone, the other still waits.
    expect(enterShootOrPublish(saved, 'publishDate', '2027-03-09', shootWaits, label)).toEqual({
      kind: 'save',
      patch: { publishDate: '2027-03-09' },
      both: false,
    });
  });
});
