import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandRegistry, shortcutFor } from '../../../renderer/src/state/commands';
import { SHORTCUT_GROUPS } from '../../../renderer/src/state/shortcutList';

// The one path every command takes: menu, shortcut and toolbar button all call run().

class FakeElement {
  isContentEditable = false;
}
class FakeInput extends FakeElement {
  type = 'text';
}
class FakeTextArea extends FakeElement {}

function focus(el: FakeElement | null) {
  const execCommand = vi.fn();
  vi.stubGlobal('HTMLElement', FakeElement);
  vi.stubGlobal('HTMLInputElement', FakeInput);
  vi.stubGlobal('HTMLTextAreaElement', FakeTextArea);
  vi.stubGlobal('document', { activeElement: el, execCommand });
  return execCommand;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the command registry', () => {
  it('runs the latest registration, and the one before once that is gone', () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    registry.register('find', () => ran.push('board'));
    const off = registry.register('find', () => ran.push('dialog'));
    expect(registry.run('find')).toBe(true);
    off();
    expect(registry.run('find')).toBe(true);
    expect(ran).toEqual(['dialog', 'board']);
    expect(registry.run('new-drop')).toBe(false);
  });

  it('undoes the workspace when no text field has focus', () => {
    const execCommand = focus(new FakeElement());
    const registry = new CommandRegistry();
    const undo = vi.fn();
    registry.register('undo', undo);
    registry.run('undo');
    expect(undo).toHaveBeenCalledTimes(1);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('hands undo and redo to a focused text field, not to the workspace', () => {
    const registry = new CommandRegistry();
    const undo = vi.fn();
    const redo = vi.fn();
    registry.register('undo', undo);
    registry.register('redo', redo);
    for (const field of [new FakeInput(), new FakeTextArea()]) {
      const execCommand = focus(field);
      registry.run('undo');
      registry.run('redo');
      expect(execCommand.mock.calls).toEqual([['undo'], ['redo']]);
    }
    // A checkbox has no typing history: undo goes to the workspace.
    const checkbox = Object.assign(new FakeInput(), { type: 'checkbox' });
    focus(checkbox);
    registry.run('undo');
    expect(undo).toHaveBeenCalledTimes(1);
    expect(redo).not.toHaveBeenCalled();
  });
});

/** The key event a list line's keys make on a US layout, off macOS. */
function pressed(keys: readonly string[]): KeyboardEvent {
  const key = keys.at(-1)!;
  const code = /^\d$/.test(key) ? `Digit${key}` : key === '/' ? 'Slash' : `Key${key.toUpperCase()}`;
  const shiftKey = keys.includes('Shift');
  return {
    key: shiftKey ? key.toUpperCase() : key.toLowerCase(),
    code,
    ctrlKey: keys.includes('Mod'),
    metaKey: false,
    shiftKey,
    altKey: false,
  } as KeyboardEvent;
}

describe('the keyboard shortcut list', () => {
  it('lists each app-wide shortcut with the command its keys run', () => {
    focus(new FakeElement());
    const lines = SHORTCUT_GROUPS.flatMap((g) => g.lines).filter((l) => l.command);
    // Positive control: the list names the commands people use most.
    expect(lines.map((l) => l.command)).toEqual(
      expect.arrayContaining(['new-drop', 'find', 'undo', 'redo', 'show-shortcuts']),
    );
    for (const line of lines)
      expect([line.keys, shortcutFor(pressed(line.keys))]).toEqual([line.keys, line.command]);
  });

  it('opens with Ctrl+/ (or the layout’s own "/" key), not with the slash alone', () => {
    focus(new FakeElement());
    expect(shortcutFor(pressed(['Mod', '/']))).toBe('show-shortcuts');
    // A German layout types "/" with Shift+7: its key is "/".
    expect(
      shortcutFor({ ...pressed(['Mod', '7']), key: '/', shiftKey: true } as KeyboardEvent),
    ).toBe('show-shortcuts');
    expect(shortcutFor({ ...pressed(['Mod', '/']), ctrlKey: false } as KeyboardEvent)).toBeNull();
  });
});

describe('the keys as each platform writes them', () => {
  it('writes Ctrl elsewhere and the macOS symbols on a Mac', async () => {
    const { keysFor } = await import('../../../renderer/src/state/shortcutList');
    expect(keysFor(['Mod', 'Shift', 'Z'], false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(keysFor(['Mod', 'Shift', 'Z'], true)).toEqual(['⌘', '⇧', 'Z']);
    expect(keysFor(['Alt', 'Space'], true)).toEqual(['⌥', 'Space']);
  });
});
