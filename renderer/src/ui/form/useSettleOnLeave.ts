import { useRef, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * What a date or time box shares: whether a key is down (a value typed, not picked, waits to be
 * settled), and settling on leaving the box, Enter or Escape (Escape goes on to close what the
 * box is in, the drop panel: what was typed is kept).
 */
export function useSettleOnLeave(settle: (input: HTMLInputElement) => void) {
  const keyDown = useRef(false);
  const handlers = {
    onBlur: (e: FocusEvent<HTMLInputElement>) => {
      keyDown.current = false;
      settle(e.currentTarget);
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      keyDown.current = true;
      if (e.key === 'Enter' || e.key === 'Escape') settle(e.currentTarget);
    },
    onKeyUp: () => {
      keyDown.current = false;
    },
  };
  return { keyDown, handlers };
}
