import type { Doc } from 'yjs';
import { ensureSyncSettings } from '../../../shared/sync/settings';
import { appStorage } from '../workspace/localKeys';
import { loadLocalUser, randomColour } from './localUser';
import { WorkspaceSync } from './WorkspaceSync';

/**
 * Starts a workspace's sync with this machine's settings for it and this person's name
 * (until they give one, "Teammate" in a random colour). `openWorkspace` calls it as the
 * document opens; the workspace's `destroy` stops it.
 */
export function startWorkspaceSync(workspaceId: string, doc: Doc): WorkspaceSync {
  const storage = appStorage();
  return new WorkspaceSync({
    workspaceId,
    doc,
    settings: ensureSyncSettings(storage, workspaceId),
    user: loadLocalUser(storage) ?? { name: 'Teammate', colour: randomColour() },
    storage,
    startAfter: whenIdle(),
  });
}

// Opening a workspace paints its board first: connecting (y-webrtc's key derivation, signaling
// sockets) waits until the window is idle, at most a second, so it never delays that paint.
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: 1000 });
    } else setTimeout(resolve, 0);
  });
}
