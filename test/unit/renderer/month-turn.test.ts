import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, format, parseISO } from 'date-fns';
import { createMonthTurn, type MonthTurn } from '../../../renderer/src/views/calendar/monthTurn';
import { fakeKeyWindow, Key } from './fakeKeyWindow';

// The calendar's keyboard drag holds keys while a step lands or the grid turns to another
// month. A step or turn the calendar never reports must not leave the keyboard dead mid-drag.

const nextDay = (day: string) => format(addDays(parseISO(day), 1), 'yyyy-MM-dd');

/**
 * A window whose keys pass its capture listeners first, then a sensor that steps one day on
 * from the day the last render drew the drop over (turning the month when the day is in
 * another), and a calendar that shows one month.
 */
function calendarDrag(startDay: string) {
  const sensor: string[] = [];
  let drawn = startDay; // the day the last render drew the drop over
  let month = startDay.slice(0, 7);
  let droppedAt: string | null = null;
  const keys = fakeKeyWindow((code, event) => {
    sensor.push(code);
    if (code === 'ArrowRight') {
      const day = nextDay(drawn);
      if (!turn.turnFor(day, `day:${drawn}`, event as KeyboardEvent)) turn.movedTo(`day:${day}`);
    }
    if (code === 'Space' || code === 'Escape') {
      droppedAt = code === 'Space' ? drawn : null;
      turn.end();
    }
  });
  const turn: MonthTurn = createMonthTurn(keys.window);
  const view = () => ({
    month,
    show: (m: string) => {
      month = m;
      turn.connect(view()); // the calendar's layout effect after it shows the month
    },
  });
  turn.connect(view());
  return {
    ...keys,
    sensor,
    month: () => month,
    /** The calendar renders the drop over `day` (its month measured or not) and reports it. */
    render(day: string, measured = true) {
      drawn = day;
      turn.report({ month, measured, overId: `day:${day}` });
      keys.runSoon();
    },
    droppedAt: () => droppedAt,
    /** Time passes: the delayed timers run, then what they set off. */
    wait() {
      keys.wait();
      keys.runSoon();
    },
  };
}

describe("the calendar's keyboard drag never leaves the keys held for good", () => {
  beforeEach(() => vi.stubGlobal('KeyboardEvent', Key));
  afterEach(() => vi.unstubAllGlobals());

  it('replays held keys once each step lands, and across a turn of the month (control)', () => {
    const drag = calendarDrag('2027-01-30');
    drag.render('2027-01-30');
    drag.press('ArrowRight', 'ArrowRight', 'ArrowRight', 'Space');
    expect(drag.sensor).toEqual(['ArrowRight']);
    drag.render('2027-01-31');
    // The next step is in February: the grid turns, the key waits for its cells.
    expect(drag.month()).toBe('2027-02');
    drag.render('2027-01-31', true);
    drag.render('2027-02-01');
    drag.render('2027-02-02');
    expect(drag.droppedAt()).toBe('2027-02-02');
    expect(drag.listeners.size).toBe(0);
    expect(drag.pendingGiveUps()).toBe(0);
  });

  it('lets held keys go on when a step is never reported landing', () => {
    const drag = calendarDrag('2027-03-10');
    drag.render('2027-03-10');
    drag.press('ArrowRight', 'ArrowRight', 'Space');
    drag.render('2027-03-10'); // the calendar never draws the drop over the 11th
    expect(drag.sensor).toEqual(['ArrowRight']);
    drag.wait();
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowRight']);
    drag.wait();
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowRight', 'Space']);
    expect(drag.listeners.size).toBe(0);
    expect(drag.pendingGiveUps()).toBe(0);
  });

  it('takes the step when the new month is never reported measured', () => {
    const drag = calendarDrag('2027-04-30');
    drag.render('2027-04-30');
    drag.press('ArrowRight', 'Space');
    expect(drag.month()).toBe('2027-05');
    drag.render('2027-04-30', false); // May shown, its cells never measured
    expect(drag.sensor).toEqual(['ArrowRight']);
    drag.wait();
    // The turn's key went on: a step onto 1 May, now in the month shown.
    expect(drag.sensor).toEqual(['ArrowRight', 'ArrowRight']);
    drag.render('2027-05-01');
    expect(drag.droppedAt()).toBe('2027-05-01');
    expect(drag.listeners.size).toBe(0);
    expect(drag.pendingGiveUps()).toBe(0);
  });
});
