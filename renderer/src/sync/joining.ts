import type { Invite } from '../../../shared/sync/invite';
import {
  loadSyncSettings,
  saveSyncSettings,
  type SyncSettings,
} from '../../../shared/sync/settings';
import { WORKSPACE_KEYS, type KeyValueStorage } from '../workspace/localKeys';

const AWAITING_KEY = WORKSPACE_KEYS.awaitingFirstSync;

/**
 * Joining stores the invite's room, password and servers for the workspace on this machine.
 * A workspace that exists here already keeps its document: sync merges the two. A new one is
 * marked "awaiting first sync" so it is not seeded with its own default stages (which would
 * be merged into the team's board as duplicates).
 */
export function applyInvite(
  storage: KeyValueStorage,
  invite: Invite,
  existsLocally: boolean,
): SyncSettings {
  const previous = loadSyncSettings(storage, invite.workspaceId);
  const server = invite.server ?? (existsLocally ? previous?.server : undefined);
  const settings = saveSyncSettings(storage, invite.workspaceId, {
    room: invite.room,
    password: invite.password,
    signaling: invite.signaling,
    ice: invite.ice ?? previous?.ice ?? [],
    enabled: true,
    // The invite says whether the workspace syncs through a team server too. One without
    // (an earlier build's, or a teammate's on peer to peer only) never removes the team
    // server of a copy here: only the sync panel does, and the review says it stays.
    ...(server ? { server } : {}),
  });
  if (!existsLocally) storage.setItem(AWAITING_KEY(invite.workspaceId), '1');
  return settings;
}

/** True while a joined workspace has not yet received its document from a teammate. */
export function isAwaitingFirstSync(storage: KeyValueStorage, workspaceId: string): boolean {
  return storage.getItem(AWAITING_KEY(workspaceId)) === '1';
}

export function markFirstSyncDone(storage: KeyValueStorage, workspaceId: string): void {
  storage.removeItem(AWAITING_KEY(workspaceId));
}

/** Open options for a workspace that must wait for its teammates' document. */
export function seedForJoined(
  storage: KeyValueStorage,
  workspaceId: string,
): { seed?: () => void } {
  return isAwaitingFirstSync(storage, workspaceId) ? { seed: () => {} } : {};
}
