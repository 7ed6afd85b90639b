/** A small seeded PRNG (mulberry32): the same seed replays the same case. */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries.at(-1)![0];
  }
}

/**
 * Runs `fn` with crypto.getRandomValues and Math.random drawn from `rng`, so ids, rank jitter
 * and colours replay exactly for a given seed.
 */
export function withSeededRandom<T>(rng: Prng, fn: () => T): T {
  const crypto = globalThis.crypto;
  const originalGetRandomValues = crypto.getRandomValues;
  const originalRandom = Math.random;
  const seeded = <A extends ArrayBufferView | null>(array: A): A => {
    if (array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
    }
    return array;
  };
  Object.defineProperty(crypto, 'getRandomValues', {
    value: seeded,
    configurable: true,
    writable: true,
  });
  Math.random = () => rng.next();
  try {
    return fn();
  } finally {
    // Drop the own property so the prototype's method shows through again.
    delete (crypto as { getRandomValues?: unknown }).getRandomValues;
    if (crypto.getRandomValues !== originalGetRandomValues) {
      Object.defineProperty(crypto, 'getRandomValues', {
        value: originalGetRandomValues,
        configurable: true,
        writable: true,
      });
    }
    Math.random = originalRandom;
  }
}

/** The same sequence as a plain function: floats in [0, 1) from `seed`. */
export function seededRandom(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}
