import type {
  DesktopBridge,
  SignalHostRequest,
  SignalStatus,
} from '../../../../shared/ipc/contract';
import { parseWebInviteLink } from '../../../../shared/sync/invite';

// Desktop features the sync UI uses, with browser fallbacks where a browser can do the job.

function bridge(): DesktopBridge | undefined {
  return typeof window !== 'undefined' ? window.cadence : undefined;
}

export const isDesktop = (): boolean => bridge() !== undefined;

const FILTERS = [{ name: 'Cadence workspace', extensions: ['cadence'] }];

/** Saves a workspace file: a save dialog on the desktop, a download in the browser. */
export async function saveWorkspaceFile(
  defaultName: string,
  data: Uint8Array,
): Promise<string | null> {
  const b = bridge();
  if (b) {
    const result = await b.invoke('file:save-binary', { defaultName, data, filters: FILTERS });
    if (result.ok) return result.path;
    if (result.reason === 'cancelled') return null;
    throw new Error(result.message ?? 'The file could not be saved.');
  }
  const url = URL.createObjectURL(
    new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = defaultName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return defaultName;
}

/** Asks for a workspace file and returns its bytes (null when cancelled). */
export async function openWorkspaceFile(): Promise<{ name: string; data: Uint8Array } | null> {
  const b = bridge();
  if (b) {
    const result = await b.invoke('file:open-binary', {
      title: 'Import a workspace file',
      filters: FILTERS,
    });
    if (result.ok) return { name: result.name, data: result.data };
    if (result.reason === 'cancelled') return null;
    throw new Error(result.message ?? 'The file could not be read.');
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.cadence,application/octet-stream';
    input.onchange = async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null);
    };
    input.oncancel = () => resolve(null);
    input.click();
  });
}

/** Keeps a rolling backup in the desktop app's user-data folder (no-op in the browser). */
export async function writeRollingBackup(workspaceId: string, file: Uint8Array): Promise<void> {
  await bridge()?.invoke('backup:write', { workspaceId, file });
}

/** Removes every rolling backup of a forgotten workspace (no-op in the browser). */
export async function forgetRollingBackups(workspaceId: string): Promise<void> {
  const result = await bridge()?.invoke('backup:forget', { workspaceId });
  if (result && !result.ok) throw new Error(result.message);
}

export const signalingHost = {
  available: (): boolean => isDesktop(),
  status: (): Promise<SignalStatus> =>
    bridge()?.invoke('signal:status') ?? Promise.resolve({ running: false }),
  start: (req: SignalHostRequest): Promise<SignalStatus> =>
    bridge()?.invoke('signal:host', req) ??
    Promise.resolve({ running: false, error: 'Only the desktop app can host sync.' }),
  stop: (): Promise<SignalStatus> =>
    bridge()?.invoke('signal:stop') ?? Promise.resolve({ running: false }),
};

/**
 * Invite links: `cadence://join/…` opened while the desktop app runs, or in a browser the
 * app's address with `#/join/<code>` (at load or later). The code is taken out of the address
 * at once, so it does not stay in the tab's history or in a reload.
 */
export function onJoinLink(listener: (code: string) => void): () => void {
  const desktop = bridge();
  if (desktop) return desktop.on('deep-link:join', listener);
  if (typeof window === 'undefined') return () => {};
  const read = () => {
    const code = parseWebInviteLink(window.location.hash);
    if (code === null) return;
    const url = new URL(window.location.href);
    url.hash = '';
    window.history.replaceState(null, '', url);
    listener(code);
  };
  read();
  window.addEventListener('hashchange', read);
  return () => window.removeEventListener('hashchange', read);
}
