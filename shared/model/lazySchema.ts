/**
 * A validation schema built on its first use, not when its module loads: building the app's
 * zod schemas took tens of milliseconds of every start, before the board could open.
 */
export function lazySchema<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => (built ??= { value: build() }).value;
}
