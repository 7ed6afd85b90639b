import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBackup } from '../../../shared/sync/backupFile';
import { writeFileAtomic } from '../files/atomicWrite';
import { openPrintWindow } from '../pdf/printWindow';
import type { SignalingHost } from '../signalingHost';
import type { HandlerDeps } from './handlers';

// The real dialogs, disk and windows behind the IPC handlers (tests pass fakes instead).

function windowOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

export function electronHandlerDeps(opts: {
  entryUrl: string;
  isDev: boolean;
  signaling: SignalingHost;
}): HandlerDeps {
  return {
    signaling: opts.signaling,
    app: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    entryUrl: opts.entryUrl,
    openPrintPage: (url) => openPrintWindow(url, { isDev: opts.isDev }),
    saveDepsFor: (event) => {
      const win = windowOf(event);
      return {
        defaultDir: app.getPath('documents'),
        writeFile: (file, data) => writeFile(file, data),
        chooseSavePath: async (options) => {
          const result = win
            ? await dialog.showSaveDialog(win, options)
            : await dialog.showSaveDialog(options);
          return result.canceled ? undefined : result.filePath;
        },
      };
    },
    openDepsFor: (event) => {
      const win = windowOf(event);
      return {
        fileSize: async (file) => (await stat(file)).size,
        readFile: async (file) => new Uint8Array(await readFile(file)),
        chooseOpenPath: async ({ title, filters }) => {
          const options = {
            ...(title ? { title } : {}),
            filters,
            properties: ['openFile' as const],
            defaultPath: app.getPath('documents'),
          };
          const result = win
            ? await dialog.showOpenDialog(win, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? undefined : result.filePaths[0];
        },
      };
    },
    backup: {
      root: path.join(app.getPath('userData'), 'backups'),
      decode: decodeBackup,
      listDir: (dir) => readdir(dir),
      writeFile: (file, data) => writeFileAtomic(file, data),
      remove: (file) => rm(file, { force: true }),
      now: Date.now,
    },
  };
}
