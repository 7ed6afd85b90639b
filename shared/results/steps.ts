// Long computations written as steps: a generator that pauses with `yield` between parts, run
// either to its end at once or with a pause (a yield to the window) at each of them.

/** Runs steps (a generator that pauses with `yield`) to their end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs steps to their end, awaiting `pause` wherever they pause. */
export async function runStepsWithPauses<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void>,
): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

/**
 * Reads each of `values` with `read` (null: skipped), `slice` of them at a time with a `yield`
 * between slices: a first read of thousands of stored facts that must not hold the window.
 */
export function* readEachInSteps<T>(
  values: Iterable<unknown>,
  read: (value: unknown) => T | null,
  slice = 2500,
): Generator<void, T[]> {
  const out: T[] = [];
  let n = 0;
  for (const v of values) {
    const r = read(v);
    if (r !== null) out.push(r);
    if (++n % slice === 0) yield;
  }
  return out;
}
