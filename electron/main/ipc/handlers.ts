import type { IpcMainInvokeEvent } from 'electron';
import type { InvokeHandlers } from './register';
import { saveWithDialog, type SaveDeps } from '../files/saveWithDialog';

export interface HandlerDeps {
  app: { name: string; version: string; platform: string };
  /** Dialog + disk for a save started by this event's window. */
  saveDepsFor(event: IpcMainInvokeEvent): SaveDeps;
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
  };
}
