import { describe, expect, it } from 'vitest';
import {
  Attributor,
  DEFAULT_RESULT_SETTINGS,
  trackingLinkTokens,
  type AttributableDrop,
  type OrderFact,
} from '../../../shared/results';
import { extractLinkTokens } from '../../../shared/results/csv/links';

const DAY = 86_400_000;
const launch = Date.UTC(2026, 2, 6, 12);

function drop(dropId: string, link: string): AttributableDrop {
  return {
    dropId,
    code: '',
    linkTokens: trackingLinkTokens(link),
    skus: [],
    window: { start: launch, end: launch + 14 * DAY },
    launch,
  };
}

/** A paid web order two days after launch that landed on `landing`. */
function order(id: string, landing: string): OrderFact {
  return {
    id,
    t: launch + 2 * DAY,
    off: 0,
    status: 'paid',
    cancelled: false,
    sub: 45,
    refunded: 0,
    cur: 'EUR',
    lines: [['DT-TEE', 1, 45]],
    codes: [],
    links: extractLinkTokens(`landing_site: ${landing}`),
    src: 'web',
    loc: '',
    local: false,
    cust: null,
  };
}

describe('tracking links', () => {
  const mia = drop('mia', 'https://dune.shop/?utm_source=instagram&utm_campaign=mia');
  const raj = drop('raj', 'https://dune.shop/?utm_source=instagram&utm_campaign=raj');
  const attributor = new Attributor([mia, raj], DEFAULT_RESULT_SETTINGS);

  it("credits the creator whose link's every ref/utm value the order carries", () => {
    const credits = attributor.credit(
      order('#1', '/products/dune-tee?utm_campaign=mia&utm_source=instagram'),
    );
    expect(credits.map((c) => [c.dropId, c.via, c.revenue])).toEqual([['mia', 'link', 45]]);
  });

  it("credits nobody for an order that shares only one of two creators' values", () => {
    const credits = attributor.credit(
      order('#2', '/products/dune-tee?utm_source=instagram&utm_campaign=spring_sale'),
    );
    expect(credits).toEqual([]);
  });

  it("a link without ref/utm values matches an order that landed on its path, written without the shop's host", () => {
    const mia2 = drop('mia', 'https://www.dune.shop/pages/mia/');
    const attributor2 = new Attributor([mia2], DEFAULT_RESULT_SETTINGS);
    expect(attributor2.credit(order('#4', '/pages/Mia')).map((c) => c.dropId)).toEqual(['mia']);
    expect(attributor2.credit(order('#5', 'https://dune.shop/pages/mia')).length).toBe(1);
    expect(attributor2.credit(order('#6', '/pages/mia-sale'))).toEqual([]);
    expect(attributor2.credit(order('#7', '/'))).toEqual([]);
  });

  it('a link of one value matches on it alone', () => {
    const ana = drop('ana', 'https://dune.shop/?ref=ana');
    const credits = new Attributor([ana], DEFAULT_RESULT_SETTINGS).credit(
      order('#3', 'https://dune.shop/pages/lookbook?ref=ana&utm_medium=social'),
    );
    expect(credits.map((c) => c.dropId)).toEqual(['ana']);
  });
});
