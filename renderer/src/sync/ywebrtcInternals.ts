// The adapter to the private parts of y-webrtc, simple-peer, lib0 and Yjs that Cadence's sync
// relies on. They are not public API, so every one is named here, once, with the versions it
// was read from (package.json pins y-webrtc and simple-peer exactly). `missingInternals` checks
// them all when sync starts; if any is missing, sync stays off with a notice saying why, never
// "on" with the checks silently bypassed. `test/unit/sync/ywebrtcInternals.test.ts` holds this
// list against the installed versions. y-webrtc is also patched (patches/, applied on install):
// a tab joins the channel between tabs with its state vector, not its whole document
// (docs/sync.md; test/unit/sync/broadcastConnect.test.ts fails without the patch).
import type { Doc } from 'yjs';
import type { WebrtcProvider } from 'y-webrtc';

/** The versions these members were read from. */
export const INTERNALS_READ_FROM = {
  'y-webrtc': '10.3.0',
  'simple-peer': '9.11.1',
  lib0: '0.2.120',
  yjs: '13.6.33',
} as const;

/** Every private member touched, by owner (what `missingInternals` checks). */
export const PRIVATE_MEMBERS = {
  /** y-webrtc's WebrtcProvider. */
  provider: ['room', 'key', 'signalingConns'],
  /** y-webrtc's Room (exists once the room key is derived). */
  room: ['name', 'peerId', 'webrtcConns', 'bcConns', 'bcconnected', '_bcSubscriber'],
  /** y-webrtc's WebrtcConn (one per peer, in `room.webrtcConns`). */
  webrtcConn: ['remotePeerId', 'connected', 'synced', 'peer'],
  /** simple-peer's Peer (`conn.peer`). */
  peer: ['_onChannelMessage', 'send', '_channel', '_pc', 'destroy'],
  /** y-webrtc's SignalingConn, a lib0 websocket client (`_observers`: lib0's listener map). */
  signalingConn: ['url', 'connected', 'send', '_observers', 'on', 'off'],
  /** Yjs's StructStore (`doc.store`): what is parked waiting for missing content. */
  store: ['pendingStructs', 'pendingDs'],
} as const;

export interface PeerInternals {
  _onChannelMessage?: (event: { data: unknown }) => void;
  _pc?: {
    getStats(): Promise<
      Iterable<[string, Record<string, unknown>]> | Map<string, Record<string, unknown>>
    >;
    sctp?: { maxMessageSize?: number } | null;
  };
  connected?: boolean;
  send?: (data: Uint8Array) => void;
  destroy?: () => void;
  _channel?: DataChannelInternals | null;
}

/** The RTCDataChannel simple-peer holds (standard API, reached through simple-peer). */
export interface DataChannelInternals {
  bufferedAmount: number;
  bufferedAmountLowThreshold?: number;
  addEventListener?: (type: 'bufferedamountlow', f: () => void) => void;
  removeEventListener?: (type: 'bufferedamountlow', f: () => void) => void;
}

export interface WebrtcConnInternals {
  remotePeerId: string;
  connected: boolean;
  synced: boolean;
  peer: PeerInternals;
}

export interface RoomInternals {
  name: string;
  peerId: string;
  webrtcConns: Map<string, WebrtcConnInternals>;
  bcConns: Set<string>;
  bcconnected: boolean;
  _bcSubscriber: (data: ArrayBuffer, origin?: unknown) => unknown;
}

export interface SignalingConnInternals {
  url: string;
  connected: boolean;
  send(message: unknown): void;
  _observers: Map<string, Set<(...args: unknown[]) => void>>;
  on(name: string, f: (...args: unknown[]) => void): void;
  off(name: string, f: (...args: unknown[]) => void): void;
}

export interface ProviderInternals {
  room: RoomInternals | null;
  key: PromiseLike<CryptoKey | null>;
  signalingConns: SignalingConnInternals[];
}

export interface StoreInternals {
  pendingStructs: { missing: Map<number, number>; update: Uint8Array } | null;
  pendingDs: Uint8Array | null;
}

export function internals(provider: WebrtcProvider): ProviderInternals {
  return provider as unknown as ProviderInternals;
}

/** What Yjs has parked in `doc`, waiting for content that has not arrived. */
export function storeInternals(doc: Doc): StoreInternals {
  return doc.store as unknown as StoreInternals;
}

/** The members of `owner`'s list that `target` lacks, as "owner.member". */
export function missingMembers(owner: keyof typeof PRIVATE_MEMBERS, target: unknown): string[] {
  if (target === null || typeof target !== 'object') return [`${owner}`];
  return PRIVATE_MEMBERS[owner].filter((m) => !(m in target)).map((m) => `${owner}.${m}`);
}

/**
 * Every private member sync needs that this provider (and its room, connections and document)
 * lacks; empty when all are there. The room is checked once it exists (after the key).
 */
export function missingInternals(provider: WebrtcProvider, doc: Doc): string[] {
  const p = internals(provider);
  const missing = [...missingMembers('provider', p), ...missingMembers('store', doc.store)];
  if (missing.length > 0) return missing;
  if (p.room) missing.push(...missingMembers('room', p.room));
  for (const conn of p.signalingConns) missing.push(...missingMembers('signalingConn', conn));
  if (p.room && missing.length === 0) {
    for (const conn of p.room.webrtcConns.values()) {
      missing.push(...missingMembers('webrtcConn', conn));
      if (conn.peer) missing.push(...missingMembers('peer', conn.peer));
    }
  }
  return [...new Set(missing)];
}

/** The notice shown when sync stays off because an internal is missing. */
export function internalsNotice(missing: readonly string[]): string {
  return (
    'Sync is off: the peer-to-peer library in this build is not the version Cadence checks ' +
    `incoming changes with (missing: ${missing.slice(0, 4).join(', ')}${missing.length > 4 ? ', …' : ''}). ` +
    'Your workspace keeps working on this computer.'
  );
}
