import type { SyncTiming } from '../../renderer/src/sync/timing';

/** A clock that moves only when told: the sync layer's waits run in order, without waiting. */
export class VirtualClock implements SyncTiming {
  private time = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; f: () => void }>();

  now = (): number => this.time;

  setTimeout = (f: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.time + Math.max(0, ms), f });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  /** Moves to the next timer and runs it; false when none is left. */
  runNext(): boolean {
    let next: [number, { at: number; f: () => void }] | null = null;
    for (const entry of this.timers) if (!next || entry[1].at < next[1].at) next = entry;
    if (!next) return false;
    this.timers.delete(next[0]);
    this.time = Math.max(this.time, next[1].at);
    next[1].f();
    return true;
  }

  /** Lets `ms` pass. */
  advance(ms: number): void {
    this.time += ms;
  }
}
