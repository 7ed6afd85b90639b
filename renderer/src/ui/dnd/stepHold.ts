// dnd-kit's keyboard sensor starts each step from where the last render put the drag (its
// rect, the droppable it is over), and a view learns where a step landed a render or two after
// it. Keys pressed sooner (a quick hand, a held key repeating, or the keys held at the pick-up
// and replayed in one go by keyboardGate.ts) would all start from the same place, and Space
// would put the item down where the drag was last drawn, short of where the arrows sent it.
// So from each step until the drag is drawn where it went, drag keys are held, then replayed
// one at a time, each once the step before has landed: N presses are N steps.

const DRAG_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Space', 'Enter']);
// A step the view never reports landing (a place it names differently, a render that never
// comes) must not leave the keyboard dead mid-drag: after this long the held keys go on.
const GIVE_UP_MS = 400;

export interface StepHold {
  /** The coordinate getter sent the drag to `place`: keys wait until it is there. */
  movedTo(place: string): void;
  /** Where the drag is after a render the sensor reads from (see the view's watch). */
  report(place: string | null): void;
  /** The drag is over: forget held keys. */
  end(): void;
}

export function createStepHold(target: Window = window): StepHold {
  // The place the last step went to, until the drag is there (keys are held meanwhile).
  let expected: string | null = null;
  let last: string | null = null;
  let held: KeyboardEvent[] | null = null;
  let giveUp: number | null = null;
  const replayed = new WeakSet<Event>();
  const stopWaiting = () => {
    if (giveUp !== null) target.clearTimeout(giveUp);
    giveUp = null;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!held || replayed.has(event) || !DRAG_KEYS.has(event.code)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(event);
  };
  const startHolding = () => {
    if (held) return;
    held = [];
    target.addEventListener('keydown', onKeyDown, true);
  };
  const stopHolding = () => {
    held = null;
    target.removeEventListener('keydown', onKeyDown, true);
  };
  const replay = (k: KeyboardEvent) => {
    const { code, key, altKey, shiftKey, ctrlKey, metaKey } = k;
    const event = new KeyboardEvent('keydown', {
      ...{ code, key, altKey, shiftKey, ctrlKey, metaKey },
      bubbles: true,
      cancelable: true,
    });
    replayed.add(event);
    target.document.dispatchEvent(event);
  };
  const step = () => {
    while (held && (expected === null || expected === last)) {
      const next = held.shift();
      if (!next) {
        stopHolding();
        return;
      }
      expected = null;
      replay(next); // may step again (movedTo), go nowhere, or end the drag (end)
    }
  };

  return {
    movedTo(place) {
      expected = place;
      startHolding();
      stopWaiting();
      giveUp = target.setTimeout(() => {
        giveUp = null;
        expected = null;
        step();
      }, GIVE_UP_MS);
    },
    report(place) {
      last = place;
      if (place !== null && place === expected) stopWaiting();
      // Out of React's commit: the replayed keys start new renders.
      if (held) target.setTimeout(step, 0);
    },
    end() {
      stopWaiting();
      expected = null;
      last = null;
      stopHolding();
    },
  };
}
