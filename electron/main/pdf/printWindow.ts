import { BrowserWindow } from 'electron';
import { secureWebPreferences } from '../window/webPreferences';
import {
  DOCUMENT_INFO_SCRIPT,
  PRINT_READY_ATTRIBUTE,
  readDocumentInfo,
  type PrintPage,
} from './printBrief';

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
    documentInfo: async () =>
      readDocumentInfo(
        win.isDestroyed() ? null : await win.webContents.executeJavaScript(DOCUMENT_INFO_SCRIPT),
      ),
    print: async (options) => new Uint8Array(await win.webContents.printToPDF(options)),
    close: () => {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}
