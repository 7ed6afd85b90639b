// The keys of a keyboard drag held back while a step lands, and replayed one at a time: the
// part the board's step hold (stepHold.ts) and the calendar's month turn (monthTurn.ts) share.

const DRAG_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'Enter']);

export interface KeyQueue {
  /** True while drag keys are being held. */
  holding(): boolean;
  /** Starts holding drag keys (Escape is never held). */
  hold(): void;
  /** Stops holding and forgets the held keys. */
  release(): void;
  /** Takes the next held key, or undefined when none is left. */
  next(): KeyboardEvent | undefined;
  /** Sends a key again, past the hold. */
  replay(key: KeyboardEvent): void;
}

export function createKeyQueue(target: Window): KeyQueue {
  let held: KeyboardEvent[] | null = null;
  const replayed = new WeakSet<Event>();
  const onKeyDown = (event: KeyboardEvent) => {
    if (!held || replayed.has(event) || !DRAG_KEYS.has(event.code)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(event);
  };
  return {
    holding: () => held !== null,
    hold() {
      if (held) return;
      held = [];
      target.addEventListener('keydown', onKeyDown, true);
    },
    release() {
      held = null;
      target.removeEventListener('keydown', onKeyDown, true);
    },
    next: () => held?.shift(),
    replay(k) {
      const { code, key, altKey, shiftKey, ctrlKey, metaKey } = k;
      const event = new KeyboardEvent('keydown', {
        ...{ code, key, altKey, shiftKey, ctrlKey, metaKey },
        bubbles: true,
        cancelable: true,
      });
      replayed.add(event);
      target.document.dispatchEvent(event);
    },
  };
}
