import type { Invite } from '../../../shared/sync/invite';
import {
  type IceServer,
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
  const settings = saveSyncSettings(storage, invite.workspaceId, {
    room: invite.room,
    password: invite.password,
    signaling: invite.signaling,
    ice: invite.ice ?? previous?.ice ?? [],
    enabled: true,
    // The invite says whether the workspace syncs through a team server too.
    ...(invite.server ? { server: invite.server } : {}),
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

/** Host names of server addresses (ws://, wss://, stun:, turn:), as a person reads them. */
export function serverHosts(urls: readonly string[]): string[] {
  const hosts = urls.map((u) => {
    const m = /^[a-z]+:(?:\/\/)?(\[[^\]]+\]|[^:/?#]+)/i.exec(u.trim());
    return m ? m[1]! : u;
  });
  return [...new Set(hosts)];
}

function iceUrls(ice: readonly IceServer[] | undefined): string[] {
  return (ice ?? []).flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
}

/** What joining with `invite` would change on this machine, shown before anything changes. */
export interface InviteReview {
  /** The workspace is already here: joining would change its sync settings. */
  existing: boolean;
  signalingHosts: string[];
  iceHosts: string[];
  teamServerHost: string | null;
  /** Settings that would be replaced (only for an existing workspace). */
  changes: string[];
  /** The invite's servers are not the ones this workspace uses now. */
  serversDiffer: boolean;
}

/** Compares an invite with the workspace's current sync settings here (null when none). */
export function reviewInvite(
  invite: Invite,
  current: SyncSettings | null,
  existing: boolean,
): InviteReview {
  const signalingHosts = serverHosts(invite.signaling);
  const iceHosts = serverHosts(iceUrls(invite.ice));
  const teamServerHost = invite.server ? (serverHosts([invite.server.url])[0] ?? null) : null;
  const changes: string[] = [];
  let serversDiffer = false;
  if (existing && current) {
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
    if (invite.room !== current.room) changes.push('the room');
    if (invite.password !== current.password) changes.push('the room password');
    if (!same(invite.signaling, current.signaling)) {
      changes.push('the signaling servers');
      serversDiffer = true;
    }
    if (invite.ice && !same(iceUrls(invite.ice), iceUrls(current.ice))) {
      changes.push('the ICE (STUN/TURN) servers');
      serversDiffer = true;
    }
    if (invite.server && invite.server.url !== current.server?.url) {
      changes.push('the team server');
      serversDiffer = true;
    }
  } else if (existing) {
    changes.push('its sync settings (it does not sync yet)');
    serversDiffer = invite.signaling.length > 0 || !!invite.ice?.length || !!invite.server;
  }
  return { existing, signalingHosts, iceHosts, teamServerHost, changes, serversDiffer };
}
