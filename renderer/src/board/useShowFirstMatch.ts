import { useEffect, type RefObject } from 'react';
import type { Column, Drop } from '../../../shared/model';
import { isFiltering, type BoardFilter } from './filter';

// The board's edge fade is 72 px wide (board.css).
const EDGE = 80;

/**
 * While searching or filtering, scrolls the board sideways so the first column with a match is
 * in view: the only match must never sit off-screen behind columns saying "No matching drops".
 * Runs when the query changes (not on every edit), and moves only as far as needed.
 */
export function useShowFirstMatch(
  boardRef: RefObject<HTMLElement | null>,
  columns: readonly Column[],
  visible: ReadonlyMap<string, readonly Drop[]>,
  filter: BoardFilter,
): void {
  const filtering = isFiltering(filter);
  const first = filtering
    ? columns.find((c) => (visible.get(c.stage.id)?.length ?? 0) > 0)?.stage.id
    : undefined;
  const query = `${filter.text}\n${filter.creatorId}\n${filter.channel}\n${filter.showArchived}`;
  useEffect(() => {
    const board = boardRef.current;
    if (!first || !board) return;
    const column = board.querySelector<HTMLElement>(`[data-stage-id="${CSS.escape(first)}"]`);
    if (!column) return;
    const b = board.getBoundingClientRect();
    const c = column.getBoundingClientRect();
    // Only sideways (the page itself must not jump), clear of the edge's fade and button.
    if (c.left < b.left + EDGE) board.scrollBy({ left: c.left - b.left - EDGE });
    else if (c.right > b.right - EDGE) board.scrollBy({ left: c.right - b.right + EDGE });
    // The query, not the first column alone: a new query re-shows a match scrolled away.
  }, [boardRef, first, query]);
}
