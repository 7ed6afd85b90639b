import { describe, expect, it } from 'vitest';
import type { DropId } from '../model/ids';
import {
  cadenceFlags,
  createFlagMemo,
  flagsByDrop,
  keepSameFlags,
  keepSameFlagsByDrop,
  type FlaggableDrop,
} from './flags';

let n = 0;
function drop(p: Partial<FlaggableDrop>): FlaggableDrop {
  n++;
  return {
    id: `d_${n}` as DropId,
    title: `Drop ${n}`,
    narrative: 'A linen shirt for the first warm evening.',
    creatorId: 'c_1' as FlaggableDrop['creatorId'],
    shootDate: null,
    publishDate: null,
    dropDate: null,
    archived: false,
    ...p,
  };
}
const monthly = { kind: 'monthly' } as const;
const kinds = (fs: { kind: string }[]) => fs.map((f) => f.kind);

describe('cadence flags', () => {
  it('accepts a steady monthly rhythm', () => {
    const drops = ['2026-01-31', '2026-02-28', '2026-03-31'].map((d) => drop({ dropDate: d }));
    expect(cadenceFlags(drops, monthly, '2026-01-01')).toEqual([]);
  });

  it('flags a gap longer than the cadence, on the later launch', () => {
    const a = drop({ dropDate: '2026-01-10', title: 'Linen' });
    const b = drop({ dropDate: '2026-02-11', title: 'Denim' });
    const flags = cadenceFlags([b, a], monthly, '2026-01-01');
    expect(kinds(flags)).toEqual(['gap']);
    expect(flags[0]).toMatchObject({ dropIds: [a.id, b.id], day: '2026-02-11' });
    expect(flags[0]!.message).toContain('32 days without a launch between “Linen” and “Denim”');
  });

  it('flags two launches closer than half the cadence', () => {
    const a = drop({ dropDate: '2026-03-01' });
    const b = drop({ dropDate: '2026-03-10' });
    const c = drop({ dropDate: '2026-03-10' });
    const flags = cadenceFlags([a, b, c], monthly, '2026-01-01');
    expect(kinds(flags)).toEqual(['too-close', 'too-close']);
    expect(flags[1]!.message).toContain('launch on the same day');
  });

  it('measures N-week cadences in weeks', () => {
    const weekly2 = { kind: 'weeks', every: 2 } as const;
    const drops = [
      drop({ dropDate: '2026-03-01' }),
      drop({ dropDate: '2026-03-15' }),
      drop({ dropDate: '2026-03-30' }),
    ];
    expect(kinds(cadenceFlags(drops, weekly2, '2026-01-01'))).toEqual(['gap']);
  });

  it('ignores archived drops', () => {
    const drops = [
      drop({ dropDate: '2026-01-10' }),
      drop({ dropDate: '2026-01-12', archived: true }),
      drop({ dropDate: '2026-02-10' }),
    ];
    expect(cadenceFlags(drops, monthly, '2026-01-01')).toEqual([]);
  });

  it('flags a drop with no creator or narrative less than 14 days before launch', () => {
    const soon = drop({ dropDate: '2026-03-20', creatorId: null, narrative: '  ', title: 'Knit' });
    const later = drop({ dropDate: '2026-04-20', creatorId: null });
    const past = drop({ dropDate: '2026-03-01', narrative: '' });
    const flags = cadenceFlags([soon, later, past], { kind: 'weeks', every: 26 }, '2026-03-07');
    const notReady = flags.filter((f) => f.kind === 'not-ready');
    expect(notReady).toHaveLength(1);
    expect(notReady[0]!.message).toBe(
      '“Knit” launches in 13 days with no creator and no narrative.',
    );
    expect(cadenceFlags([soon], monthly, '2026-03-20')[0]!.message).toContain('launches today');
    expect(cadenceFlags([soon], monthly, '2026-03-06')).toEqual([]);
  });

  it('flags more than seven days from shoot to publish', () => {
    const ok = drop({ shootDate: '2026-03-01', publishDate: '2026-03-08' });
    const slow = drop({ shootDate: '2026-02-25', publishDate: '2026-03-05', title: 'Slow' });
    const flags = cadenceFlags([ok, slow], monthly, '2026-01-01');
    expect(kinds(flags)).toEqual(['slow-publish']);
    expect(flags[0]!.message).toBe(
      '“Slow” takes 8 days from shoot to publish — the playbook allows 7.',
    );
    expect(flagsByDrop(flags).get(slow.id)).toHaveLength(1);
  });

  it('flags a launch before its shoot, not one on the shoot day or after', () => {
    const early = drop({
      shootDate: '2026-12-09',
      publishDate: '2026-12-16',
      dropDate: '2026-12-05',
      title: 'Early',
    });
    const sameDay = drop({ shootDate: '2026-12-09', dropDate: '2026-12-09', title: 'Same' });
    const flags = cadenceFlags([early, sameDay], monthly, '2026-01-01').filter(
      (f) => f.kind === 'launch-before-shoot',
    );
    expect(flags).toEqual([
      {
        kind: 'launch-before-shoot',
        dropIds: [early.id],
        day: '2026-12-05',
        message: '“Early” launches 4 days before its shoot.',
      },
    ]);
  });
});

