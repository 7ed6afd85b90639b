// The Electron main process: one secure window, the application menu, the typed IPC handlers,
// cadence:// links. Logic lives in the small modules beside this file (unit-tested without
// Electron); this file only wires them to Electron.
import type { BrowserWindow } from 'electron';
import { app, ipcMain, Menu, protocol, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import type { EventChannel, EventContract, MenuCommand } from '../../shared/ipc/contract';
import { createAppProtocolHandler } from './appProtocol';
import { DEEP_LINK_SCHEME, findJoinLinkInArgv, parseJoinLink, PendingDeepLinks } from './deepLink';
import { electronHandlerDeps } from './ipc/electronDeps';
import { createInvokeHandlers } from './ipc/handlers';
import { registerInvokeHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu/template';
import { contentSecurityPolicy } from './security/csp';
import { hardenSession, hardenWebContents, type HardenDeps } from './security/harden';
import { APP_HOST, APP_SCHEME, resolveRendererSource } from './security/origin';
import { createMainWindow } from './window/mainWindow';
import { createSignalingHost } from './signalingHost';
import { signalingToken } from './signalingToken';
import { startSignalingServer } from '../signaling/server';

const log = (message: string): void => console.warn(`[cadence] ${message}`);

// Must happen before 'ready'. A standard + secure scheme gives the renderer a real origin
// (app://cadence) for IndexedDB, fetch and CSP 'self'.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      codeCache: true,
    },
  },
]);
app.enableSandbox();
// Windows groups the taskbar entry and the installer's shortcut by this id (electron-builder.yml appId).
if (process.platform === 'win32') app.setAppUserModelId('app.cadence.board');

const { source, warning } = resolveRendererSource(process.env.CADENCE_DEV_URL, app.isPackaged);
if (warning) log(warning);
const isDev = !app.isPackaged;
const csp = contentSecurityPolicy(source.kind);
const deepLinks = new PendingDeepLinks();
let mainWindow: BrowserWindow | null = null;
const signaling = createSignalingHost({
  start: startSignalingServer,
  networkInterfaces,
  log,
  token: () => signalingToken(path.join(app.getPath('userData'), 'signaling-token')),
});

const hardenDeps: HardenDeps = {
  origin: source.origin,
  openExternal: (url) => void shell.openExternal(url),
  log,
};

function send<C extends EventChannel>(
  win: BrowserWindow | null,
  channel: C,
  payload: EventContract[C],
): void {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

function receiveLink(url: string): void {
  const code = parseJoinLink(url);
  if (code === null) {
    log(`Ignored a link that is not a Cadence invite: ${url.slice(0, 120)}`);
    return;
  }
  deepLinks.push(code);
  showMainWindow();
}

function showMainWindow(): void {
  if (!app.isReady()) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function openMainWindow(): void {
  const appPath = app.getAppPath();
  const win = createMainWindow({
    source,
    userDataDir: app.getPath('userData'),
    preloadPath: path.join(appPath, 'dist-electron', 'preload.cjs'),
    iconPath:
      process.platform === 'linux' ? path.join(appPath, 'dist-electron', 'icon.png') : undefined,
    isDev,
    log,
  });
  mainWindow = win;
  // Links are handed over once the page has loaded (the preload keeps them until React listens).
  win.webContents.on('did-start-loading', () => deepLinks.detach());
  win.webContents.on('did-finish-load', () =>
    deepLinks.attach((code) => send(win, 'deep-link:join', code)),
  );
  win.on('closed', () => {
    deepLinks.detach();
    if (mainWindow === win) mainWindow = null;
  });
}

function sendMenuCommand(command: MenuCommand): void {
  // Always the Cadence window: hidden print windows have no bridge and never get commands.
  send(mainWindow, 'menu:command', command);
}

function registerDeepLinkScheme(): void {
  // In development Electron runs as `electron .`: the OS must relaunch it with the app path.
  const entry = process.argv[1];
  const ok =
    process.defaultApp && entry
      ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(entry)])
      : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!ok) log('Could not register cadence:// links with the system.');
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession, hardenDeps, csp);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: path.join(app.getAppPath(), 'dist'),
      host: APP_HOST,
      csp,
      readFile,
    }),
  );
  registerInvokeHandlers(
    ipcMain,
    createInvokeHandlers(electronHandlerDeps({ entryUrl: source.entryUrl, isDev, signaling })),
    source.origin,
    log,
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDev,
        appName: app.getName(),
        send: sendMenuCommand,
        showDataFolder: () => void shell.openPath(app.getPath('userData')),
      }),
    ),
  );
  app.setAboutPanelOptions({
    applicationName: 'Cadence',
    applicationVersion: app.getVersion(),
    copyright: 'A local-first campaign board for fashion micro-drops.',
  });
  registerDeepLinkScheme();
  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Cadence is running: it receives our arguments (and any link) via 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const code = findJoinLinkInArgv(argv);
    if (code !== null) deepLinks.push(code);
    showMainWindow();
  });
  // macOS delivers links by event, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveLink(url);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardenDeps));
  // The team's signaling endpoint closes with the app (peers fall back to their other addresses).
  let stoppedSignaling = false;
  app.on('will-quit', (event) => {
    if (stoppedSignaling || !signaling.status().running) return;
    event.preventDefault();
    void signaling.stop().finally(() => {
      stoppedSignaling = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow || mainWindow.isDestroyed()) openMainWindow();
  });

  const launchCode = findJoinLinkInArgv(process.argv);
  if (launchCode !== null) deepLinks.push(launchCode);

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log(`Cadence could not start: ${String(error)}`);
      app.exit(1);
    });
}
