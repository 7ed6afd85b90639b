import { monthOf } from '../../../../shared/cadence';
import { createKeyQueue } from '../../ui/dnd/keyQueue';
import { GIVE_UP_MS } from '../../ui/dnd/stepHold';

// A keyboard drag can only move onto day cells dnd-kit has measured, and the grid shows one
// month. A step onto a day of another month therefore turns the grid first (as ‹ › do); once
// dnd-kit has measured the new month's cells the step is taken again, now onto a cell on screen.
// Meanwhile the drop stays over the day it was over (so no day of the new grid under its old
// place is announced).
//
// Each step, within the month or across it, starts from the day the sensor reads the drop is
// over, which it learns a render or two after the step before: keys pressed sooner (a quick hand,
// a held key repeating, or the keys held at the pick-up and sent in one go) would all start from
// the same day, and Space would put the drop down a step or more short. So from each step until
// the drop is over the day it went to, keys are held, then replayed one at a time, each once the
// step before has landed: N presses are N steps, and each day is announced on the way.

/** What the turn needs from the calendar: the month shown, and a way to show another. */
export interface MonthTurnView {
  month: string;
  show: (month: string) => void;
}

/** What the calendar reports after each render of a drag (see MonthTurnWatch). */
export interface MonthTurnState {
  month: string;
  /** dnd-kit has measured this month's cells. */
  measured: boolean;
  /** The droppable the drop is over (`day:yyyy-MM-dd`), or null. */
  overId: string | null;
}

export interface MonthTurn {
  connect(view: MonthTurnView): void;
  /**
   * From the coordinate getter, before a step onto `day` from the day `fromId`: true when `day`
   * is in another month, so the grid turns and the step is replayed later (do not move now).
   */
  turnFor(day: string, fromId: string, event: KeyboardEvent): boolean;
  /** The coordinate getter moved the drop over `overId`: keys wait until it is there. */
  movedTo(overId: string): void;
  /** The droppable the drop stays over while the grid turns (null: not turning). */
  heldOver(): string | null;
  report(state: MonthTurnState): void;
  /** The drag is over: forget held keys; returns the month shown before the first turn, if any. */
  end(): string | null;
}

export function createMonthTurn(target: Window = window): MonthTurn {
  let view: MonthTurnView | null = null;
  let last: MonthTurnState | null = null;
  let startMonth: string | null = null;
  let turning: { month: string; key: KeyboardEvent; over: string } | null = null;
  // The droppable the last step went to, until the drop is over it (keys are held meanwhile).
  let expected: string | null = null;
  const keys = createKeyQueue(target);
  // A step or turn the calendar never reports landing must not leave the keyboard dead
  // mid-drag (as on the board, stepHold.ts): after GIVE_UP_MS the held keys go on.
  let giveUp: number | null = null;
  const stopWaiting = () => {
    if (giveUp !== null) target.clearTimeout(giveUp);
    giveUp = null;
  };
  const waitAtMost = () => {
    stopWaiting();
    giveUp = target.setTimeout(() => {
      giveUp = null;
      expected = null;
      if (turning) {
        // The new month was never reported measured: take the step on whatever is shown (it
        // may move the drop, and so wait again, or turn again).
        const { key } = turning;
        turning = null;
        keys.replay(key);
      }
      step();
    }, GIVE_UP_MS);
  };

  const step = () => {
    if (turning && last?.month === turning.month && last.measured) {
      const { key } = turning;
      keys.replay(key); // the day is on screen now: the getter moves there (movedTo)
      turning = null;
    }
    // Next held key, once the drop is where the last step sent it (a turn waits for report()).
    while (keys.holding() && !turning && (expected === null || expected === last?.overId)) {
      const next = keys.next();
      if (!next) {
        keys.release();
        return;
      }
      expected = null;
      keys.replay(next); // may move (movedTo), turn again, or end the drag (end)
    }
  };

  return {
    connect(v) {
      view = v;
    },
    turnFor(day, fromId, event) {
      if (!view || monthOf(day) === view.month) return false;
      startMonth ??= view.month;
      turning = { month: monthOf(day), key: event, over: fromId };
      keys.hold();
      waitAtMost();
      view.show(turning.month);
      return true;
    },
    movedTo(overId) {
      turning = null;
      expected = overId;
      keys.hold();
      waitAtMost();
    },
    heldOver: () => turning?.over ?? null,
    report(state) {
      last = state;
      const turned = turning !== null && state.month === turning.month && state.measured;
      if (turned || (expected !== null && state.overId === expected)) stopWaiting();
      // Out of React's commit: the replayed keys start new renders.
      if (keys.holding()) target.setTimeout(step, 0);
    },
    end() {
      stopWaiting();
      const back = startMonth;
      startMonth = null;
      turning = null;
      expected = null;
      keys.release();
      return back;
    },
  };
}
