import type { Invite } from '../../../shared/sync/invite';
import type { IceServer, SyncSettings } from '../../../shared/sync/settings';

/**
 * The host a server address really connects to, as a person reads it. The address is parsed
 * the way the WebSocket will parse it: in `wss://cadence.mybrand.com@evil.example` the part
 * before `@` is a user name, and the host is evil.example.
 */
export function serverHost(url: string): string {
  const trimmed = url.trim();
  try {
    const { hostname } = new URL(trimmed);
    if (hostname) return hostname;
  } catch {
    // Not a URL the browser reads: fall through.
  }
  // stun:/turn: addresses have no `//`; a user name before `@` is skipped there too.
  const m = /^[a-z]+:(?:\/\/)?(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#@]+)/i.exec(trimmed);
  return m ? m[1]! : trimmed;
}

/** Host names of server addresses (ws://, wss://, stun:, turn:), each once. */
export function serverHosts(urls: readonly string[]): string[] {
  return [...new Set(urls.map(serverHost))];
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
  /** Hosts the workspace would newly sync with (named in the warning when servers differ). */
  newHosts: string[];
  /**
   * The team server this workspace keeps: the invite names none (an earlier build's, or a
   * teammate's who does not use it), and joining never removes one (the sync panel does).
   */
  keptTeamServerHost: string | null;
}

/** Compares an invite with the workspace's current sync settings here (null when none). */
export function reviewInvite(
  invite: Invite,
  current: SyncSettings | null,
  existing: boolean,
): InviteReview {
  const signalingHosts = serverHosts(invite.signaling);
  const iceHosts = serverHosts(iceUrls(invite.ice));
  const teamServerHost = invite.server ? serverHost(invite.server.url) : null;
  const changes: string[] = [];
  const newHosts: string[] = [];
  let serversDiffer = false;
  let keptTeamServerHost: string | null = null;
  if (existing && current) {
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
    if (invite.room !== current.room) changes.push('the room');
    if (invite.password !== current.password) changes.push('the room password');
    if (!same(invite.signaling, current.signaling)) {
      changes.push('the signaling servers');
      serversDiffer = true;
      newHosts.push(...signalingHosts);
    }
    if (invite.ice && !same(iceUrls(invite.ice), iceUrls(current.ice))) {
      changes.push('the ICE (STUN/TURN) servers');
      serversDiffer = true;
      newHosts.push(...iceHosts);
    }
    if (invite.server && invite.server.url !== current.server?.url) {
      changes.push('the team server');
      serversDiffer = true;
      newHosts.push(serverHost(invite.server.url));
    } else if (
      invite.server &&
      (invite.server.document !== current.server?.document ||
        invite.server.token !== current.server?.token)
    ) {
      changes.push('the team server’s access token');
    }
    if (!invite.server && current.server) keptTeamServerHost = serverHost(current.server.url);
  } else if (existing) {
    changes.push('its sync settings (it does not sync yet)');
    serversDiffer = invite.signaling.length > 0 || !!invite.ice?.length || !!invite.server;
    newHosts.push(...signalingHosts, ...iceHosts, ...(teamServerHost ? [teamServerHost] : []));
  }
  return {
    existing,
    signalingHosts,
    iceHosts,
    teamServerHost,
    changes,
    serversDiffer,
    newHosts: [...new Set(newHosts)],
    keptTeamServerHost,
  };
}
