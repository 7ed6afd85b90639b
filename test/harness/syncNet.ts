import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebrtcConn, WebrtcProvider } from 'y-webrtc';
import { guardProvider } from '../../renderer/src/sync/guard';
import { internals, type RoomInternals } from '../../renderer/src/sync/ywebrtcInternals';

/**
 * The transport seam of the sync harness: N peers, each a real y-webrtc room guarded exactly
 * as the app guards it (`guardProvider`), joined by in-memory data channels. Every message goes
 * through the shipped path: y-webrtc sends it through simple-peer's `send`, wrapped by the
 * guard (framing, pacing on `bufferedamountlow`, echo suppression); the other side's
 * simple-peer receives it on its channel's `onmessage`, the guard puts frames back together,
 * checks the message and re-syncs after a refusal, and y-webrtc reads it with y-protocols
 * (sync and awareness) and relays updates to its other peers. Only the network is simulated:
 * there is no ICE, no SCTP and no signaling (the harness introduces peers to each other).
 *
 * Data channels are ordered and reliable, so messages of one link arrive in order; across links
 * (relays) they interleave at random. A message is lost only with its link: a dropped link
 * loses everything still in flight on it, like a closed connection.
 */

/** simple-peer's RTCPeerConnection, with nothing behind it (the channel is handed in). */
class MemoryPeerConnection {
  static maxMessageSize: number | null = null;
  sctp = MemoryPeerConnection.maxMessageSize
    ? { maxMessageSize: MemoryPeerConnection.maxMessageSize }
    : null;
  close(): void {}
  getStats(): Promise<Map<string, unknown>> {
    return Promise.resolve(new Map());
  }
  createDataChannel(): undefined {
    return undefined;
  }
}

export const memoryWrtc = {
  RTCPeerConnection: MemoryPeerConnection,
  RTCSessionDescription: class {},
  RTCIceCandidate: class {},
};

/** One direction of a link: what one side sends, waiting to reach the other. */
export class MemoryChannel {
  binaryType = 'arraybuffer';
  label = 'harness';
  readyState = 'open';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onbufferedamountlow: (() => void) | null = null;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly queue: Uint8Array[] = [];
  other: MemoryChannel | null = null;
  sentBytes = 0;
  /** Frames (type 127) sent on this channel. */
  frames = 0;
  private readonly lowListeners = new Set<() => void>();

  constructor(private readonly maxMessageSize: number | null) {}

  send(data: Uint8Array): void {
    if (this.readyState !== 'open') throw new Error('channel closed');
    if (this.maxMessageSize !== null && data.byteLength > this.maxMessageSize)
      throw new TypeError('message too large for the data channel');
    const copy = new Uint8Array(data); // what crosses the wire
    this.queue.push(copy);
    this.bufferedAmount += copy.byteLength;
    this.sentBytes += copy.byteLength;
    if (copy[0] === 127) this.frames++;
  }

  addEventListener(type: string, f: () => void): void {
    if (type === 'bufferedamountlow') this.lowListeners.add(f);
  }

  removeEventListener(type: string, f: () => void): void {
    if (type === 'bufferedamountlow') this.lowListeners.delete(f);
  }

  close(): void {
    this.readyState = 'closed';
    this.queue.length = 0;
  }

  /** Hands the oldest message to the other side (its simple-peer's `onmessage`). */
  deliverOne(): void {
    const message = this.queue.shift();
    if (!message) return;
    const before = this.bufferedAmount;
    this.bufferedAmount -= message.byteLength;
    this.other?.onmessage?.({ data: message });
    if (before > this.bufferedAmountLowThreshold) {
      if (this.bufferedAmount <= this.bufferedAmountLowThreshold) {
        this.onbufferedamountlow?.();
        for (const f of [...this.lowListeners]) f();
      }
    }
  }
}

/** What the guard reported for one peer. */
export interface PeerReport {
  refused: string[];
  cannotReceive: string[];
  unavailable: string[];
}

export interface SyncPeer {
  index: number;
  doc: Y.Doc;
  awareness: Awareness;
  provider: WebrtcProvider;
  room: RoomInternals;
  report: PeerReport;
  unguard: () => void;
}

interface Link {
  a: number;
  b: number;
  ab: MemoryChannel;
  ba: MemoryChannel;
  connA: WebrtcConn;
  connB: WebrtcConn;
}

let rooms = 0;

/** The largest message the next connections take (like SCTP's max-message-size); null: any. */
export function setMaxMessageSize(bytes: number | null): void {
  MemoryPeerConnection.maxMessageSize = bytes;
}

/**
 * Opens a peer: a y-webrtc room with no signaling and no connections yet, guarded as the app
 * guards it (`plain`: a stock y-webrtc peer, as another Yjs app would run it).
 */
