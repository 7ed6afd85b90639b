import { describe, expect, it } from 'vitest';
import { dropLines, skuMatches, type OrderFact } from '../../../shared/results';

// Shops export each variant's SKU (HL-SHIRT-M, HL-SHIRT-L); a drop lists its products exactly
// or as prefixes ending in `*`, as local postcodes are listed.

const order = (lines: OrderFact['lines']): OrderFact => ({
  id: '#1',
  t: 0,
  off: 0,
  status: 'paid',
  cancelled: false,
  sub: 200,
  refunded: 0,
  cur: 'EUR',
  lines,
  codes: ['LENA15'],
  links: [],
  src: 'web',
  loc: '',
  local: false,
  cust: null,
});

describe("a drop's SKUs", () => {
  it('match a variant by a prefix ending in *, and exactly otherwise', () => {
    expect(skuMatches(['HL-SHIRT*'], 'HL-SHIRT-M')).toBe(true);
    expect(skuMatches(['HL-SHIRT*'], 'HL-SHIRT')).toBe(true);
    expect(skuMatches(['HL-SHIRT*'], 'NM-KNIT-S')).toBe(false);
    expect(skuMatches(['HL-SHIRT'], 'HL-SHIRT-M')).toBe(false);
    expect(skuMatches(['HL-SHIRT'], 'HL-SHIRT')).toBe(true);
    expect(skuMatches(['NM-KNIT', 'HL-SHIRT*'], 'HL-SHIRT-L')).toBe(true);
    expect(skuMatches([], 'HL-SHIRT')).toBe(false);
  });

  it("take an order's variant lines for the drop, and leave another product's", () => {
    const o = order([
      ['HL-SHIRT-M', 1, 60],
      ['HL-SHIRT-L', 2, 120],
      ['NM-KNIT-S', 1, 20],
    ]);
    expect(dropLines(o, ['HL-SHIRT*'])).toEqual({ units: 3, amount: 180 });
    // Listed exactly as the product, no variant is the drop's (the positive control above).
    expect(dropLines(o, ['HL-SHIRT'])).toEqual({ units: 0, amount: 0 });
  });
});
