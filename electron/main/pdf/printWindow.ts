import { BrowserWindow } from 'electron';
import { secureWebPreferences } from '../window/webPreferences';
import { PRINT_READY_ATTRIBUTE, type PrintPage } from './printBrief';

/**
 * Opens the print view in a hidden window that is as locked down as the main one and has no
 * preload at all: the page can render from IndexedDB (same origin) but cannot reach main.
 */
export async function openPrintWindow(url: string, opts: { isDev: boolean }): Promise<PrintPage> {
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: secureWebPreferences({ isDev: opts.isDev, platform: process.platform }),
  });
  try {
    await win.loadURL(url);
  } catch (error) {
    win.destroy();
    throw error;
  }
  return {
    isReady: async () =>
      !win.isDestroyed() &&
      (await win.webContents.executeJavaScript(
        `document.documentElement.hasAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)})`,
      )) === true,
    documentInfo: async () => {
      if (win.isDestroyed()) return { title: '', author: '' };
      const info: unknown = await win.webContents.executeJavaScript(
        `({ title: document.title, author: document.querySelector('meta[name="author"]')?.content ?? '' })`,
      );
      const { title, author } = (info ?? {}) as { title?: unknown; author?: unknown };
      return {
        title: typeof title === 'string' ? title.slice(0, 300) : '',
        author: typeof author === 'string' ? author.slice(0, 200) : '',
      };
    },
    print: async (options) => new Uint8Array(await win.webContents.printToPDF(options)),
    close: () => {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}
