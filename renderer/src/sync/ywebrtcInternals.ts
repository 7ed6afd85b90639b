// The parts of y-webrtc (10.3) and simple-peer that the sync guard hooks into. They are not
// public API, so they are named here once, with the version they were read from, and every
// hook checks they exist before touching them (a changed library degrades to "no guard
// installed" plus a logged warning, never a crash).
import type { WebrtcProvider } from 'y-webrtc';

export interface PeerInternals {
  _onChannelMessage?: (event: { data: unknown }) => void;
  _pc?: {
    getStats(): Promise<
      Iterable<[string, Record<string, unknown>]> | Map<string, Record<string, unknown>>
    >;
  };
  connected?: boolean;
  send?: (data: Uint8Array) => void;
  _channel?: { bufferedAmount: number } | null;
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
  _observers: Map<string, Set<(...args: unknown[]) => void>>;
  on(name: string, f: (...args: unknown[]) => void): void;
  off(name: string, f: (...args: unknown[]) => void): void;
}

export interface ProviderInternals {
  room: RoomInternals | null;
  key: PromiseLike<CryptoKey | null>;
  signalingConns: SignalingConnInternals[];
}

export function internals(provider: WebrtcProvider): ProviderInternals {
  return provider as unknown as ProviderInternals;
}
