import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { printableLine } from '../model/printable';
import { WORKSPACE_NAME_MAX } from '../model/workspace';
import { crc32, fromBase64Url, toBase64Url, utf8 } from './bytes';
import { iceServerSchema, signalingUrlSchema, type IceServer, type SyncSettings } from './settings';
import { teamServerSchema, type TeamServerSettings } from './teamServer';

/** What an invite carries: everything a teammate needs to find and decrypt the room. */
export interface Invite {
  workspaceId: string;
  name: string;
  room: string;
  password: string;
  signaling: string[];
  ice?: IceServer[];
  /** The workspace's team server and access token, when it has one (docs/team-server.md). */
  server?: TeamServerSettings;
  /** The name of the person who made the invite, when they gave one. */
  from?: string;
}

/** The invite format this build writes. Codes start with `CAD<version>.`. */
export const INVITE_VERSION = 1;
const PREFIX = 'CAD';
export const INVITE_LINK_PREFIX = 'cadence://join/';

export const INVITE_MESSAGES = {
  empty: 'Paste the invite code a teammate sent you.',
  foreign: 'This is not a Cadence invite code.',
  newer: 'This invite comes from a newer Cadence. Update Cadence to join this workspace.',
  incomplete: 'This invite code is incomplete — copy the whole code and paste it again.',
  damaged: 'This invite code is damaged (a character changed) — copy the whole code again.',
  invalid: 'This invite code does not contain a valid workspace.',
  tooLong: 'This is far too long to be a Cadence invite code.',
} as const;

/**
 * No invite Cadence writes is longer (`encodeInvite` refuses to): a workspace's invite is a
 * few hundred characters, and even 16 signaling and 16 ICE servers of long plain addresses fit.
 * A longer paste is refused at once, before it is shown or read: a text box holding megabytes
 * freezes the window for tens of seconds.
 */
export const INVITE_MAX_CHARS = 131_072;

/** Said instead of an invite whose servers would make it longer than one can be. */
export const INVITE_TOO_LONG_TO_SEND =
  'These sync settings list too many or too long server addresses to fit in an invite. Remove some in Sync settings.';

/** True when `input` cannot be an invite however its spacing is read (see `INVITE_MAX_CHARS`). */
export function isTooLongForInvite(input: string): boolean {
  // Line breaks and spaces an email adds are not part of the code: leave room for them.
  return input.length > 2 * INVITE_MAX_CHARS;
}

const secret = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{22,128}$/));

const payloadSchema = lazySchema(() =>
  z.object({
    v: z.literal(INVITE_VERSION),
    w: z.string().regex(/^[a-z0-9_]{1,64}$/),
    n: z.string().min(1).max(200),
    r: secret(),
    p: secret(),
    s: z.array(signalingUrlSchema()).max(16),
    i: z.array(iceServerSchema()).max(16).optional(),
    // Optional, so codes of earlier builds still decode; earlier builds ignore it.
    t: z.object({ u: z.string(), d: z.string(), k: z.string() }).optional(),
    // Who made the invite (their display name), so the joined copy can say where it came from.
    f: z.string().min(1).max(60).optional(),
  }),
);

export type InviteResult = { ok: true; invite: Invite } | { ok: false; message: string };

/** Encodes an invite as `CAD1.<base64url JSON>.<crc32>`: compact, copy-paste safe. */
export function encodeInvite(invite: Invite): string {
  const payload = {
    v: INVITE_VERSION,
    w: invite.workspaceId,
    n: invite.name,
    r: invite.room,
    p: invite.password,
    s: invite.signaling,
    ...(invite.ice && invite.ice.length > 0 ? { i: invite.ice } : {}),
    ...(invite.server
      ? { t: { u: invite.server.url, d: invite.server.document, k: invite.server.token } }
      : {}),
    ...(invite.from?.trim() ? { f: invite.from.trim().slice(0, 60) } : {}),
  };
  const checked = payloadSchema().safeParse(payload);
  if (!checked.success)
    throw new Error(checked.error.issues[0]?.message ?? INVITE_MESSAGES.invalid);
  const body = toBase64Url(utf8.encode(JSON.stringify(payload)));
  const code = `${PREFIX}${INVITE_VERSION}.${body}.${checksum(body)}`;
  if (code.length > INVITE_MAX_CHARS) throw new Error(INVITE_TOO_LONG_TO_SEND);
  return code;
}

/** True when a teammate could reach the workspace: a signaling address or a team server. */
export function hasWayToConnect(settings: Pick<SyncSettings, 'signaling' | 'server'>): boolean {
  return settings.signaling.length > 0 || Boolean(settings.server);
}

