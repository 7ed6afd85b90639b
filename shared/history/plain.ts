/** A stored value as JSON text, to compare two versions of it (a Y type compares as its JSON). */
export function plain(value: unknown): string {
  const v = value as { toJSON?: () => unknown } | null;
  return JSON.stringify(v && typeof v.toJSON === 'function' ? v.toJSON() : (value ?? null));
}
