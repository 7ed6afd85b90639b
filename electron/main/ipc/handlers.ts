import type { IpcMainInvokeEvent } from 'electron';
import type { InvokeHandlers } from './register';
import { saveWithDialog, type SaveDeps } from '../files/saveWithDialog';
import { printBrief, type PrintPage } from '../pdf/printBrief';
import { openWithDialog, type OpenDeps } from '../files/openFile';
import { forgetRollingBackups, writeRollingBackup, type BackupDeps } from '../backup/writeBackup';
import type { SignalingHost } from '../signalingHost';

export interface HandlerDeps {
  app: { name: string; version: string; platform: string };
  /** Dialog + disk for a save started by this event's window. */
  saveDepsFor(event: IpcMainInvokeEvent): SaveDeps;
  /** The renderer's entry URL (print views are hashes of it). */
  entryUrl: string;
  /** Loads a page of the app in a hidden, locked-down window. */
  openPrintPage(url: string): Promise<PrintPage>;
  /** Dialog + disk for opening a file from this event's window. */
  openDepsFor(event: IpcMainInvokeEvent): OpenDeps;
  backup: BackupDeps;
  signaling: SignalingHost;
}

/** The implementation of every invoke channel; arguments arrive validated. */
export function createInvokeHandlers(deps: HandlerDeps): InvokeHandlers {
  return {
    'app:info': () => ({ ...deps.app, isDesktop: true }),
    'file:save-text': (event, request) =>
      saveWithDialog(
        { defaultName: request.defaultName, filters: request.filters, data: request.content },
        deps.saveDepsFor(event),
      ),
    'pdf:print-brief': (event, request) =>
      printBrief(request, {
        entryUrl: deps.entryUrl,
        open: deps.openPrintPage,
        save: deps.saveDepsFor(event),
      }),
    'file:save-binary': (event, request) =>
      saveWithDialog(
        { defaultName: request.defaultName, filters: request.filters, data: request.data },
        deps.saveDepsFor(event),
      ),
    'file:open-binary': (event, request) => openWithDialog(request, deps.openDepsFor(event)),
    'backup:write': (_event, request) => writeRollingBackup(request, deps.backup),
    'backup:forget': (_event, request) => forgetRollingBackups(request, deps.backup),
    'signal:host': (_event, request) => deps.signaling.host(request),
    'signal:stop': () => deps.signaling.stop(),
    'signal:status': () => deps.signaling.status(),
  };
}
