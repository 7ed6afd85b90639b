import type { KeyboardEvent } from 'react';

const ITEMS = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

/** A menu's items that can take focus, in order. */
export function menuItems(menu: HTMLElement | null): HTMLElement[] {
  if (!menu) return [];
  return [...menu.querySelectorAll<HTMLElement>(ITEMS)].filter((el) => !el.matches(':disabled'));
}

/**
 * The keyboard of a menu opened from a button (the WAI-ARIA menu button pattern), for the
 * menu's onKeyDown: ↑ and ↓ move between the items and wrap, Home and End go to the first and
 * the last, Escape closes it back on its button, and Tab closes it and goes on from the button
 * (Shift+Tab stays on the button). The items are out of the Tab order (tabIndex -1).
 */
export function menuKeyDown(
  e: KeyboardEvent<HTMLElement>,
  button: HTMLElement | null,
  close: () => void,
): void {
  const items = menuItems(e.currentTarget);
  const at = items.findIndex((el) => el === document.activeElement);
  const go = (i: number) => {
    e.preventDefault();
    items[(i + items.length) % items.length]?.focus();
  };
  if (e.key === 'ArrowDown') go(at + 1);
  else if (e.key === 'ArrowUp') go(at < 0 ? -1 : at - 1);
  else if (e.key === 'Home') go(0);
  else if (e.key === 'End') go(-1);
  else if (e.key === 'Escape') {
    // The menu's alone: not also the drop panel's, open beside it.
    e.preventDefault();
    e.stopPropagation();
    button?.focus();
    close();
  } else if (e.key === 'Tab') {
    // Tab's own move then starts from the button: on to whatever follows the menu.
    if (e.shiftKey) e.preventDefault();
    button?.focus();
    close();
  }
}
