/**
 * The clock and timers of the sync layer's own waits (pacing, holding a catch-up for the peer's
 * request, re-sync back-off). The app uses the real ones; the randomized sync harness swaps in
 * a virtual clock so thousands of seeded scenarios run the same code without waiting.
 */
export interface SyncTiming {
  now(): number;
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTiming: SyncTiming = {
  now: () => performance.now(),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The timing in use (replaced only by tests). */
export const timing: SyncTiming = { ...realTiming };

/** Replaces the timing (tests); returns a function that restores the previous one. */
export function useTiming(next: SyncTiming): () => void {
  const previous = { ...timing };
  Object.assign(timing, next);
  return () => Object.assign(timing, previous);
}
