/** Normalises a customer identifier (an email) before hashing: trimmed, lower case. */
export function normaliseCustomer(raw: string): string {
  return raw.trim().toLowerCase();
}

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A per-workspace salted SHA-256 of a customer (first 16 hex digits, 64 bits: enough to count
 * distinct customers of one brand, not enough to be a useful identifier elsewhere). Null for a
 * blank identifier. The raw email never leaves the importing machine.
 */
export async function hashCustomer(salt: string, raw: string): Promise<string | null> {
  const id = normaliseCustomer(raw);
  if (!id) return null;
  const data = new TextEncoder().encode(`${salt}\u0000${id}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data);
  return hex(digest).slice(0, 16);
}

/**
 * The salted hashes of one file's customers, each worked out once. A reader starts each as soon
 * as it meets the customer, so the hashes are computed while the rest of the file is read.
 */
export class CustomerHashes {
  private readonly started = new Map<string, Promise<string | null>>();

  constructor(private readonly salt: string) {}

  /** The hash of a customer identifier (started now unless it already was). */
  hash(raw: string): Promise<string | null> {
    const id = normaliseCustomer(raw);
    if (!id) return Promise.resolve(null);
    let hash = this.started.get(id);
    if (!hash) {
      hash = hashCustomer(this.salt, id);
      // Awaited later, by `of`; a failure is reported there, not as unhandled now.
      hash.catch(() => undefined);
      this.started.set(id, hash);
    }
    return hash;
  }

  /** The hash of each identifier, by identifier as written. */
  async of(raws: Iterable<string>): Promise<Map<string, string | null>> {
    const unique = [...new Set(raws)];
    const hashes = await Promise.all(unique.map((r) => this.hash(r)));
    return new Map(unique.map((r, i) => [r, hashes[i] ?? null]));
  }
}
