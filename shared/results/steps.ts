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
