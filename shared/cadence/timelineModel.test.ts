import { describe, expect, it } from 'vitest';
import type { CreatorId, DropId, StageId } from '../model/ids';
import { launchesBetween } from './cadence';
import { buildTimeline, keepSameBars, type TimelineDrop } from './timelineModel';

const stages = [
  { id: 's_concept' as StageId, name: 'Concept & creator', rank: 'a0' },
  { id: 's_live' as StageId, name: 'Live', rank: 'a1' },
];
const drop = (id: string, p: Partial<TimelineDrop>): TimelineDrop => ({
  id: id as DropId,
  title: id,
  color: '#0f766e',
  pos: { stageId: 's_concept' as StageId, rank: 'a0' },
  creatorId: null,
  shootDate: null,
  publishDate: null,
  dropDate: null,
  archived: false,
  ...p,
});
const base = {
  first: '2026-03-01',
  months: 6,
  stages,
  cadence: { kind: 'monthly' } as const,
  today: '2026-03-10',
  tz: 'Europe/Berlin',
};

describe('timeline model', () => {
  it('spans from shoot to the end of the 30-day repurchase window', () => {
    const t = buildTimeline({
      ...base,
      groupBy: 'stage',
      drops: [
        drop('a', { shootDate: '2026-03-06', publishDate: '2026-03-13', dropDate: '2026-03-14' }),
      ],
    });
    expect(t.days).toBe(184);
    expect(t.months.map((m) => m.label)).toEqual([
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
    ]);
    const bar = t.lanes[0]!.rows[0]![0]!;
    expect(bar).toMatchObject({
      start: 5,
      publish: 12,
      deadline: 12,
      launch: 13,
      end72: 16,
      end: 43,
    });
    expect(t.today).toBe(9);
  });

  it('has one lane per stage, in board order, and packs overlapping drops into rows', () => {
    const t = buildTimeline({
      ...base,
      groupBy: 'stage',
      drops: [
        drop('a', { dropDate: '2026-03-14' }),
        drop('b', { dropDate: '2026-03-20' }),
        drop('c', { dropDate: '2026-05-01' }),
        drop('live', { dropDate: '2026-03-01', pos: { stageId: 's_live' as StageId, rank: 'a0' } }),
        drop('gone', { dropDate: '2026-03-01', archived: true }),
      ],
    });
    expect(t.lanes.map((l) => l.label)).toEqual(['Concept & creator', 'Live']);
    expect(t.lanes[0]!.rows.map((r) => r.map((b) => b.dropId))).toEqual([['a', 'c'], ['b']]);
    expect(t.lanes[1]!.rows.flat().map((b) => b.dropId)).toEqual(['live']);
  });

  it('groups by creator with a lane for drops without one', () => {
    const t = buildTimeline({
      ...base,
      groupBy: 'creator',
      creators: [{ id: 'c_ana', name: 'Ana' }],
      drops: [
        drop('a', { dropDate: '2026-03-14', creatorId: 'c_ana' as CreatorId }),
        drop('b', { dropDate: '2026-04-14' }),
      ],
    });
    expect(t.lanes.map((l) => [l.label, l.rows.flat().map((b) => b.dropId)])).toEqual([
      ['Ana', ['a']],
      ['No creator yet', ['b']],
    ]);
  });

  it('draws the cadence as beats through the first launch', () => {
    const t = buildTimeline({
      ...base,
      groupBy: 'stage',
      drops: [drop('a', { dropDate: '2026-03-31' })],
    });
    // Month-end rhythm: Mar 31, Apr 30, May 31, …
    expect(t.beats).toEqual([30, 60, 91, 121, 152, 183]);
    expect(
      launchesBetween('2026-01-15', { kind: 'weeks', every: 2 }, '2026-03-01', '2026-04-01'),
    ).toEqual(['2026-03-12', '2026-03-26']);
  });

  it('leaves out drops entirely outside the range', () => {
    const t = buildTimeline({
      ...base,
      groupBy: 'stage',
      drops: [drop('old', { dropDate: '2025-12-01' }), drop('far', { dropDate: '2027-01-01' })],
    });
    expect(t.lanes.flatMap((l) => l.rows.flat())).toEqual([]);
  });
});

describe('keepSameBars', () => {
  it('keeps every bar and lane a reschedule did not touch, and renews the moved one', () => {
    const drops = Array.from({ length: 20 }, (_, i) =>
      drop(`d${i}`, {
        dropDate: `2026-0${3 + (i % 5)}-1${i % 10}`,
        pos: { stageId: (i % 2 ? 's_live' : 's_concept') as StageId, rank: 'a0' },
      }),
    );
    const input = { ...base, groupBy: 'stage' as const };
    const before = buildTimeline({ ...input, drops });
    const same = keepSameBars(before, buildTimeline({ ...input, drops }));
    expect(same.lanes).toEqual(before.lanes);
    same.lanes.forEach((lane, i) => expect(lane).toBe(before.lanes[i])); // nothing changed

    const moved = drops.map((d) => (d.id === 'd0' ? { ...d, dropDate: '2026-08-20' } : d));
    const after = keepSameBars(before, buildTimeline({ ...input, drops: moved }));
    const bar = (m: typeof after, id: string) =>
      m.lanes.flatMap((l) => l.rows.flat()).find((b) => b.dropId === id)!;
    expect(bar(after, 'd0')).not.toBe(bar(before, 'd0'));
    expect(bar(after, 'd0').launch).toBeGreaterThan(bar(before, 'd0').launch);
    for (let i = 1; i < 20; i++) expect(bar(after, `d${i}`)).toBe(bar(before, `d${i}`));
    expect(after.lanes[1]).toBe(before.lanes[1]); // the other stage's lane as it was
  });
});
