import { describe, expect, it } from 'vitest';
import { dropWindows, publishDeadline } from './windows';

const byKind = (ws: ReturnType<typeof dropWindows>) =>
  Object.fromEntries(ws.map((w) => [w.kind, w]));
const iso = (ms: number) => new Date(ms).toISOString();

describe('derived windows', () => {
  it('puts the publish deadline seven days after the shoot', () => {
    expect(publishDeadline({ shootDate: '2026-02-25' })).toBe('2026-03-04');
    expect(publishDeadline({ shootDate: '2028-02-25' })).toBe('2028-03-03');
    expect(publishDeadline({ shootDate: null })).toBeNull();
    const w = byKind(dropWindows({ shootDate: '2026-03-25', dropDate: null }, 'Europe/Berlin'));
    expect(w['publish-deadline']).toMatchObject({ startDay: '2026-04-01', endDay: '2026-04-01' });
    expect(w.retargeting).toBeUndefined();
  });

  it('gives an all-day launch three whole days of retargeting and sell-through, and 30 days of repurchase interest', () => {
    const w = byKind(dropWindows({ shootDate: null, dropDate: '2026-03-14' }, 'UTC'));
    expect(w.retargeting).toMatchObject({ startDay: '2026-03-14', endDay: '2026-03-16' });
    expect(w['sell-through']).toMatchObject({ startDay: '2026-03-14', endDay: '2026-03-16' });
    expect(w.repurchase).toMatchObject({ startDay: '2026-03-14', endDay: '2026-04-12' });
    expect(w.retargeting!.end - w.retargeting!.start).toBe(72 * 3600_000);
  });

  it('keeps all-day windows on whole days across a DST change (Berlin, spring)', () => {
    const w = byKind(dropWindows({ shootDate: null, dropDate: '2026-03-28' }, 'Europe/Berlin'));
    expect(w.retargeting).toMatchObject({ startDay: '2026-03-28', endDay: '2026-03-30' });
    // The clock lost an hour, so these three days hold only 71 real hours.
    expect(w.retargeting!.end - w.retargeting!.start).toBe(71 * 3600_000);
    expect(iso(w.retargeting!.start)).toBe('2026-03-27T23:00:00.000Z');
  });

  it('counts 72 real hours from a timed launch across a DST change (New York, fall)', () => {
    const w = byKind(
      dropWindows(
        { shootDate: null, dropDate: '2026-10-31', launchTime: '18:00' },
        'America/New_York',
      ),
    );
    expect(iso(w.retargeting!.start)).toBe('2026-10-31T22:00:00.000Z');
    expect(iso(w.retargeting!.end)).toBe('2026-11-03T22:00:00.000Z'); // 17:00 EST
    expect(w.retargeting).toMatchObject({ startDay: '2026-10-31', endDay: '2026-11-03' });
    // Repurchase interest is 30 calendar days, ending at the same wall-clock time.
    expect(w.repurchase!.endDay).toBe('2026-11-30');
  });

  it('runs the repurchase window over a month end and a leap day', () => {
    const w = byKind(dropWindows({ shootDate: null, dropDate: '2028-02-15' }, 'UTC'));
    expect(w.repurchase).toMatchObject({ startDay: '2028-02-15', endDay: '2028-03-15' });
  });
});
