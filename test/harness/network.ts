import * as Y from 'yjs';
import type { Prng } from './prng';

/** Transaction origin of updates applied from the simulated network. */
export const NETWORK_ORIGIN = 'network';

interface Message {
  from: number;
  to: number;
  update: Uint8Array;
}

/**
 * N in-memory peers, each with its own Y.Doc, joined by a lossless network that delivers
 * messages in random order (also out of order between two peers) and can be split into
 * partitions. Like Yjs's TestConnector: every local update is broadcast to the peers that
 * are reachable; healing a partition exchanges state-vector diffs.
 */
export class Network {
  readonly docs: Y.Doc[];
  private inFlight: Message[] = [];
  /** Partition group of each peer; peers talk only within their group. */
  private group: number[];

  constructor(
    readonly rng: Prng,
    size: number,
  ) {
    this.docs = Array.from({ length: size }, (_, i) => {
      const doc = new Y.Doc({ gc: rng.bool() });
      // Fixed client ids keep a seeded case replayable (Yjs draws them from crypto).
      doc.clientID = i + 1;
      return doc;
    });
    this.group = this.docs.map(() => 0);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK_ORIGIN) return;
        this.broadcast(from, update);
      });
    });
  }

  get size(): number {
    return this.docs.length;
  }

  private reachable(a: number, b: number): boolean {
    return a !== b && this.group[a] === this.group[b];
  }

  private broadcast(from: number, update: Uint8Array): void {
    for (let to = 0; to < this.size; to++) {
      if (this.reachable(from, to)) this.inFlight.push({ from, to, update });
    }
  }

  /** Messages whose link is currently up. */
  private deliverable(): number[] {
    const out: number[] = [];
    this.inFlight.forEach((m, i) => {
      if (this.reachable(m.from, m.to)) out.push(i);
    });
    return out;
  }

  /** Delivers up to `count` random deliverable messages; returns how many were delivered. */
  deliverSome(count: number): number {
    let delivered = 0;
    for (; delivered < count; delivered++) {
      // A random message is usually deliverable; filter the list only when it is not.
      let index = this.inFlight.length > 0 ? this.rng.int(this.inFlight.length) : -1;
      const m = this.inFlight[index];
      if (!m || !this.reachable(m.from, m.to)) {
        const ready = this.deliverable();
        if (ready.length === 0) break;
        index = this.rng.pick(ready);
      }
      const [message] = this.inFlight.splice(index, 1);
      Y.applyUpdate(this.docs[message!.to]!, message!.update, NETWORK_ORIGIN);
    }
    return delivered;
  }

  /** Splits the peers into random groups (peers that meet again first catch up). */
  partition(): void {
    const groups = 2 + this.rng.int(Math.max(1, this.size - 1));
    this.regroup(this.docs.map(() => this.rng.int(groups)));
  }

  /** Reconnects everyone. */
  heal(): void {
    this.regroup(this.docs.map(() => 0));
  }

  // Each pair that can talk again exchanges what the other is missing (state-vector diff).
  private regroup(next: number[]): void {
    const before = this.group;
    this.group = next;
    for (let a = 0; a < this.size; a++) {
      for (let b = 0; b < this.size; b++) {
        if (a === b || before[a] === before[b] || next[a] !== next[b]) continue;
        const diff = Y.encodeStateAsUpdate(this.docs[a]!, Y.encodeStateVector(this.docs[b]!));
        this.inFlight.push({ from: a, to: b, update: diff });
      }
    }
  }

  /** Heals every partition and delivers everything in flight, in random order. */
  flush(): void {
    this.heal();
    while (this.deliverSome(1000) > 0);
  }

  /** Messages not delivered yet. */
  get pending(): number {
    return this.inFlight.length;
  }
}
