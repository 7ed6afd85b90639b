import type { MenuCommand } from '../../../shared/ipc/contract';
import { isMac } from '../platform/platform';

/** Commands the app runs, from the menu, the keyboard or a button. */
export type AppCommand = MenuCommand;

function isTextInput(el: Element | null): boolean {
  if (!el || typeof HTMLElement === 'undefined') return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(el.type);
  }
  return el instanceof HTMLElement && el.isContentEditable;
}

/** True when the focused element edits text (its own undo and shortcuts come first). */
export function typingInField(): boolean {
  return typeof document !== 'undefined' && isTextInput(document.activeElement);
}

/**
 * The keyboard shortcut a key event stands for, or null. Undo/redo are left to a text field
 * when one has focus (the browser's own undo runs); find and new drop work everywhere.
 */
export function shortcutFor(e: KeyboardEvent): AppCommand | null {
  const mod = isMac() ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'f' && !e.shiftKey) return 'find';
  if (key === 'n' && !e.shiftKey) return 'new-drop';
  // History: Ctrl/⌘+Shift+H (by physical key).
  if (e.shiftKey && e.code === 'KeyH') return 'history';
  // Views: Ctrl/⌘ + 1, 2, 3, 4 (by physical key, so any keyboard layout works).
  if (!e.shiftKey && e.code === 'Digit1') return 'view-board';
  if (!e.shiftKey && e.code === 'Digit2') return 'view-calendar';
  if (!e.shiftKey && e.code === 'Digit3') return 'view-timeline';
  if (!e.shiftKey && e.code === 'Digit4') return 'view-results';
  // The list of shortcuts: Ctrl/⌘ + / (the key that types "/" on this layout, or the US one's).
  if (key === '/' || (!e.shiftKey && e.code === 'Slash')) return 'show-shortcuts';
  if (typingInField()) return null;
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * The one command registry: the application menu, keyboard shortcuts and toolbar buttons all
 * call `run`. Views register what a command does while they are on screen (the latest
 * registration wins, and unregistering restores the one before).
 */
export class CommandRegistry {
  private readonly handlers = new Map<AppCommand, (() => void)[]>();

  /** Makes `handler` run `command` until the returned function is called. */
  register(command: AppCommand, handler: () => void): () => void {
    const list = this.handlers.get(command) ?? [];
    list.push(handler);
    this.handlers.set(command, list);
    return () => {
      const i = list.lastIndexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Runs a command; false when nothing on screen handles it. */
  run(command: AppCommand): boolean {
    // Undo/redo while a text field has focus belong to that field's typing history, not to
    // the workspace's. execCommand is deprecated but remains the only way to run a field's
    // native undo stack (a rich-text editor hears it as a history input event).
    if ((command === 'undo' || command === 'redo') && typingInField()) {
      document.execCommand(command);
      return true;
    }
    const handler = this.handlers.get(command)?.at(-1);
    if (!handler) return false;
    handler();
    return true;
  }
}
