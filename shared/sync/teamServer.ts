import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { randomSecret } from './bytes';

/**
 * A workspace's team server (Hocuspocus): where it is, the document name the workspace has
 * there, and the workspace's access token. Like the room password, kept on this machine and in
 * invites, never in the document. The name and token are 128 random bits each, created when
 * the server is added; the server remembers the token of the first connection to a name.
 */
export interface TeamServerSettings {
  /** ws:// or wss:// address of the server (wss:// through a reverse proxy with TLS). */
  url: string;
  /** The workspace's document name on the server. */
  document: string;
  /** The workspace's access token. */
  token: string;
}

/**
 * A ws:// or wss:// address with a host, as a person types it; `example` is the message when
 * it is not one (signaling servers and team servers say what theirs look like). A `#…` part
 * is dropped: a WebSocket refuses an address with one (it would never connect, shown as
 * unreachable for ever), and it is never sent to the server anyway.
 */
export function webSocketUrl(example: string) {
  return z
    .string()
    .trim()
    .max(500, 'That address is too long.')
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, example)
    .transform(withoutFragment);
}

/** `address` without its `#…` part (settings and invites stored with one still load). */
function withoutFragment(address: string): string {
  const at = address.indexOf('#');
  return at < 0 ? address : address.slice(0, at);
}

export const teamServerUrlSchema = lazySchema(() =>
  webSocketUrl(
    'A team server address looks like wss://cadence.example.com or ws://192.168.1.20:1234.',
  ),
);

const secret = lazySchema(() =>
  z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, 'Not a valid workspace secret.'),
);

export const teamServerSchema = lazySchema(() =>
  z.object({
    url: teamServerUrlSchema(),
    document: secret(),
    token: secret(),
  }),
);

/** A team server entry for a workspace: fresh document name and token at `url`. */
export function newTeamServer(url: string): TeamServerSettings {
  return { url: url.trim(), document: randomSecret(16), token: randomSecret(16) };
}

/** Why the server refused a connection (Hocuspocus' permission-denied reason). */
export const TEAM_SERVER_REASONS = {
  wrongToken: 'cadence:wrong-token',
  notCadence: 'cadence:not-a-workspace',
  rejected: 'cadence:update-rejected',
} as const;

/** What a person reads when the team server refuses this workspace. */
export function teamServerRefusalMessage(reason: string): string {
  switch (reason) {
    case TEAM_SERVER_REASONS.wrongToken:
      return 'The team server refused this workspace’s access token. Ask a teammate for a new invite.';
    case TEAM_SERVER_REASONS.notCadence:
      return 'The team server did not accept this workspace (its name or token is malformed).';
    default:
      return `The team server refused this workspace (${reason.slice(0, 80)}).`;
  }
}
