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
