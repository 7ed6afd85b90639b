import { BrowserWindow, screen } from 'electron';
import path from 'node:path';
import { readTextOrNull, writeFileAtomic, writeFileAtomicSync } from '../files/atomicWrite';
import type { RendererSource } from '../security/origin';
import { secureWebPreferences } from './webPreferences';
import { MIN_HEIGHT, MIN_WIDTH, parseWindowState, restoreBounds } from './windowState';
import { keepWindowState } from './windowStateKeeper';

export interface MainWindowOptions {
  source: RendererSource;
  userDataDir: string;
  preloadPath: string;
  iconPath?: string;
  isDev: boolean;
  log: (message: string) => void;
}

/** The Cadence window, where it was last time, loading our renderer and nothing else. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const stateFile = path.join(opts.userDataDir, 'window-state.json');
  const saved = parseWindowState(readTextOrNull(stateFile));
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Cadence',
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: secureWebPreferences({
      preload: opts.preloadPath,
      isDev: opts.isDev,
      platform: process.platform,
    }),
  });
  if (bounds.isMaximized) win.maximize();
  if (bounds.isFullScreen) win.setFullScreen(true);

  keepWindowState(win, {
    write: (text) => writeFileAtomic(stateFile, text),
    writeSync: (text) => writeFileAtomicSync(stateFile, text),
    log: opts.log,
  });

  win.once('ready-to-show', () => win.show());
  // A crashed renderer comes back by itself; the document is safe in IndexedDB.
  win.webContents.on('render-process-gone', (_event, details) => {
    opts.log(`The window's renderer stopped (${details.reason}).`);
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.reload();
  });

  void win.loadURL(opts.source.entryUrl);
  return win;
}
