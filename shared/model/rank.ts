import { generateKeyBetween } from 'fractional-indexing';

// fractional-indexing's digit alphabet (base 62, in ASCII order).
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANK_CHARS = /^[A-Za-z][0-9A-Za-z]*$/;

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
  let key = generateKeyBetween(lo, hi);
  const suffix = jitter();
  // Appending digits keeps the key above `before`. It can only reach `after` when the key is a
  // prefix of `after`: then step closer to `after` (each step consumes one of its digits) so
  // the jitter still fits and two peers do not fall back to the same bare key.
  for (let guard = 0; hi !== null && key + suffix >= hi && guard <= hi.length; guard++) {
    key = generateKeyBetween(key, hi);
  }
  return hi !== null && key + suffix >= hi ? key : key + suffix;
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

/** fractional-indexing's smallest integer, which it refuses as a key (nothing fits below it). */
const SMALLEST_KEY = 'A' + '0'.repeat(26);

/**
 * True when `rank` is a key fractional-indexing can place things around: the checks its
 * `validateOrderKey` makes, and digits of its base 62 (which it does not check). Written out
 * rather than asking `generateKeyBetween` to try: that validates its alphabet and builds a key
 * on every call, and opening a board checks every drop's rank twice (a tenth of the store's
 * build at 10,000 drops). `rank.test.ts` checks the two agree.
 */
export function isValidRank(rank: string): boolean {
  if (rank.length > 512 || !RANK_CHARS.test(rank) || rank === SMALLEST_KEY) return false;
  // The head says how long the integer part is: 'a'..'z' → 2..27, 'Z'..'A' → 2..27.
  const head = rank.charCodeAt(0);
  const integerLength = head >= 97 ? head - 97 + 2 : 90 - head + 2;
  if (integerLength > rank.length) return false;
  // A fraction may not end in the zero digit.
  return rank.length === integerLength || rank[rank.length - 1] !== '0';
}

/** Total order by (rank, id): peers that produced equal ranks still agree. */
export function compareRanked<T extends { rank: string; id: string }>(a: T, b: T): number {
  if (a.rank < b.rank) return -1;
  if (a.rank > b.rank) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
