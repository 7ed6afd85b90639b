/**
 * A real update with 1–3 random byte edits (60% overwrite, 20% insert, 20% delete), as a
 * fuzzer's near-miss input: `random` is a seeded source of floats in [0, 1).
 */
export function mutateBytes(update: Uint8Array, random: () => number): Uint8Array {
  const u = Array.from(update);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * u.length);
    const kind = random();
    if (kind < 0.6) u[at] = Math.floor(random() * 256);
    else if (kind < 0.8) u.splice(at, 0, Math.floor(random() * 256));
    else u.splice(at, 1);
  }
  return new Uint8Array(u);
}
