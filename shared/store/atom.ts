/** A value that can be read now and watched for changes (what a React hook subscribes to). */
export interface Source<T> {
  get(): T;
  /** Calls `listener` after each change; returns a function that stops. */
  subscribe(listener: () => void): () => void;
}

/**
 * A settable value with listeners, in the spirit of tldraw's `atom`: setting an equal value
 * (Object.is) notifies nobody, so readers keep the same object.
 */
export class Atom<T> implements Source<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    for (const l of [...this.listeners]) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** Thrown (in strict mode) by a selector that returns a new value for the same snapshot. */
export class UnstableSelectorError extends Error {
  constructor(selector: (...args: never[]) => unknown) {
    super(
      `A store selector returned a new value for an unchanged document (${selector.toString().slice(0, 120)}). ` +
        'Select a value that is in the snapshot (or a derived value of the store), not an object built on each call: ' +
        'React would re-render forever.',
    );
    this.name = 'UnstableSelectorError';
  }
}

/**
 * Runs `selector` on `snapshot`; when `strict`, runs it twice and throws if the two results are
 * not the same value, so an unstable selector fails a test instead of looping a render.
 */
export function selectStable<S, T>(snapshot: S, selector: (snapshot: S) => T, strict: boolean): T {
  const value = selector(snapshot);
  if (strict && !Object.is(value, selector(snapshot))) throw new UnstableSelectorError(selector);
  return value;
}