export async function openPeer(
  index: number,
  gc: boolean,
  opts: { plain?: boolean } = {},
): Promise<SyncPeer> {
  const doc = new Y.Doc({ gc });
  doc.clientID = index + 1; // fixed ids keep a seeded case replayable
  const awareness = new Awareness(doc);
  const provider = new WebrtcProvider(`harness-${process.pid}-${rooms++}`, doc, {
    signaling: [],
    awareness,
    filterBcConns: true,
    peerOpts: { wrtc: memoryWrtc },
  });
  const report: PeerReport = { refused: [], cannotReceive: [], unavailable: [] };
  const unguard = opts.plain
    ? () => {}
    : guardProvider(provider, provider.roomName, {
        doc,
        onRejected: (reason) => report.refused.push(reason),
        onWrongPassword: () => report.refused.push('wrong password'),
        onPeerCannotReceive: (_peer, reason) => report.cannotReceive.push(reason),
        onUnavailable: (missing) => report.unavailable.push(...missing),
      });
  await internals(provider).key;
  await Promise.resolve(); // y-webrtc opens its room once the key promise settles
  const room = internals(provider).room!;
  return { index, doc, awareness, provider, room, report, unguard };
}

/** Peers and the links between them. */
export class SyncNet {
  readonly links = new Map<string, Link>();
  /** Frames sent on links since closed (open links count their own). */
  private closedFrames = 0;

  /** Frames sent so far: parts of messages too large for one data-channel message. */
  get frames(): number {
    let n = this.closedFrames;
    for (const l of this.links.values()) n += l.ab.frames + l.ba.frames;
    return n;
  }

  constructor(readonly peers: SyncPeer[]) {}

  private key(a: number, b: number): string {
    return a < b ? `${a}-${b}` : `${b}-${a}`;
  }

  linked(a: number, b: number): boolean {
    return this.links.has(this.key(a, b));
  }

  /** Connects two peers as y-webrtc would once WebRTC is up: each sends sync step 1. */
  async connect(a: number, b: number): Promise<void> {
    if (a === b || this.linked(a, b)) return;
    const ab = new MemoryChannel(MemoryPeerConnection.maxMessageSize);
    const ba = new MemoryChannel(MemoryPeerConnection.maxMessageSize);
    ab.other = ba;
    ba.other = ab;
    const connA = this.openConn(this.peers[a]!, this.peers[b]!, ab);
    const connB = this.openConn(this.peers[b]!, this.peers[a]!, ba);
    this.links.set(this.key(a, b), { a, b, ab, ba, connA, connB });
    for (const conn of [connA, connB]) (conn.peer as { emit(e: string): void }).emit('connect');
  }

  private openConn(self: SyncPeer, remote: SyncPeer, channel: MemoryChannel): WebrtcConn {
    const conn = new WebrtcConn(null as never, false, remote.room.peerId, self.room as never);
    self.room.webrtcConns.set(remote.room.peerId, conn as never);
    const peer = conn.peer as {
      _setupData(e: { channel: MemoryChannel }): void;
      read(n: number): unknown;
    };
    peer._setupData({ channel });
    // simple-peer is a stream that starts flowing a timer tick after y-webrtc listens to it
    // (long before a real channel opens); this starts it now, so delivery needs no waiting.
    peer.read(0);
    self.provider.emit('peers', [
      {
        added: [remote.room.peerId],
        removed: [],
        webrtcPeers: [...self.room.webrtcConns.keys()],
        bcPeers: [],
      },
    ]);
    return conn;
  }

  /** Closes a link; whatever is still in flight on it is lost. */
  async disconnect(a: number, b: number): Promise<void> {
    const link = this.links.get(this.key(a, b));
    if (!link) return;
    this.links.delete(this.key(a, b));
    this.closedFrames += link.ab.frames + link.ba.frames;
    link.ab.close();
    link.ba.close();
    // What simple-peer reports a timer tick after the channel closed, now: y-webrtc forgets
    // the connection (and destroys its peer). Its own late report is then not needed.
    for (const conn of [link.connA, link.connB]) {
      const peer = conn.peer as { emit(e: string): void; removeAllListeners(e: string): void };
      peer.emit('close');
      peer.removeAllListeners('close');
    }
  }

  /** Messages waiting on some link. */
  get inFlight(): number {
    let n = 0;
    for (const l of this.links.values()) n += l.ab.queue.length + l.ba.queue.length;
    return n;
  }

  /** Delivers up to `count` messages, each the oldest of a random busy channel. */
  deliverSome(count: number, pick: (n: number) => number): number {
    let delivered = 0;
    for (; delivered < count; delivered++) {
      const busy: MemoryChannel[] = [];
      for (const l of this.links.values()) {
        if (l.ab.queue.length > 0) busy.push(l.ab);
        if (l.ba.queue.length > 0) busy.push(l.ba);
      }
      if (busy.length === 0) break;
      busy[pick(busy.length)]!.deliverOne();
    }
    return delivered;
  }

  async destroy(): Promise<void> {
    for (const l of [...this.links.values()]) await this.disconnect(l.a, l.b);
    for (const p of this.peers) {
      p.unguard();
      p.provider.destroy();
      p.awareness.destroy();
    }
  }
}
