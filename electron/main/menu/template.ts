import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../shared/ipc/contract';

/** Shortcuts the renderer already handles from key events (it does in the browser too). */
export const KEYS_HANDLED_BY_PAGE: ReadonlySet<MenuCommand> = new Set<MenuCommand>([
  'undo',
  'redo',
  'new-drop',
  'find',
  'view-board',
  'view-calendar',
  'view-timeline',
  'view-results',
  'history',
  'show-shortcuts',
]);

export interface MenuDeps {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
  /** Forwards a command to the focused Cadence window ('menu:command'). */
  send: (command: MenuCommand) => void;
  /** Opens the folder where Cadence keeps its data and backups. */
  showDataFolder: () => void;
}

/**
 * The application menu. Undo and Redo are forwarded to the renderer so they drive the
 * document's Y.UndoManager (the webContents' own undo knows nothing of the board); cut, copy,
 * paste and select-all stay native so text fields behave as everywhere else.
 */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const isMac = deps.platform === 'darwin';
  const command = (
    label: string,
    cmd: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    // Keys the page handles itself are only shown, not registered (Windows/Linux), so a key
    // press never runs twice and Ctrl+Z in a text field stays that field's own undo.
    ...(accelerator && KEYS_HANDLED_BY_PAGE.has(cmd) ? { registerAccelerator: false } : {}),
    click: () => deps.send(cmd),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: deps.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New Drop', 'new-drop', 'CmdOrCtrl+N'),
      command('New Workspace', 'new-workspace', 'Shift+CmdOrCtrl+N'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', isMac ? 'Shift+Cmd+Z' : 'Shift+Ctrl+Z'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Board', 'view-board', 'CmdOrCtrl+1'),
      command('Calendar', 'view-calendar', 'CmdOrCtrl+2'),
      command('Timeline', 'view-timeline', 'CmdOrCtrl+3'),
      command('Results', 'view-results', 'CmdOrCtrl+4'),
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F'),
      command('Show Archived Drops', 'toggle-archived', 'Shift+CmdOrCtrl+A'),
      command('History…', 'history', 'Shift+CmdOrCtrl+H'),
      { type: 'separator' },
      ...(deps.isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      command('Getting Started Guide', 'show-guide'),
      command('Keyboard Shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'),
      { type: 'separator' },
      { label: 'Show Data and Backups Folder', click: () => deps.showDataFolder() },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
    ],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
