import { describe, expect, it } from 'vitest';
import { itemsThatFit, ROOMY_DAY } from '../../../renderer/src/views/calendar/DayCell';

// How many of a day's items its room holds whole: launch chips are taller than shoot and
// publish markers, and a short window's rows hold fewer than three.
describe('itemsThatFit', () => {
  const space = { body: 46, gap: 3, chip: 23.4, marker: 16 };
  it('holds one chip and a marker where two chips do not fit', () => {
    expect(itemsThatFit(space, 3, 3)).toBe(1);
    expect(itemsThatFit(space, 1, 2)).toBe(2);
    expect(itemsThatFit({ ...space, body: 50 }, 3, 3)).toBe(2);
  });
  it('holds everything before the grid is measured', () => {
    expect(itemsThatFit(ROOMY_DAY, 5, 5)).toBe(5);
  });
  it('holds nothing in a day too short for one chip', () => {
    expect(itemsThatFit({ ...space, body: 10 }, 1, 1)).toBe(0);
  });
});
