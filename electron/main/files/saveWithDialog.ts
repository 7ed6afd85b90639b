import path from 'node:path';
import type { SaveResult } from '../../../shared/ipc/contract';
import { sanitizeFileName } from './fileName';
import { printableLine } from '../../../shared/model/printable';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The dialog and disk, injected so tests need no Electron. */
export interface SaveDeps {
  /** Shows the native save dialog; resolves with the chosen path or undefined if cancelled. */
  chooseSavePath(options: {
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<string | undefined>;
  writeFile(filePath: string, data: string | Uint8Array): Promise<void>;
  /** Folder the dialog opens in (the user's Documents). */
  defaultDir: string;
}

/** Asks where to save, then writes. Cancelling and failures come back as values, not throws. */
export async function saveWithDialog(
  request: { defaultName: string; filters: FileFilter[]; data: string | Uint8Array },
  deps: SaveDeps,
): Promise<SaveResult> {
  const defaultPath = path.join(deps.defaultDir, sanitizeFileName(request.defaultName));
  let filePath: string | undefined;
  try {
    filePath = await deps.chooseSavePath({ defaultPath, filters: request.filters });
  } catch (error) {
    return { ok: false, reason: 'error', message: `The save dialog failed: ${messageOf(error)}` };
  }
  if (!filePath) return { ok: false, reason: 'cancelled' };
  try {
    await deps.writeFile(filePath, request.data);
  } catch (error) {
    return {
      ok: false,
      reason: 'error',
      // The system's message names the file too: all of it as one plain line.
      message: printableLine(`Could not write ${filePath}: ${messageOf(error)}`),
    };
  }
  return { ok: true, path: filePath };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
