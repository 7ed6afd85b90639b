// Runs in the sandboxed renderer before the page: bundled to CommonJS (dist-electron/preload.cjs),
// since a sandboxed preload can require only a few Electron modules and no files.
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopBridge } from '../../shared/ipc/contract';
import { createDesktopBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'cadence',
  createDesktopBridge(ipcRenderer) satisfies DesktopBridge,
);
