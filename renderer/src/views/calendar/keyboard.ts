import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { addDaysTo } from '../../../../shared/cadence';
import type { MonthTurn } from './monthTurn';

const STEP: Record<string, number> = {
  [KeyboardCode.Left]: -1,
  [KeyboardCode.Right]: 1,
  [KeyboardCode.Up]: -7,
  [KeyboardCode.Down]: 7,
};

/**
 * Arrow keys move a dragged drop by one day (left/right) or one week (up/down), snapping to
 * the day cell instead of nudging by pixels. Right-to-left layouts swap left and right. A step
 * onto a day of another month turns the grid to it first, and the next key waits until the drop
 * is over the day a step sent it to, as `over` is read from the last render (see monthTurn.ts).
 */
export function dayKeyboardCoordinates(
  turn: Pick<MonthTurn, 'turnFor' | 'movedTo'>,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    let step = STEP[event.code];
    if (step === undefined) return undefined;
    const rtl = typeof document !== 'undefined' && document.dir === 'rtl';
    if (rtl && Math.abs(step) === 1) step = -step;
    event.preventDefault();
    const { active, over, droppableRects, collisionRect } = context;
    const from = String(over?.id ?? `day:${String(active?.data.current?.day ?? '')}`).replace(
      /^day:/,
      '',
    );
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !collisionRect) return undefined;
    const day = addDaysTo(from, step);
    if (turn.turnFor(day, `day:${from}`, event)) return undefined;
    const target = droppableRects.get(`day:${day}`);
    if (!target) return undefined;
    turn.movedTo(`day:${day}`);
    return {
      x: target.left + (target.width - collisionRect.width) / 2,
      y: target.top + Math.min(24, (target.height - collisionRect.height) / 2),
    };
  };
}
