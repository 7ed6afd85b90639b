import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import { removeAwarenessStates } from 'y-protocols/awareness';
import type { Doc } from 'yjs';
import { checkServerMessage, serverMessageType } from '../../../shared/sync/serverMessage';
import { teamServerRefusalMessage, type TeamServerSettings } from '../../../shared/sync/teamServer';

/** connecting: socket opening or token being checked · refused: the server said no. */
export type TeamServerState = 'connecting' | 'connected' | 'offline' | 'refused';

export interface TeamServerStatus {
  url: string;
  state: TeamServerState;
  /** Why the server refused this workspace, for a person. */
  message: string | null;
  /** The server has acknowledged every local change (nothing waits to be sent to it). */
  allSent: boolean;
}

export interface TeamServerHooks {
  /** A message from the server was refused by the check (damaged or hostile). */
  onRejected(reason: string): void;
  /** A sync message from the server passed the check and was applied. */
  onAccepted(): void;
  /** The server refused the token. */
  onRefused(message: string): void;
  /** Anything in `status()` may have changed. */
  onChange(): void;
}

interface LinkOptions {
  doc: Doc;
  /** Shared with y-webrtc: one presence for both. */
  awareness: Awareness;
  server: TeamServerSettings;
  hooks: TeamServerHooks;
  /** A WebSocket implementation for Node (`ws`); browsers have their own. */
  WebSocket?: unknown;
}

/**
 * Hocuspocus' provider with Cadence's incoming check in front of the document: every message
 * from the server passes `checkServerMessage` (the same `validateUpdate` as messages from
 * peers) before the provider reads it; a refused one is dropped and reported, and the document
 * is untouched. A server is not trusted to send damage.
 *
 * It also shares the workspace's presence with y-webrtc without harming it: when the socket
 * closes it forgets only the people it heard through the server (the stock provider forgets
 * everyone but us, peers included), and destroying it leaves the shared Awareness alive.
 */
class GuardedProvider extends HocuspocusProvider {
  hooks: TeamServerHooks | null = null;
  /** Presence clients heard through this server. */
  readonly heard = new Set<number>();

  // Hocuspocus' own MessageEvent type (from `ws`), not the DOM's.
  override onMessage(event: Parameters<HocuspocusProvider['onMessage']>[0]): void {
    const bytes = toBytes(event.data);
    const hooks = this.hooks;
    if (!bytes || !hooks) return;
    // Structural checks only on the live path, as for peers (see validateUpdate's cost model).
    const verdict = checkServerMessage(this.document, bytes, { scratchAboveBytes: Infinity });
    if (!verdict.ok) {
      hooks.onRejected(verdict.reason);
      return;
    }
    super.onMessage(event);
    if (serverMessageType(bytes) === 0) hooks.onAccepted();
  }

  override onClose(): void {
    this.isAuthenticated = false;
    this.synced = false;
    const awareness = this.awareness;
    if (awareness && this.heard.size > 0) removeAwarenessStates(awareness, [...this.heard], this);
    this.heard.clear();
  }

  /** Listeners the stock provider put on the shared Awareness (some are anonymous). */
  awarenessListeners: [name: string, listener: (...args: never[]) => void][] = [];

  override destroy(): void {
    const awareness = this.awareness;
    if (awareness) {
      for (const [name, listener] of this.awarenessListeners) awareness.off(name, listener);
      const gone = [...this.heard].filter((id) => awareness.getStates().has(id));
      if (gone.length > 0) removeAwarenessStates(awareness, gone, this);
    }
    // The stock destroy would destroy the Awareness, which y-webrtc keeps using.
    this.configuration.awareness = null;
    super.destroy();
  }
}

/** One workspace's connection to its team server. */
export class TeamServerLink {
  private readonly provider: GuardedProvider;
  private refusal: string | null = null;
  private readonly onAwareness: (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => void;

  constructor(private readonly opts: LinkOptions) {
    const { hooks } = opts;
    const before = awarenessListeners(opts.awareness);
    this.provider = new GuardedProvider({
      url: opts.server.url,
      name: opts.server.document,
      token: opts.server.token,
      document: opts.doc,
      awareness: opts.awareness,
      ...(opts.WebSocket ? { WebSocketPolyfill: opts.WebSocket } : {}),
      onStatus: () => hooks.onChange(),
      onSynced: () => hooks.onChange(),
      onUnsyncedChanges: () => hooks.onChange(),
      onAuthenticated: () => {
        this.refusal = null;
        hooks.onChange();
      },
      onAuthenticationFailed: ({ reason }) => {
        this.refusal = teamServerRefusalMessage(reason);
        hooks.onRefused(this.refusal);
        hooks.onChange();
      },
      onClose: () => hooks.onChange(),
    });
    this.provider.hooks = hooks;
    this.provider.awarenessListeners = awarenessListeners(opts.awareness).filter(
      ([name, f]) => !before.some(([n, g]) => n === name && g === f),
    );
    const heard = this.provider.heard;
    this.onAwareness = ({ added, updated, removed }, origin) => {
      if (origin !== this.provider) return;
      const before = heard.size;
      let gone = false;
      for (const id of [...added, ...updated]) if (id !== opts.doc.clientID) heard.add(id);
      for (const id of removed) gone = heard.delete(id) || gone;
      // The Awareness says 'change' before 'update', so whoever redrew on its 'change' did so
      // before this set knew the person: a teammate back after a server restart stayed
      // invisible until they changed their presence. Say so once the set is right.
      if (heard.size !== before || gone) hooks.onChange();
    };
    opts.awareness.on('update', this.onAwareness);
  }

  /** Presence client ids of the people reached through the server. */
  get heardClients(): ReadonlySet<number> {
    return this.provider.heard;
  }

  /** True once the token was accepted and the first exchange is done. */
  get connected(): boolean {
    return this.provider.isAuthenticated && this.provider.synced;
  }

  status(): TeamServerStatus {
    const p = this.provider;
    const socket = p.configuration.websocketProvider.status as string;
    let state: TeamServerState;
    if (this.refusal) state = 'refused';
    else if (p.isAuthenticated && p.synced) state = 'connected';
    else if (socket === 'disconnected') state = 'offline';
    else state = 'connecting';
    return {
      url: this.opts.server.url,
      state,
      message: this.refusal,
      allSent: state === 'connected' && p.unsyncedChanges === 0,
    };
  }

  destroy(): void {
    this.opts.awareness.off('update', this.onAwareness);
    this.provider.hooks = null;
    this.provider.destroy();
  }
}

// lib0's Observable keeps its listeners in `_observers` (name → Set).
function awarenessListeners(
  awareness: Awareness,
): [name: string, listener: (...args: never[]) => void][] {
  const observers = (awareness as unknown as { _observers?: Map<string, Set<() => void>> })
    ._observers;
  const out: [string, () => void][] = [];
  for (const [name, set] of observers ?? []) for (const f of set) out.push([name, f]);
  return out;
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
