// dnd-kit's keyboard sensor can only move a drag once the dragged item has been measured
// (a frame or two after Space), and it starts listening for keys on a timer after the pick-up.
// A key pressed before both is either lost or, worse, taken as the origin of every later move,
// and the card flies off. A quick keyboard user presses Space then an arrow at once, so keys
// that arrive early are held and replayed, in order, when the drag is ready.

const DRAG_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'Enter']);

export interface KeyboardGate {
  /** A keyboard drag started: hold drag keys until the drag is ready. */
  hold(): void;
  /** The drag is measured (replays held keys once the sensor listens too). */
  open(): void;
  /** The drag is over: forget held keys. */
  reset(): void;
}

export function createKeyboardGate(target: Window = window): KeyboardGate {
  let held: KeyboardEvent[] | null = null;
  let measured = false;
  let sensorListening = false;
  let generation = 0;

  const onKeyDown = (event: KeyboardEvent) => {
    if (!held || !DRAG_KEYS.has(event.code)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(event);
  };
  const stop = () => {
    held = null;
    target.removeEventListener('keydown', onKeyDown, true);
  };
  const release = () => {
    if (!held || !measured || !sensorListening) return;
    const keys = held;
    stop();
    for (const k of keys) {
      const replay = new KeyboardEvent('keydown', {
        code: k.code,
        key: k.key,
        bubbles: true,
        cancelable: true,
      });
      target.document.dispatchEvent(replay);
    }
  };

  return {
    hold() {
      if (held) return;
      held = [];
      measured = false;
      sensorListening = false;
      const mine = ++generation;
      target.addEventListener('keydown', onKeyDown, true);
      // The sensor adds its key listener on a timer queued just after this call: two hops
      // land after it (input can be handled before a timer, so a frame is no proof).
      target.setTimeout(() =>
        target.setTimeout(() => {
          if (mine !== generation) return;
          sensorListening = true;
          release();
        }, 0),
      );
    },
    open() {
      measured = true;
      // Out of React's commit: the replayed keys start new renders.
      target.setTimeout(release, 0);
    },
    reset() {
      generation++;
      stop();
    },
  };
}
