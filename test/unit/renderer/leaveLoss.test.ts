import { describe, expect, it } from 'vitest';
import { leaveLoss } from '../../../renderer/src/sync/ui/leaveLoss';

const drops = new Map([
  ['d1', { title: 'Harbour Linen' }],
  ['d2', { title: 'Night Market Tee' }],
  ['d3', { title: '' }],
]);

describe('what leaving would lose', () => {
  it('names the drops changed here that no teammate has', () => {
    const loss = leaveLoss({
      lastSyncedAt: 1,
      unsent: true,
      unsentDropIds: new Set(['d1', 'd3', 'gone']),
      drops,
    });
    expect(loss.atRisk).toBe(true);
    expect(loss.headline).toBe(
      '3 drops changed here (details or brief) have not reached a teammate yet.',
    );
    expect(loss.titles).toEqual(['Harbour Linen', 'Untitled drop', 'A drop deleted here']);
    expect(
      leaveLoss({ lastSyncedAt: 1, unsent: true, unsentDropIds: new Set(['d2']), drops }).headline,
    ).toBe('1 drop changed here (details or brief) has not reached a teammate yet.');
  });

  it('says everything is at risk in a workspace never shared', () => {
    const loss = leaveLoss(
      { lastSyncedAt: null, unsent: true, unsentDropIds: new Set(), drops },
      2,
    );
    expect(loss.atRisk).toBe(true);
    expect(loss.headline).toMatch(/never synced.*all 3 drops exist only on this computer/);
    expect(loss.titles).toEqual(['Harbour Linen', 'Night Market Tee']);
    expect(loss.more).toBe(1);
  });

  it('says nothing is lost when teammates have everything', () => {
    const loss = leaveLoss({ lastSyncedAt: 1, unsent: false, unsentDropIds: new Set(), drops });
    expect(loss).toEqual({
      atRisk: false,
      headline: 'Everything here has reached a teammate.',
      titles: [],
      more: 0,
    });
  });

  it('says changes that touched no drop have not been sent (a stage renamed offline)', () => {
    const loss = leaveLoss({ lastSyncedAt: 1, unsent: true, unsentDropIds: new Set(), drops });
    expect(loss.atRisk).toBe(true);
    expect(loss.headline).toBe(
      'Changes made here to the workspace itself (its stages, creators or settings, not its drops) have not reached a teammate yet.',
    );
    expect(loss.titles).toEqual([]);
  });
});
