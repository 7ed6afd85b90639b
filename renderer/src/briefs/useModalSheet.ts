import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { inertOutside } from '../ui/inertOutside';

/**
 * A brief view (the brief, the template) is modal over the window: while it is open the rest of
 * the page is inert, so Tab walks only the view (the drop panel's fields under a brief were
 * reachable, and editable unseen), and focus starts on the view's heading (it stayed on the
 * button underneath that opened it). Returning focus on close is returnFocus.ts's job.
 */
export function useModalSheet(
  sheet: RefObject<HTMLElement | null>,
  heading: RefObject<HTMLElement | null>,
): void {
  const restore = useRef<(() => void) | null>(null);
  // Put back in the commit that removes the view: returnFocus.ts focuses the opener a frame
  // later, and an inert opener would not take the focus.
  useLayoutEffect(() => () => putBack(restore), []);
  // A passive effect, so it runs after BriefsLayer's layout effect has remembered the opener
  // (taken here first, the opener would have been this heading).
  useEffect(() => {
    const el = sheet.current;
    if (!el) return;
    restore.current = inertOutside(el);
    // Focus already in the view stays (returnFocus.ts puts it on the brief's Template… button
    // coming back from the template).
    if (!el.contains(document.activeElement)) heading.current?.focus({ preventScroll: true });
    return () => putBack(restore);
  }, [sheet, heading]);
}

function putBack(restore: RefObject<(() => void) | null>): void {
  restore.current?.();
  restore.current = null;
}
