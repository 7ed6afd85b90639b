import { describe, expect, it } from 'vitest';
import { createCreator, createDrop, linkCreator } from '../../../shared/model';
import { updateBrief } from '../../../shared/brief';
import { creatorLeaderboard, dropPoints, readResults } from '../../../shared/results';
import { briefWorkspace } from '../brief/fixtures';

// A drop still to launch has no sales yet: the Results view lists it but judges nothing, and
// a creator whose drops are all to come has no return of zero.

describe('drops still to launch, in the Results view', () => {
  it('are marked upcoming and left out of the creators’ sums', () => {
    const { doc, dropId, stageId, creatorId } = briefWorkspace(); // launches Tue 17 Mar 2026
    const later = createDrop(doc, { stageId, title: 'Indigo stitch', dropDate: '2026-03-20' });
    linkCreator(doc, later, creatorId);
    const ola = createCreator(doc, { name: 'Ola Berg' });
    const hers = createDrop(doc, { stageId, title: 'Sea salt tee', dropDate: '2026-03-25' });
    linkCreator(doc, hers, ola);
    const results = readResults(doc);
    const day = (id: string) =>
      id === dropId ? '2026-03-17' : id === later ? '2026-03-20' : '2026-03-25';
    const now = Date.UTC(2026, 2, 18, 12);

    const points = dropPoints(results.values(), day, now);
    expect(points.map((p) => [p.title, p.upcoming])).toEqual([
      ['Harbour linen', false],
      ['Indigo stitch', true],
      ['Sea salt tee', true],
    ]);
    const rows = new Map(creatorLeaderboard(results.values(), now).map((r) => [r.name, r]));
    expect(rows.get('Mara Lin')).toMatchObject({ drops: 2, launched: 1 });
    expect(rows.get('Ola Berg')).toMatchObject({ drops: 1, launched: 0, orders: 0, net: 0 });

    // Once all have launched, every drop counts (the positive control).
    const after = Date.UTC(2026, 3, 1);
    expect(dropPoints(results.values(), day, after).every((p) => !p.upcoming)).toBe(true);
    expect(creatorLeaderboard(results.values(), after).map((r) => r.launched)).toEqual([2, 1]);
  });

  it('leave a creator’s sums in the currency of the drops launched, whatever the next one is in', () => {
    const { doc, dropId, stageId, creatorId } = briefWorkspace(); // launches Tue 17 Mar 2026
    updateBrief(doc, dropId, { currency: 'USD', fee: 100 });
    const later = createDrop(doc, { stageId, title: 'Indigo stitch', dropDate: '2026-03-20' });
    linkCreator(doc, later, creatorId);
    updateBrief(doc, later, { currency: 'GBP' });
    const results = readResults(doc);
    const mara = (now: number) =>
      creatorLeaderboard(results.values(), now).find((r) => r.name === 'Mara Lin')!;
    // Only the dollar drop is summed: its currency, not "mixed".
    expect(mara(Date.UTC(2026, 2, 18, 12))).toMatchObject({ launched: 1, currency: 'USD' });
    // Both launched, the sums would mix dollars and pounds (the positive control), and so
    // would a ratio of them: none is given.
    expect(mara(Date.UTC(2026, 3, 1))).toMatchObject({ launched: 2, currency: null, ratio: null });
  });
});
