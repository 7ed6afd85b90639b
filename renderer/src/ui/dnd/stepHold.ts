// dnd-kit's keyboard sensor starts each step from where the last render put the drag (its
// rect, the droppable it is over), and a view learns where a step landed a render or two after
// it. Keys pressed sooner (a quick hand, a held key repeating, or the keys held at the pick-up
// and replayed in one go by keyboardGate.ts) would all start from the same place, and Space
// would put the item down where the drag was last drawn, short of where the arrows sent it.
// So from each step until the drag is drawn where it went, drag keys are held, then replayed
// one at a time, each once the step before has landed: N presses are N steps.

import { createKeyQueue } from './keyQueue';

/**
 * A step the view never reports landing (a place it names differently, a render that never
 * comes) must not leave the keyboard dead mid-drag: after this long the held keys go on.
 */
export const GIVE_UP_MS = 400;

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
  const keys = createKeyQueue(target);
  let giveUp: number | null = null;
  const stopWaiting = () => {
    if (giveUp !== null) target.clearTimeout(giveUp);
    giveUp = null;
  };

  const step = () => {
    while (keys.holding() && (expected === null || expected === last)) {
      const next = keys.next();
      if (!next) {
        keys.release();
        return;
      }
      expected = null;
      keys.replay(next); // may step again (movedTo), go nowhere, or end the drag (end)
    }
  };

  return {
    movedTo(place) {
      expected = place;
      keys.hold();
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
      if (keys.holding()) target.setTimeout(step, 0);
    },
    end() {
      stopWaiting();
      expected = null;
      last = null;
      keys.release();
    },
  };
}
