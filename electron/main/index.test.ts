import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';

// The main entry wired to a stand-in Electron: proves the pieces are connected the way the
// security checklist says, without the Electron binary.

function makeFakeElectron(appDir: string, gotLock: boolean) {
  class FakeWebContents extends EventEmitter {
    send = vi.fn();
    reload = vi.fn();
  }
  class FakeBrowserWindow extends EventEmitter {
    static all: FakeBrowserWindow[] = [];
    static getAllWindows = () => FakeBrowserWindow.all;
    static getFocusedWindow = () => FakeBrowserWindow.all[0] ?? null;
    static fromWebContents = () => FakeBrowserWindow.all[0] ?? null;
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    constructor(public options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.all.push(this);
    }
    maximize = vi.fn();
    setFullScreen = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getAppPath: () => appDir,
    getPath: (name: string) => path.join(appDir, 'home', name),
    getName: () => 'Cadence',
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    setAsDefaultProtocolClient: vi.fn(() => true),
    setAboutPanelOptions: vi.fn(),
  });
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) },
    dialog: { showSaveDialog: vi.fn() },
    shell: { openExternal: vi.fn(), openPath: vi.fn() },
  };
}

async function startMain(gotLock = true, argv: string[] = []) {
  const appDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-main-'));
  mkdirSync(path.join(appDir, 'dist'));
  writeFileSync(path.join(appDir, 'dist', 'index.html'), '<!doctype html><title>Cadence</title>');
  const electron = makeFakeElectron(appDir, gotLock);
  vi.doMock('electron', () => electron);
  process.argv = ['/opt/Cadence/cadence', ...argv];
  await import('./index');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return electron;
}

describe('the main process', () => {
  const argv = process.argv;
  const warn = console.warn;
  beforeEach(() => {
    vi.resetModules();
    vi.doUnmock('electron');
    console.warn = () => {};
    delete process.env.CADENCE_DEV_URL;
  });
  afterEach(() => {
    process.argv = argv;
    console.warn = warn;
  });

  it('opens one sandboxed, isolated window on the built renderer', async () => {
    const electron = await startMain();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    const [win] = electron.BrowserWindow.all;
    expect(electron.BrowserWindow.all).toHaveLength(1);
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((win!.options.webPreferences as { preload: string }).preload)).toMatch(
      /dist-electron[/\\]preload\.cjs$/,
    );
    expect(win!.loadURL).toHaveBeenCalledWith('app://cadence/index.html');
  });

  it('serves dist/ under app://cadence with the CSP', async () => {
    const electron = await startMain();
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as unknown as [
      string,
      (r: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://cadence/index.html'));
    expect(await response.text()).toContain('<title>Cadence</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('locks the session and registers every IPC channel', async () => {
    const electron = await startMain();
    const session = electron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalled();
    const channels = electron.ipcMain.handle.mock.calls.map((c: unknown[]) => c[0]);
    expect(channels.sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('forwards menu undo to the window as a document command', async () => {
    const electron = await startMain();
    const template = electron.Menu.buildFromTemplate.mock
      .calls[0]![0] as MenuItemConstructorOptions[];
    const edit = template.find((m) => m.label === '&Edit')!;
    const undo = (edit.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Undo')!;
    (undo.click as unknown as () => void)();
    expect(electron.BrowserWindow.all[0]!.webContents.send).toHaveBeenCalledWith(
      'menu:command',
      'undo',
    );
  });

  it('hands a launch link to the page once it has loaded', async () => {
    const electron = await startMain(true, ['cadence://join/AbC123']);
    const contents = electron.BrowserWindow.all[0]!.webContents;
    expect(contents.send).not.toHaveBeenCalled();
    contents.emit('did-finish-load');
    expect(contents.send).toHaveBeenCalledWith('deep-link:join', 'AbC123');
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('cadence');
  });

  it('passes a link from a second launch to the running window', async () => {
    const electron = await startMain();
    const contents = electron.BrowserWindow.all[0]!.webContents;
    contents.emit('did-finish-load');
    electron.app.emit('second-instance', {}, ['/opt/Cadence/cadence', 'cadence://join/Second1']);
    expect(contents.send).toHaveBeenCalledWith('deep-link:join', 'Second1');
    expect(electron.BrowserWindow.all).toHaveLength(1);
  });

  it('quits at once when Cadence is already running', async () => {
    const electron = await startMain(false);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.all).toHaveLength(0);
  });
});