/** The invite for a workspace and this machine's sync settings (`from`: who invites). */
export function inviteFor(
  workspaceId: string,
  name: string,
  settings: SyncSettings,
  from?: string,
): string {
  return encodeInvite({
    ...(from ? { from } : {}),
    workspaceId,
    name,
    room: settings.room,
    password: settings.password,
    signaling: settings.signaling,
    ice: settings.ice,
    ...(settings.server ? { server: settings.server } : {}),
  });
}

/** Decodes a code, a `cadence://join/…` link or a browser link (`…#/join/…`); every failure has a message for a person. */
export function decodeInvite(input: string): InviteResult {
  if (isTooLongForInvite(input)) return fail('tooLong');
  const text = stripLink(input.replace(/\s+/g, ''));
  if (text === '') return fail('empty');
  if (text.length > INVITE_MAX_CHARS) return fail('tooLong');
  const match = /^CAD(\d+)\.(.*)$/.exec(text);
  if (!match) return fail(/^C(A(D\d*)?)?$/.test(text) ? 'incomplete' : 'foreign');
  if (Number(match[1]) > INVITE_VERSION) return fail('newer');
  if (Number(match[1]) !== INVITE_VERSION) return fail('foreign');
  const [body, sum, ...rest] = match[2]!.split('.');
  if (rest.length > 0) return fail('foreign');
  if (!body || sum === undefined || sum.length < 7) return fail('incomplete');
  if (sum.length > 7 || !/^[0-9a-z]+$/.test(sum)) return fail('damaged');
  if (checksum(body) !== sum) return fail(isPrefixCorruption(body) ? 'incomplete' : 'damaged');
  const bytes = fromBase64Url(body);
  if (!bytes) return fail('damaged');
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    return fail('damaged');
  }
  const parsed = payloadSchema().safeParse(json);
  if (!parsed.success) return fail('invalid');
  const p = parsed.data;
  // The name becomes a workspace's name on this computer: a code made by hand may carry one
  // that no Cadence writes (blank, line breaks, control or direction characters).
  const name = printableLine(p.n, WORKSPACE_NAME_MAX);
  if (name === '') return fail('invalid');
  const from = p.f === undefined ? null : printableLine(p.f, 60);
  const server = p.t
    ? teamServerSchema().safeParse({ url: p.t.u, document: p.t.d, token: p.t.k })
    : null;
  if (server && !server.success) return fail('invalid');
  return {
    ok: true,
    invite: {
      workspaceId: p.w,
      name,
      room: p.r,
      password: p.p,
      signaling: p.s,
      ...(p.i ? { ice: p.i as IceServer[] } : {}),
      ...(server?.success ? { server: server.data } : {}),
      ...(from ? { from } : {}),
    },
  };
}

/** `cadence://join/<code>`: the link the desktop app opens. */
export function inviteLink(code: string): string {
  return `${INVITE_LINK_PREFIX}${code}`;
}

/** The path of a browser invite link, after the app's own address: `<app>#/join/<code>`. */
export const WEB_INVITE_HASH = '#/join/';

/** A link that opens the web app at `appUrl` (no hash) with the join dialog filled in. */
export function webInviteLink(appUrl: string, code: string): string {
  return `${appUrl.split('#')[0]}${WEB_INVITE_HASH}${code}`;
}

/** The code inside a browser invite link (or its hash alone), or null if it is not one. */
export function parseWebInviteLink(url: string): string | null {
  const at = url.indexOf(WEB_INVITE_HASH);
  if (at < 0) return null;
  return parseInviteLink(`${INVITE_LINK_PREFIX}${url.slice(at + WEB_INVITE_HASH.length)}`);
}

/** The code inside a `cadence://join/` link, or null if `url` is not one. */
export function parseInviteLink(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed.toLowerCase().startsWith(INVITE_LINK_PREFIX)) return null;
  const code = trimmed.slice(INVITE_LINK_PREFIX.length).replace(/\/+$/, '');
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

function stripLink(text: string): string {
  return parseInviteLink(text) ?? parseWebInviteLink(text) ?? text;
}

// 7 base-36 characters hold a full CRC-32, so a truncated or altered body is caught.
function checksum(body: string): string {
  return crc32(utf8.encode(body)).toString(36).padStart(7, '0');
}

// A base64url body cut short in the middle of a 4-character group cannot be complete.
function isPrefixCorruption(body: string): boolean {
  return body.length % 4 === 1;
}

function fail(kind: keyof typeof INVITE_MESSAGES): InviteResult {
  return { ok: false, message: INVITE_MESSAGES[kind] };
}
