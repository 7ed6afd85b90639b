import type * as Y from 'yjs';
import { useTiming } from '../../renderer/src/sync/timing';
import { Prng } from './prng';
import { openPeer, SyncNet, type SyncPeer } from './syncNet';
import { VirtualClock } from './virtualClock';

/**
 * A small team on the shipped sync path (syncNet.ts) for scripted scenarios: everyone starts
 * connected; `cut` takes people offline or splits the room, `deliverSome` lets some messages
 * through in random order, `flush` reconnects everyone and delivers everything. Messages are
 * refused only by the guard; `refused` lists what it refused (an honest team refuses nothing).
 */
export class SyncTeam {
  private readonly group: number[];

  private constructor(
    readonly net: SyncNet,
    readonly clock: VirtualClock,
    readonly rng: Prng,
    private readonly restoreTiming: () => void,
  ) {
    this.group = net.peers.map(() => 0);
  }

  /** Opens `n` guarded peers, all connected, on a virtual clock. Close it after use. */
  static async open(n: number, seed = 1): Promise<SyncTeam> {
    const clock = new VirtualClock();
    const restoreTiming = useTiming(clock);
    const rng = new Prng(seed);
    const peers: SyncPeer[] = [];
    for (let i = 0; i < n; i++) peers.push(await openPeer(i, rng.bool()));
    const team = new SyncTeam(new SyncNet(peers), clock, rng, restoreTiming);
    await team.reconnect();
    return team;
  }

  get docs(): Y.Doc[] {
    return this.net.peers.map((p) => p.doc);
  }

  /** Everything the guard refused, on every peer. */
  get refused(): string[] {
    return this.net.peers.flatMap((p) => p.report.refused);
  }

  /** Puts each peer in a group (peers talk only within theirs); links across groups close. */
  async split(groups: number[]): Promise<void> {
    groups.forEach((g, i) => (this.group[i] = g));
    for (const l of [...this.net.links.values()])
      if (this.group[l.a] !== this.group[l.b]) await this.net.disconnect(l.a, l.b);
    await this.reconnect();
  }

  /** Splits the room into random groups (as the old in-memory network did). */
  async partition(): Promise<void> {
    const n = this.net.peers.length;
    const groups = 2 + this.rng.int(Math.max(1, n - 1));
    await this.split(this.net.peers.map(() => this.rng.int(groups)));
  }

  /** Delivers up to `count` messages, each the oldest of a random busy link. */
  deliverSome(count: number): number {
    return this.net.deliverSome(count, (k) => this.rng.int(k));
  }

  /** Reconnects everyone and delivers every message (time passes while anything waits). */
  async flush(): Promise<void> {
    this.group.fill(0);
    await this.reconnect();
    for (let rounds = 0; ; rounds++) {
      if (rounds > 1_000_000) throw new Error('the network never went quiet');
      if (this.deliverSome(64) > 0) continue;
      if (!this.clock.runNext()) break;
    }
    const refused = this.refused;
    if (refused.length > 0) throw new Error(`honest messages refused: ${refused.join(' | ')}`);
  }

  async close(): Promise<void> {
    await this.net.destroy();
    this.restoreTiming();
  }

  private async reconnect(): Promise<void> {
    const n = this.net.peers.length;
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++)
        if (this.group[a] === this.group[b] && !this.net.linked(a, b)) await this.net.connect(a, b);
  }
}
