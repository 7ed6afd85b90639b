import { describe, expect, it } from 'vitest';
import { importLine } from '../../../renderer/src/results/importLine';

describe("the import history's line", () => {
  const base = { file: 'orders.csv', added: 3, changed: 1, unchanged: 0, kind: 'orders' as const };

  it('counts skipped test orders in the singular and the plural', () => {
    expect(importLine({ ...base, testSkipped: 1 })).toBe(
      'orders.csv: 3 new, 1 changed, 0 unchanged orders, 1 test order skipped',
    );
    expect(importLine({ ...base, testSkipped: 2 })).toBe(
      'orders.csv: 3 new, 1 changed, 0 unchanged orders, 2 test orders skipped',
    );
    expect(importLine({ ...base, testSkipped: 0 })).toBe(
      'orders.csv: 3 new, 1 changed, 0 unchanged orders',
    );
  });

  it('names events as events', () => {
    expect(importLine({ ...base, kind: 'events', testSkipped: 0 })).toBe(
      'orders.csv: 3 new, 1 changed, 0 unchanged events',
    );
  });

  it('writes large figures with separators, as the rest of the view does', () => {
    expect(importLine({ ...base, added: 15000, unchanged: 2500, testSkipped: 1200 })).toBe(
      'orders.csv: 15,000 new, 1 changed, 2,500 unchanged orders, 1,200 test orders skipped',
    );
  });
});
