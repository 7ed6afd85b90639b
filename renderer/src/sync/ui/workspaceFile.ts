import { platform } from '../../platform/platform';

// Workspace files (.cadence) through the platform: a dialog on the desktop, a download or a
// file input in the browser.

const FILTERS = [{ name: 'Cadence workspace', extensions: ['cadence'] }];

/** Saves a workspace file; the path or name it went to, or null when cancelled. */
export async function saveWorkspaceFile(
  defaultName: string,
  data: Uint8Array,
): Promise<string | null> {
  const result = await platform().saveBinary(defaultName, data, FILTERS);
  if (result.ok) return result.path;
  if (result.reason === 'cancelled') return null;
  throw new Error(result.message ?? 'The file could not be saved.');
}

/** Asks for a workspace file and returns its bytes (null when cancelled). */
export function openWorkspaceFile(): Promise<{ name: string; data: Uint8Array } | null> {
  return platform().openBinary('Import a workspace file', FILTERS);
}
