import { useEffect } from 'react';
import { useDndContext } from '@dnd-kit/core';
import type { MonthTurn } from './monthTurn';

/**
 * Rendered inside the DndContext while dragging: tells the month turn (monthTurn.ts) when
 * dnd-kit has measured the month's cells (its first and last shown day are among them: the old
 * month's never hold both) and which day the drop is over.
 */
export function MonthTurnWatch(props: {
  turn: MonthTurn;
  month: string;
  first: string;
  last: string;
}) {
  const { turn, month, first, last } = props;
  const { droppableRects, over } = useDndContext();
  const measured = droppableRects.has(`day:${first}`) && droppableRects.has(`day:${last}`);
  const overId = over ? String(over.id) : null;
  useEffect(() => {
    turn.report({ month, measured, overId });
  }, [turn, month, measured, overId]);
  return null;
}
