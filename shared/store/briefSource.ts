import type * as Y from 'yjs';
import { readBriefState, type BriefState } from '../brief/status';
import type { DropId } from '../model/ids';
import { briefBodyName } from '../model/schema';
import type { Source } from './atom';

// Typing pauses for this long before a rich-text-only edit refreshes the brief's status and
// change list: reading a 20-page text per keystroke would cost typing latency.
export const BODY_REFRESH_MS = 300;

/**
 * One brief's state (fields, rich text, status, changes since sent), kept current while anyone
 * watches it. Other edits refresh on the next tick, so a burst of transactions reads once.
 */
export class BriefSource implements Source<BriefState | null> {
  private value: BriefState | null | undefined;
  /** The store's transaction count when `value` was read. */
  private readAt = -1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    readonly dropId: DropId,
    private readonly clock: () => number,
    private readonly onWatched: (source: BriefSource, watched: boolean) => void,
  ) {}

  get = (): BriefState | null => {
    // Read lazily; unwatched, a later read after any transaction reads again.
    if (this.value === undefined || (this.listeners.size === 0 && this.readAt !== this.clock())) {
      this.read();
    }
    return this.value as BriefState | null;
  };

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) {
      this.onWatched(this, true);
      // Something may have changed between the first read and the subscription.
      if (this.value !== undefined && this.readAt !== this.clock()) this.read();
    }
    this.listeners.add(listener);
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.cancel();
      this.onWatched(this, false);
      // Nobody watches: let a long brief's text go; the next read reads it again.
      this.value = undefined;
    };
  };

  /** Called by the store after each transaction that changed something. */
  changed(transaction: Y.Transaction): void {
    const delay = this.onlyBody(transaction) ? BODY_REFRESH_MS : 0;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.read();
      for (const l of [...this.listeners]) l();
    }, delay);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private read(): void {
    this.value = readBriefState(this.doc, this.dropId);
    this.readAt = this.clock();
  }

  // True when the transaction touched this brief's rich text and no other top-level type.
  private onlyBody(transaction: Y.Transaction): boolean {
    const body = this.doc.share.get(briefBodyName(this.dropId));
    if (!body || !transaction.changedParentTypes.has(body)) return false;
    for (const type of this.doc.share.values()) {
      if (type !== body && transaction.changedParentTypes.has(type)) return false;
    }
    return true;
  }
}
