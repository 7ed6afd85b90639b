import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuDeps } from './template';

function build(overrides: Partial<MenuDeps> = {}) {
  const send = vi.fn();
  const template = buildMenuTemplate({
    platform: 'linux',
    isDev: false,
    appName: 'Cadence',
    send,
    showDataFolder: vi.fn(),
    ...overrides,
  });
  return { template, send };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...items((m.submenu ?? []) as MenuItemConstructorOptions[])]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string) {
  const item = items(template).find((i) => i.label === label);
  if (!item) throw new Error(`No menu item "${label}"`);
  return item;
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has the usual menus, with the app menu first on macOS only', () => {
    expect(build().template.map((m) => m.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Window',
      '&Help',
    ]);
    expect(build({ platform: 'darwin' }).template.map((m) => m.label)).toEqual([
      'Cadence',
      '&File',
      '&Edit',
      '&View',
      '&Window',
      '&Help',
    ]);
  });

  it('Help reopens the getting started guide in the focused window', () => {
    const { template, send } = build();
    const help = template.find((m) => m.label === '&Help')!;
    const first = (help.submenu as MenuItemConstructorOptions[])[0]!;
    expect(first.label).toBe('Getting Started Guide');
    click(byLabel(template, 'Getting Started Guide'));
    expect(send).toHaveBeenCalledWith('show-guide');
  });

  it('Help lists the keyboard shortcuts, with the key the page itself handles', () => {
    const { template, send } = build();
    const item = byLabel(template, 'Keyboard Shortcuts');
    expect(item.accelerator).toBe('CmdOrCtrl+/');
    expect(item.registerAccelerator).toBe(false);
    click(item);
    expect(send).toHaveBeenCalledWith('show-shortcuts');
  });

  it('sends board commands to the renderer with the documented shortcuts', () => {
    const { template, send } = build();
    const expected: [string, string, string][] = [
      ['New Drop', 'CmdOrCtrl+N', 'new-drop'],
      ['New Workspace', 'Shift+CmdOrCtrl+N', 'new-workspace'],
      ['Board', 'CmdOrCtrl+1', 'view-board'],
      ['Calendar', 'CmdOrCtrl+2', 'view-calendar'],
      ['Timeline', 'CmdOrCtrl+3', 'view-timeline'],
      ['Results', 'CmdOrCtrl+4', 'view-results'],
      ['Find…', 'CmdOrCtrl+F', 'find'],
      ['Show Archived Drops', 'Shift+CmdOrCtrl+A', 'toggle-archived'],
      ['History…', 'Shift+CmdOrCtrl+H', 'history'],
      ['Undo', 'CmdOrCtrl+Z', 'undo'],
      ['Redo', 'Shift+Ctrl+Z', 'redo'],
    ];
    for (const [label, accelerator, command] of expected) {
      const item = byLabel(template, label);
      expect(item.accelerator).toBe(accelerator);
      click(item);
      expect(send).toHaveBeenLastCalledWith(command);
    }
  });

  it('routes undo to the document, not the native undo, but keeps native clipboard roles', () => {
    const edit = build().template.find((m) => m.label === '&Edit')!;
    const roles = (edit.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(roles).not.toContain('undo');
    expect(roles).not.toContain('redo');
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('leaves keys the page handles to the page, and registers the others', () => {
    const { template } = build();
    for (const label of ['Undo', 'Redo', 'New Drop', 'Find…', 'Board', 'Calendar', 'Timeline']) {
      expect(byLabel(template, label).registerAccelerator).toBe(false);
    }
    for (const label of ['New Workspace', 'Show Archived Drops']) {
      expect(byLabel(template, label).registerAccelerator).toBeUndefined();
    }
  });

  it('uses Cmd+Shift+Z for redo on macOS', () => {
    expect(byLabel(build({ platform: 'darwin' }).template, 'Redo').accelerator).toBe('Shift+Cmd+Z');
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => items(build({ isDev }).template).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });

  it('has no accelerator twice', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const accelerators = items(build({ platform, isDev: true }).template)
        .map((i) => i.accelerator)
        .filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
