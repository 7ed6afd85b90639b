import { describe, expect, it } from 'vitest';
import { guessEventMapping, readEventsCsv } from '../../../shared/results';

// An email platform's export names each row's event in a column of its own; left unread, every
// row (opens too) counted as the dialog's default kind, a click, and as repurchase interest.

const read = (csv: string) =>
  readEventsCsv(csv, { timeZone: 'Europe/London', defaultKind: 'click' });

describe('the kind of each event', () => {
  it('is read under the names email platforms give its column', () => {
    const metric = [
      'Event ID,Timestamp,Profile ID,Email,Event Name,Campaign Name',
      'e1,2026-04-01T09:00:00+00:00,p1,fan1@example.com,Clicked Email,Harbour Linen',
      'e2,2026-04-01T08:00:00+00:00,p2,fan2@example.com,Opened Email,Harbour Linen',
      'e3,2026-04-02T09:00:00+00:00,p3,fan3@example.com,Added to Wishlist,',
      '',
    ].join('\n');
    const r = read(metric);
    expect(r.mapping.kind).toBe('Event Name');
    expect(r.records.map((e) => [e.email, e.kind])).toEqual([
      ['fan1@example.com', 'click'],
      ['fan3@example.com', 'wishlist'],
    ]);
    expect(r.skipped?.kinds).toEqual([['Opened Email', 1]]);
    expect(guessEventMapping(['Email', 'Timestamp', 'Metric Name']).kind).toBe('Metric Name');
  });

  it("prefers an activity's action to its type (Mailchimp: a bounce's type)", () => {
    const mailchimp = [
      'email_address,action,type,timestamp,url',
      'fan1@example.com,open,,2026-04-01T09:00:00+00:00,',
      'fan2@example.com,click,,2026-04-01T09:05:00+00:00,https://shop.example/p/hl',
      'fan3@example.com,bounce,hard,2026-04-01T09:06:00+00:00,',
      '',
    ].join('\n');
    const r = read(mailchimp.replace('email_address', 'Email'));
    expect(r.mapping.kind).toBe('action');
    expect(r.records.map((e) => e.email)).toEqual(['fan2@example.com']);
    // A file whose only such column is its Type still reads it (positive control).
    expect(guessEventMapping(['Email', 'Time', 'Type']).kind).toBe('Type');
  });
});
