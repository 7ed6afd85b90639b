import { describe, expect, it } from 'vitest';
import {
  CARD_ROW,
  columnAt,
  edgeScrollSpeed,
  keyboardTarget,
  revealScroll,
  slotAt,
  slotIndex,
  type ColumnBox,
} from '../../../renderer/src/board/geometry';

// Three columns 250 px wide with 30 px between them; lists start 100 px down the window.
const box = (stageId: string, left: number, count: number, listTop = 100): ColumnBox => ({
  stageId,
  left,
  right: left + 250,
  listTop,
  count,
});
const board = [box('concept', 0, 3), box('brief', 280, 0), box('shoot', 560, 5)];
const card = (left: number, top: number) => ({ left, top, width: 250 });

describe('where a dragged card lands', () => {
  it('picks the column under the card, or the nearest one from a gap or the edge', () => {
    expect(columnAt(board, 100)?.stageId).toBe('concept');
    expect(columnAt(board, 400)?.stageId).toBe('brief');
    expect(columnAt(board, 265)?.stageId).toBe('concept'); // 15 px right of concept, 15 to brief
    expect(columnAt(board, 270)?.stageId).toBe('brief');
    expect(columnAt(board, 5000)?.stageId).toBe('shoot');
    expect(columnAt(board, -300)?.stageId).toBe('concept');
    expect(columnAt([], 10)).toBeNull();
  });

  it('takes the nearest row, never above the first card or past the last', () => {
    expect(slotIndex(100, 100, 3)).toBe(0);
    expect(slotIndex(100 + CARD_ROW * 2, 100, 3)).toBe(2);
    expect(slotIndex(100 + CARD_ROW * 1.4, 100, 3)).toBe(1);
    expect(slotIndex(100 + CARD_ROW * 1.6, 100, 3)).toBe(2);
    expect(slotIndex(-500, 100, 3)).toBe(0);
    expect(slotIndex(100 + CARD_ROW * 40, 100, 3)).toBe(3); // below the last card: the end
    expect(slotIndex(400, 100, 0)).toBe(0); // an empty column has one slot
  });

  it('follows a scrolled column: rows are measured from where the list is now', () => {
    // The list scrolled 20 rows up: the card at the top of the window is row 20.
    expect(slotIndex(100, 100 - CARD_ROW * 20, 50)).toBe(20);
  });

  it('names column and index together', () => {
    expect(slotAt(board, 570, 100 + CARD_ROW * 3, 250)).toEqual({ stageId: 'shoot', index: 3 });
    expect(slotAt([], 0, 0, 250)).toBeNull();
  });
});

describe('keyboard moves of a dragged card', () => {
  it('moves one row down and up within its column, and stops at either end', () => {
    expect(keyboardTarget(board, card(0, 100), 'down')).toEqual({
      x: 0,
      y: 100 + CARD_ROW,
      stageId: 'concept',
      index: 1,
    });
    expect(keyboardTarget(board, card(0, 100 + CARD_ROW), 'up')).toEqual({
      x: 0,
      y: 100,
      stageId: 'concept',
      index: 0,
    });
    expect(keyboardTarget(board, card(0, 100), 'up')).toBeNull();
    // Three other cards: slots 0–3, so the card can go below the last one but no further.
    expect(keyboardTarget(board, card(0, 100 + CARD_ROW * 2), 'down')).toEqual({
      x: 0,
      y: 100 + CARD_ROW * 3,
      stageId: 'concept',
      index: 3,
    });
    expect(keyboardTarget(board, card(0, 100 + CARD_ROW * 3), 'down')).toBeNull();
  });

  it('moves to the neighbouring column at about the same height', () => {
    // From row 2 of concept into shoot's row 2 needs two steps right, through empty brief.
    const intoBrief = keyboardTarget(board, card(0, 100 + CARD_ROW * 2), 'right');
    expect(intoBrief).toEqual({ x: 280, y: 100, stageId: 'brief', index: 0 }); // brief is empty: its first slot
    const intoShoot = keyboardTarget(board, card(280, 100 + CARD_ROW * 2), 'right');
    expect(intoShoot).toEqual({ x: 560, y: 100 + CARD_ROW * 2, stageId: 'shoot', index: 2 });
    expect(keyboardTarget(board, card(560, 100), 'left')).toMatchObject({ x: 280, y: 100 });
  });

  it('goes nowhere past the first or the last column', () => {
    expect(keyboardTarget(board, card(0, 100), 'left')).toBeNull();
    expect(keyboardTarget(board, card(560, 100), 'right')).toBeNull();
  });

  it('uses the columns in their order on screen, whatever order they are listed in', () => {
    const shuffled = [board[2]!, board[0]!, board[1]!];
    expect(keyboardTarget(shuffled, card(0, 100), 'right')).toMatchObject({ stageId: 'brief' });
  });
});

describe('keeping a keyboard-dragged card in view', () => {
  // A column showing 100–580 px of the window: five rows.
  it('leaves the column alone while the card is in view', () => {
    expect(revealScroll(100, 100, 580)).toBe(0);
    expect(revealScroll(580 - CARD_ROW, 100, 580)).toBe(0);
  });

  it('brings a card below or above the view to the middle, so the next step moves it again', () => {
    const down = revealScroll(580, 100, 580);
    expect(580 - down + CARD_ROW / 2).toBe(340); // the card's centre at the view's middle
    const up = revealScroll(100 - CARD_ROW, 100, 580);
    expect(up).toBeLessThan(0);
    expect(100 - CARD_ROW - up + CARD_ROW / 2).toBe(340);
  });
});

describe('scrolling a long column under a mouse drag', () => {
  // A column showing 100–700 px of the window.
  it('does not scroll while the card is away from the edges', () => {
    expect(edgeScrollSpeed(400, 100, 700)).toBe(0);
    expect(edgeScrollSpeed(100 + 64, 100, 700)).toBe(0);
  });

  it('scrolls down near the bottom and up near the top, faster closer to the edge', () => {
    const near = edgeScrollSpeed(700 - 40, 100, 700);
    const nearer = edgeScrollSpeed(700 - 5, 100, 700);
    expect(near).toBeGreaterThan(0);
    expect(nearer).toBeGreaterThan(near);
    expect(edgeScrollSpeed(100 + 5, 100, 700)).toBeLessThan(0);
  });

  it('keeps its top speed past the edge', () => {
    expect(edgeScrollSpeed(2000, 100, 700)).toBe(edgeScrollSpeed(700, 100, 700));
    expect(edgeScrollSpeed(-2000, 100, 700)).toBe(edgeScrollSpeed(100, 100, 700));
  });
});
