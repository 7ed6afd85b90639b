// A window for the keyboard-drag holds (stepHold.ts, monthTurn.ts) in Node: keys pass its
// capture listeners first, then the drag sensor a test gives; timers run when the test says.

/** The parts of a KeyboardEvent the holds read, for Node (which has no KeyboardEvent). */
export class Key extends Event {
  readonly code: string;
  readonly key: string;
  readonly altKey = false;
  readonly shiftKey = false;
  readonly ctrlKey = false;
  readonly metaKey = false;
  stopped = false;
  constructor(type: string, init: { code: string; key?: string } & EventInit) {
    super(type, init);
    this.code = init.code;
    this.key = init.key ?? init.code;
  }
  override stopImmediatePropagation() {
    this.stopped = true;
    super.stopImmediatePropagation();
  }
}

export function fakeKeyWindow(sensor: (code: string, event: Event) => void) {
  const listeners = new Set<(e: Event) => void>();
  const soon: (() => void)[] = [];
  // Timers with a delay (a hold's give-up): run only when the test lets time pass.
  const later = new Map<number, () => void>();
  let nextTimer = 1;
  const deliver = (e: Event) => {
    for (const l of [...listeners]) {
      l(e);
      if ((e as Key).stopped) return true;
    }
    sensor((e as Key).code, e);
    return true;
  };
  const win = {
    addEventListener: (_type: string, l: (e: Event) => void) => listeners.add(l),
    removeEventListener: (_type: string, l: (e: Event) => void) => listeners.delete(l),
    setTimeout: (f: () => void, ms = 0) => {
      if (ms === 0) return soon.push(f);
      later.set(nextTimer, f);
      return nextTimer++;
    },
    clearTimeout: (id: number) => later.delete(id),
    document: { dispatchEvent: deliver },
  };
  return {
    window: win as unknown as Window,
    listeners,
    press: (...codes: string[]) => codes.forEach((code) => deliver(new Key('keydown', { code }))),
    /** Runs the timers set without a delay (what follows a render). */
    runSoon() {
      while (soon.length) soon.shift()!();
    },
    /** Time passes: the delayed timers still set run. */
    wait() {
      const due = [...later.values()];
      later.clear();
      due.forEach((f) => f());
    },
    pendingGiveUps: () => later.size,
  };
}