describe('keeping flags a change did not touch', () => {
  it('keeps each unchanged flag (and the list) by identity, and renews what changed', () => {
    const drops = ['2026-01-05', '2026-01-07', '2026-03-20', '2026-03-22'].map((d) =>
      drop({ dropDate: d, shootDate: '2025-12-01', publishDate: '2025-12-20' }),
    );
    const first = cadenceFlags(drops, monthly, '2026-01-01');
    const byDrop = keepSameFlagsByDrop(null, first);
    expect(keepSameFlags(first, cadenceFlags(drops, monthly, '2026-01-01'))).toBe(first);

    // The last drop moves: its clash changes, the other flags stay as they were.
    const moved = drops.map((d, i) => (i === 3 ? { ...d, dropDate: '2026-04-30' } : d));
    const fresh = cadenceFlags(moved, monthly, '2026-01-01');
    const next = keepSameFlags(first, fresh);
    expect(next).toEqual(fresh);
    expect(next).not.toBe(first);
    const kept = next.filter((f) => first.includes(f));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(next.length);
    const nextByDrop = keepSameFlagsByDrop(byDrop, next);
    expect(nextByDrop.get(drops[0]!.id)).toBe(byDrop.get(drops[0]!.id));
    expect(nextByDrop.get(drops[3]!.id)).not.toBe(byDrop.get(drops[3]!.id));
  });
});

describe('checking again with a memo', () => {
  it('finds the same flags as a fresh check after every change, reusing untouched ones', () => {
    let seed = 7;
    const rand = (k: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % k;
    };
    const day = (k: number) =>
      `2026-0${1 + Math.floor(k / 28)}-${String(1 + (k % 28)).padStart(2, '0')}`;
    let drops = Array.from({ length: 40 }, () =>
      drop({ dropDate: day(rand(150)), shootDate: day(rand(150)), publishDate: day(rand(150)) }),
    );
    const memo = createFlagMemo();
    const weekly2 = { kind: 'weeks', every: 2 } as const;
    let cadence: typeof monthly | typeof weekly2 = monthly;
    let today = '2026-01-01';
    let previous = cadenceFlags(drops, cadence, today, memo);
    for (let step = 0; step < 200; step++) {
      const i = rand(drops.length);
      const change = rand(6);
      if (change === 0) cadence = cadence === monthly ? weekly2 : monthly;
      else if (change === 1) today = day(rand(150));
      else if (change === 2)
        drops = drops.map((d, j) => (j === i ? { ...d, title: `T${step}` } : d));
      else if (change === 3) drops = drops.map((d, j) => (j === i ? { ...d, narrative: '' } : d));
      else drops = drops.map((d, j) => (j === i ? { ...d, dropDate: day(rand(150)) } : d));
      const withMemo = cadenceFlags(drops, cadence, today, memo);
      expect(withMemo).toEqual(cadenceFlags(drops, cadence, today));
      // A title change elsewhere leaves most flags the very same objects: only the renamed
      // drop's own (at most three) and its two pairs' are renewed.
      if (change === 2 && withMemo.length > 5) {
        expect(withMemo.filter((f) => previous.includes(f)).length).toBeGreaterThanOrEqual(
          withMemo.length - 5,
        );
      }
      previous = withMemo;
    }
  });
});
