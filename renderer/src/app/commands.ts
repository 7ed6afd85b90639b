import type { MenuCommand } from '../../../shared/ipc/contract';
import { isMac } from '../platform/platform';

/** Commands the app runs, from the menu or from the keyboard. */
export type AppCommand = MenuCommand;

function isTextInput(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(el.type);
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

/** True when the focused element edits text (its own undo and shortcuts come first). */
export function typingInField(): boolean {
  return isTextInput(document.activeElement);
}

/**
 * The keyboard shortcut a key event stands for, or null. Undo/redo are left to a text field
 * when one has focus; find and new drop work everywhere.
 */
export function shortcutFor(e: KeyboardEvent): AppCommand | null {
  const mod = isMac() ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'f' && !e.shiftKey) return 'find';
  if (key === 'n' && !e.shiftKey) return 'new-drop';
  // History: Ctrl/⌘+Shift+H (by physical key).
  if (e.shiftKey && e.code === 'KeyH') return 'history';
  // Views: Ctrl/⌘ + 1, 2, 3 (by physical key, so any keyboard layout works).
  if (!e.shiftKey && e.code === 'Digit1') return 'view-board';
  if (!e.shiftKey && e.code === 'Digit2') return 'view-calendar';
  if (!e.shiftKey && e.code === 'Digit3') return 'view-timeline';
  if (!e.shiftKey && e.code === 'Digit4') return 'view-results';
  if (typingInField()) return null;
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * Menu Undo/Redo while a text field has focus belong to that field (its typing history), not
 * to the board's undo. Returns true when the field took the command.
 */
export function handledByTextField(command: AppCommand): boolean {
  if ((command !== 'undo' && command !== 'redo') || !typingInField()) return false;
  // execCommand is deprecated but remains the only way to run a field's native undo stack.
  document.execCommand(command);
  return true;
}
