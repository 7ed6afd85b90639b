import type { AppCommand } from './commands';

/** One line of the keyboard-shortcut list: the keys (Mod: Ctrl, or ⌘ on macOS) and what they do. */
export interface ShortcutLine {
  keys: readonly string[];
  does: string;
  /** The app command the keys run (`shortcutFor`), for the lines that are one. */
  command?: AppCommand;
  /** Any one of the keys, not all together (the arrow keys). */
  anyOf?: boolean;
}

export interface ShortcutGroup {
  title: string;
  lines: readonly ShortcutLine[];
}

/**
 * Every keyboard shortcut, as the Keyboard shortcuts dialog lists them. The app-wide ones are
 * what `shortcutFor` reads (a unit test holds the two together); the rest are the board's,
 * the panels' and the editors' own keys.
 */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    lines: [
      { keys: ['Mod', 'N'], does: 'New drop (quick add in the first stage)', command: 'new-drop' },
      { keys: ['Mod', 'F'], does: 'Search the board', command: 'find' },
      { keys: ['Mod', '1'], does: 'Board', command: 'view-board' },
      { keys: ['Mod', '2'], does: 'Calendar', command: 'view-calendar' },
      { keys: ['Mod', '3'], does: 'Timeline', command: 'view-timeline' },
      { keys: ['Mod', '4'], does: 'Results', command: 'view-results' },
      { keys: ['Mod', 'Z'], does: 'Undo (in a text field: its typing)', command: 'undo' },
      { keys: ['Mod', 'Shift', 'Z'], does: 'Redo', command: 'redo' },
      { keys: ['Mod', 'Y'], does: 'Redo', command: 'redo' },
      { keys: ['Mod', 'Shift', 'H'], does: 'History and snapshots', command: 'history' },
      { keys: ['Mod', '/'], does: 'This list of shortcuts', command: 'show-shortcuts' },
      { keys: ['Mod', 'Shift', 'N'], does: 'New workspace (desktop app)' },
      { keys: ['Mod', 'Shift', 'A'], does: 'Show or hide archived drops (desktop app)' },
    ],
  },
  {
    title: 'Board, calendar and timeline',
    lines: [
      { keys: ['Tab'], does: 'Go from card to card' },
      { keys: ['Enter'], does: 'Open the drop' },
      { keys: ['Space'], does: 'Pick up a drop or a stage, and put it down' },
      { keys: ['←', '→', '↑', '↓'], does: 'Move what you picked up', anyOf: true },
      { keys: ['Esc'], does: 'Put it back where it was' },
      { keys: ['Space'], does: 'Timeline: pick up a bar; ← → move its launch a day' },
      { keys: ['Alt', 'Space'], does: 'Timeline: put it down, moving the launch alone' },
      { keys: ['Enter'], does: 'Quick add: add the drop and type the next' },
    ],
  },
  {
    title: 'Panels, briefs and dialogs',
    lines: [
      { keys: ['Esc'], does: 'Close the drop panel, a brief or a dialog' },
      { keys: ['Mod', 'B'], does: 'Bold, in a brief' },
      { keys: ['Mod', 'I'], does: 'Italic, in a brief' },
      { keys: ['Mod', 'K'], does: 'Link, in a brief' },
      { keys: ['Mod', 'Shift', 'O'], does: 'Insert the brief outline' },
    ],
  },
];

/** The keys as this platform writes them: Ctrl+Shift+Z, or ⌘⇧Z on macOS. */
export function keysFor(keys: readonly string[], mac: boolean): string[] {
  const onMac: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
  return keys.map((k) => (k === 'Mod' && !mac ? 'Ctrl' : mac ? (onMac[k] ?? k) : k));
}
