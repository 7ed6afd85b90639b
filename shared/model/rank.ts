import { generateKeyBetween } from 'fractional-indexing';

// fractional-indexing's digit alphabet (base 62, in ASCII order).
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function jitter(): string {
  const bytes = new Uint8Array(3);
  globalThis.crypto.getRandomValues(bytes);
  // A valid key's fraction never ends in '0', so the last digit is 1..61.
  return DIGITS[bytes[0]! % 62]! + DIGITS[bytes[1]! % 62]! + DIGITS[1 + (bytes[2]! % 61)]!;
}

/**
 * Fractional rank between two neighbours (either may be null for an end).
 * A short random suffix ("jitter") makes two peers inserting at the same spot
 * produce different ranks, so their cards interleave instead of tying.
 */
export function rankBetween(before: string | null, after: string | null): string {
  // Ranks come from peers too: ignore a malformed neighbour rather than throw.
  const lo = before !== null && isValidRank(before) ? before : null;
  let hi = after !== null && isValidRank(after) ? after : null;
  // Two neighbours can tie (equal ranks from two peers): place just after the first.
  if (lo !== null && hi !== null && lo >= hi) hi = null;
  const key = generateKeyBetween(lo, hi);
  const jittered = key + jitter();
  // Appending digits keeps the key above `before`; it must also stay below `after`.
  if (hi !== null && jittered >= hi) return key;
  return jittered;
}

/** `n` increasing ranks after `before` (for seeding a column in one go). */
export function ranksAfter(before: string | null, n: number): string[] {
  const out: string[] = [];
  let prev = before !== null && isValidRank(before) ? before : null;
  for (let i = 0; i < n; i++) {
    const key = generateKeyBetween(prev, null);
    out.push(key + jitter());
    prev = key;
  }
  return out;
}

/** True when `rank` is a key fractional-indexing can place things around. */
export function isValidRank(rank: string): boolean {
  try {
    generateKeyBetween(rank, null);
    return rank.length <= 512;
  } catch {
    return false;
  }
}

/** Total order by (rank, id): peers that produced equal ranks still agree. */
export function compareRanked<T extends { rank: string; id: string }>(a: T, b: T): number {
  if (a.rank < b.rank) return -1;
  if (a.rank > b.rank) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
