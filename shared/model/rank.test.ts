import { describe, expect, it } from 'vitest';
import { generateKeyBetween } from 'fractional-indexing';
import { compareRanked, isValidRank, rankBetween, ranksAfter } from './rank';

describe('rankBetween', () => {
  it('places a rank strictly between its neighbours', () => {
    const a = rankBetween(null, null);
    const c = rankBetween(a, null);
    const b = rankBetween(a, c);
    expect(a < b && b < c).toBe(true);
    expect([a, b, c].every(isValidRank)).toBe(true);
  });

  it('places ranks before the first and after the last card', () => {
    const mid = rankBetween(null, null);
    expect(rankBetween(null, mid) < mid).toBe(true);
    expect(rankBetween(mid, null) > mid).toBe(true);
  });

  it('keeps ordering through many inserts at the same spot', () => {
    let lo = rankBetween(null, null);
    const hi = rankBetween(lo, null);
    for (let i = 0; i < 200; i++) {
      const next = rankBetween(lo, hi);
      expect(next > lo && next < hi).toBe(true);
      expect(isValidRank(next)).toBe(true);
      lo = next;
    }
  });

  it('keeps ordering when inserting repeatedly at the front', () => {
    let hi = rankBetween(null, null);
    for (let i = 0; i < 200; i++) {
      const next = rankBetween(null, hi);
      expect(next < hi).toBe(true);
      expect(isValidRank(next)).toBe(true);
      hi = next;
    }
  });

  it('gives two peers inserting at the same spot different ranks (jitter)', () => {
    const a = rankBetween(null, null);
    const c = rankBetween(a, null);
    // Three random base-62 digits: a tie is about one in 238,000 (ties still sort by id).
    const ties = Array.from({ length: 1000 }, () => rankBetween(a, c) === rankBetween(a, c));
    expect(ties.filter(Boolean).length).toBeLessThanOrEqual(1);
  });

  it('keeps jitter even when the lower neighbour is a prefix of the upper one', () => {
    // generateKeyBetween('a0x', 'a1abc') is 'a1', a prefix of 'a1abc'.
    const ranks = Array.from({ length: 1000 }, () => rankBetween('a0x', 'a1abc'));
    const ties = ranks.filter((r, i) => i % 2 === 1 && r === ranks[i - 1]);
    expect(ties.length).toBeLessThanOrEqual(1);
    expect(ranks.every((r) => r > 'a0x' && r < 'a1abc' && isValidRank(r))).toBe(true);
  });

  it('keeps a list in insertion order through thousands of random inserts', () => {
    const list: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const i = Math.floor(Math.random() * (list.length + 1));
      const r = rankBetween(list[i - 1] ?? null, list[i] ?? null);
      list.splice(i, 0, r);
    }
    expect([...list].sort()).toEqual(list);
    expect(new Set(list).size).toBe(list.length);
    expect(list.every(isValidRank)).toBe(true);
  });

  it('places a card after the first neighbour when the neighbours tie', () => {
    const tie = rankBetween(null, null);
    const r = rankBetween(tie, tie);
    expect(r > tie).toBe(true);
    expect(isValidRank(r)).toBe(true);
  });

  it('places a card after the first neighbour when the neighbours are out of order', () => {
    const a = rankBetween(null, null);
    const b = rankBetween(a, null);
    const r = rankBetween(b, a);
    expect(r > b).toBe(true);
  });

  it('ignores a malformed neighbour instead of throwing', () => {
    const good = rankBetween(null, null);
    expect(isValidRank(rankBetween('not a rank!', good))).toBe(true);
    expect(rankBetween('not a rank!', good) < good).toBe(true);
    expect(rankBetween(good, '') > good).toBe(true);
  });
});

describe('ranksAfter', () => {
  it('returns n increasing valid ranks after the given one', () => {
    const start = rankBetween(null, null);
    const ranks = ranksAfter(start, 100);
    expect(ranks).toHaveLength(100);
    expect(ranks[0]! > start).toBe(true);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]! > ranks[i - 1]!).toBe(true);
    expect(ranks.every(isValidRank)).toBe(true);
  });

  it('starts a fresh column from null and treats a malformed start as null', () => {
    expect(ranksAfter(null, 3).every(isValidRank)).toBe(true);
    expect(ranksAfter('???', 2).every(isValidRank)).toBe(true);
    expect(ranksAfter(null, 0)).toEqual([]);
  });
});

describe('isValidRank', () => {
  it('accepts generated ranks and rejects malformed ones', () => {
    expect(isValidRank(rankBetween(null, null))).toBe(true);
    expect(isValidRank('a0')).toBe(true);
    expect(isValidRank('')).toBe(false);
    expect(isValidRank('a00')).toBe(false); // a fraction never ends in 0
    expect(isValidRank('hello world')).toBe(false); // head and length fine, digits not
    expect(isValidRank('a0-')).toBe(false);
    expect(isValidRank('a0' + 'V'.repeat(600))).toBe(false); // absurdly long
  });
});

describe('compareRanked', () => {
  it('orders by rank, then by id so equal ranks still agree everywhere', () => {
    const items = [
      { id: 'b', rank: 'a1' },
      { id: 'a', rank: 'a1' },
      { id: 'z', rank: 'a0' },
      { id: 'c', rank: 'a2' },
    ];
    const forward = [...items].sort(compareRanked).map((x) => x.id);
    const backward = [...items]
      .reverse()
      .sort(compareRanked)
      .map((x) => x.id);
    expect(forward).toEqual(['z', 'a', 'b', 'c']);
    expect(backward).toEqual(forward);
    expect(compareRanked(items[0]!, items[0]!)).toBe(0);
  });

  it('orders upper-case digits before lower-case ones, as fractional-indexing does', () => {
    expect(compareRanked({ id: 'x', rank: 'a0Z' }, { id: 'y', rank: 'a0a' })).toBeLessThan(0);
  });
});

describe('isValidRank', () => {
  // What it checks, asked of fractional-indexing itself: can a key be placed after this one?
  const reference = (rank: string): boolean => {
    if (rank.length > 512 || !/^[A-Za-z][0-9A-Za-z]*$/.test(rank)) return false;
    try {
      generateKeyBetween(rank, null);
      return true;
    } catch {
      return false;
    }
  };
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_ ';

  it('agrees with fractional-indexing on keys of every head and length', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const cases = ['', 'a', 'a0', 'a00', 'a1', 'a10', 'Zz', 'Z', 'zzzzzzzzzzzzzzzzzzzzzzzzzzz'];
    cases.push('A' + '0'.repeat(26), 'A' + '0'.repeat(26) + '1', 'A' + '0'.repeat(25));
    for (let i = 0; i < 20_000; i++) {
      // Around each head's integer length, so keys just too short or with a fraction come up.
      const head = alphabet[10 + next(52)]!;
      const code = head.charCodeAt(0);
      const integerLength = code >= 97 ? code - 95 : 92 - code;
      const length = Math.max(1, integerLength - 2 + next(6));
      let key = head;
      while (key.length < length) key += alphabet[next(i % 10 === 0 ? alphabet.length : 62)]!;
      if (next(4) === 0) key += '0';
      cases.push(key);
    }
    const disagree = cases.filter((k) => isValidRank(k) !== reference(k));
    expect(disagree).toEqual([]);
    // Both kinds came up.
    expect(cases.filter((k) => isValidRank(k)).length).toBeGreaterThan(1000);
    expect(cases.filter((k) => !isValidRank(k)).length).toBeGreaterThan(1000);
  });
});
