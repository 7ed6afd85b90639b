import path from 'node:path';
import type { FileFilter, OpenBinaryResult } from '../../../shared/ipc/contract';
import { printableFileName, printableLine } from '../../../shared/model/printable';
import { messageOf } from './saveWithDialog';

export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

export interface OpenDeps {
  chooseOpenPath(options: { title?: string; filters: FileFilter[] }): Promise<string | undefined>;
  fileSize(file: string): Promise<number>;
  readFile(file: string): Promise<Uint8Array>;
}

/** Asks for one file and reads it; too large, unreadable or cancelled come back as values. */
export async function openWithDialog(
  request: { title?: string; filters: FileFilter[] },
  deps: OpenDeps,
): Promise<OpenBinaryResult> {
  let file: string | undefined;
  try {
    file = await deps.chooseOpenPath(request);
  } catch (error) {
    return { ok: false, reason: 'error', message: `The open dialog failed: ${messageOf(error)}` };
  }
  if (!file) return { ok: false, reason: 'cancelled' };
  try {
    const size = await deps.fileSize(file);
    if (size > MAX_OPEN_BYTES) {
      return {
        ok: false,
        reason: 'error',
        message: `${printableFileName(path.basename(file))} is larger than 256 MB; it is not a Cadence workspace file.`,
      };
    }
    return { ok: true, path: file, name: path.basename(file), data: await deps.readFile(file) };
  } catch (error) {
    return {
      ok: false,
      reason: 'error',
      // The system's message names the file too: all of it as one plain line.
      message: printableLine(`Could not read ${file}: ${messageOf(error)}`),
    };
  }
}
