import { useEffect, useState, type RefObject } from 'react';

const label = (n: number) => `${n} more ${n === 1 ? 'stage' : 'stages'}`;

/**
 * Shows that the board goes on past an edge: a fade and a scroll button on each side that has
 * more columns beyond it. Nothing shows while every column fits.
 */
export function BoardEdges(props: { boardRef: RefObject<HTMLElement | null> }) {
  const { boardRef } = props;
  // How many stages are wholly or partly out of view on each side.
  const [more, setMore] = useState({ left: 0, right: 0 });
  useEffect(() => {
    const board = boardRef.current;
    if (!board) return;
    const measure = () => {
      const box = board.getBoundingClientRect();
      let left = 0;
      let right = 0;
      // A pixel of slack: fractional widths leave a scroll position just short of the end.
      for (const column of board.querySelectorAll(':scope > .column')) {
        const c = column.getBoundingClientRect();
        if (c.left < box.left - 1) left++;
        if (c.right > box.right + 1) right++;
      }
      setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
    };
    measure();
    board.addEventListener('scroll', measure, { passive: true });
    // Columns narrow while searching and come and go with stages: watch each one's size.
    const resized = new ResizeObserver(measure);
    const watch = () => {
      resized.disconnect();
      resized.observe(board);
      for (const column of board.children) resized.observe(column);
    };
    watch();
    const changed = new MutationObserver(watch);
    changed.observe(board, { childList: true });
    return () => {
      board.removeEventListener('scroll', measure);
      resized.disconnect();
      changed.disconnect();
    };
  }, [boardRef]);
  const scroll = (direction: 1 | -1) => {
    const board = boardRef.current;
    if (board) board.scrollBy({ left: direction * board.clientWidth * 0.8, behavior: 'smooth' });
  };
  return (
    <>
      {more.left > 0 && (
        <div className="board-edge is-left">
          <button
            type="button"
            className="board-edge-button"
            aria-label={`Scroll the board left: ${label(more.left)}`}
            onClick={() => scroll(-1)}
          >
            ‹ {label(more.left)}
          </button>
        </div>
      )}
      {more.right > 0 && (
        <div className="board-edge is-right">
          <button
            type="button"
            className="board-edge-button"
            aria-label={`Scroll the board right: ${label(more.right)}`}
            onClick={() => scroll(1)}
          >
            {label(more.right)} ›
          </button>
        </div>
      )}
    </>
  );
}
