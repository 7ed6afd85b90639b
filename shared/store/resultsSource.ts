import type * as Y from 'yjs';
import { readMeta } from '../model/workspace';
import {
  observeResultInputs,
  readImports,
  readInterest,
  readInterestSteps,
  readOrders,
  readOrdersSteps,
  readResultInputs,
  readResultSettings,
  resultsRoot,
  ResultsCalculator,
  runStepsWithPauses,
  type DropResultInput,
  type DropResults,
  type ImportRecord,
  type InterestEvent,
  type OrderFact,
  type ResultSettings,
} from '../results';
import type { Source } from './atom';

/** Every drop's results and what they were computed from. */
export interface ResultsSnapshot {
  results: ReadonlyMap<string, DropResults>;
  inputs: readonly DropResultInput[];
  settings: ResultSettings;
  imports: readonly ImportRecord[];
  orderCount: number;
  eventCount: number;
  timeZone: string;
}

interface ResultInputsRead {
  settings: ResultSettings;
  inputs: readonly DropResultInput[];
  orders: readonly OrderFact[];
  events: readonly InterestEvent[];
  imports: readonly ImportRecord[];
  timeZone: string;
}

function snapshotOf(
  read: ResultInputsRead,
  results: ReadonlyMap<string, DropResults>,
): ResultsSnapshot {
  const { settings, inputs, orders, events, imports, timeZone } = read;
  return {
    results,
    inputs,
    settings,
    imports,
    orderCount: orders.length,
    eventCount: events.length,
    timeZone,
  };
}

/**
 * A teammate's large import arrives in slices, a change each (`applyOrderPlanInSlices`): their
 * results are drawn once the slices stop for `TEAMMATE_IMPORT_QUIET_MS`, and at least every
 * `TEAMMATE_IMPORT_MAX_WAIT_MS` while they keep coming, not after every slice.
 */
export const TEAMMATE_IMPORT_QUIET_MS = 150;
export const TEAMMATE_IMPORT_MAX_WAIT_MS = 1000;

/**
 * The workspace's results, a derived value of the store: recomputed lazily, after a change the
 * results read, once, on the next read (however many cards and charts read them). The orders
 * and events are re-read only when their maps changed, and the calculator redoes only what the
 * change touched (see ResultsCalculator).
 */
export class ResultsSource implements Source<ResultsSnapshot> {
  private snapshot: ResultsSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly calculator = new ResultsCalculator();
  private orders: OrderFact[] | null = null;
  private events: InterestEvent[] | null = null;
  private stop: (() => void) | null = null;
  /** Open holds (see `hold`). */
  private holds = 0;
  /** A change not drawn yet: the snapshot shown is older than the document. */
  private missed = false;
  /** `prepare` computed a snapshot that is not drawn yet. */
  private prepared = false;
  /** The pending draw of a teammate's import, and when its first slice came. */
  private late: { timer: ReturnType<typeof setTimeout>; since: number } | null = null;
  /** Counts the changes to what the results read (a `warm` begun before one is stale). */
  private changes = 0;

  constructor(private readonly doc: Y.Doc) {}

  // Watches the document from the first read on, until the store is destroyed (not only while
  // someone listens): a switch of view unmounts one reader before the next subscribes, and
  // dropping the results in between would compute them all twice. Watching from the first
  // read leaves no gap where a change could go unseen.
  private watch(): void {
    if (this.stop) return;
    const ordersMap = resultsRoot.orders(this.doc);
    const interestMap = resultsRoot.interest(this.doc);
    const onOrders = () => {
      this.orders = null;
      this.changes++;
    };
    const onInterest = () => {
      this.events = null;
      this.changes++;
    };
    ordersMap.observe(onOrders);
    interestMap.observe(onInterest);
    const stopInputs = observeResultInputs(this.doc, (change) => {
      this.changes++;
      this.missed = true;
      if (this.holds) return;
      if (change.importedOnly && !change.local) this.drawLate();
      else this.draw();
    });
    this.stop = () => {
      ordersMap.unobserve(onOrders);
      interestMap.unobserve(onInterest);
      stopInputs();
    };
  }

  // Shows what changed: readers compute afresh (or take what `prepare` computed).
  private draw(): void {
    this.cancelLate();
    const changed = this.missed;
    const fresh = changed || this.prepared;
    this.missed = false;
    this.prepared = false;
    if (changed) this.snapshot = null;
    if (fresh) for (const l of [...this.listeners]) l();
  }

  private drawLate(): void {
    const now = Date.now();
    const since = this.late?.since ?? now;
    this.cancelLate();
    const wait = Math.max(
      0,
      Math.min(TEAMMATE_IMPORT_QUIET_MS, since + TEAMMATE_IMPORT_MAX_WAIT_MS - now),
    );
    const timer = setTimeout(() => {
      this.late = null;
      if (!this.holds) this.draw();
    }, wait);
    this.late = { timer, since };
  }

  private cancelLate(): void {
    if (this.late) clearTimeout(this.late.timer);
    this.late = null;
  }

  /**
   * Holds the results as they are until the returned release is called: a write made in many
   * transactions (an import applied in slices) is then computed and drawn once, at the end,
   * instead of after every slice. Meanwhile readers, even one that renders for another reason,
   * get the results from before the hold.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (!this.holds) this.draw();
    };
  }

  /**
   * While held, computes the results the release will show, a slice at a time with `pause`
   * between slices (`ResultsCalculator.computeInSlices`): computing every drop's results over
   * 25,000 orders and drawing them become short tasks instead of one long one. Nothing is
   * drawn until the release. A change meanwhile is computed again at the release.
   */
  async prepare(pause: () => Promise<void>): Promise<void> {
    // Nobody has read the results yet: they are computed when someone does.
    if (!this.holds || !this.missed || !this.snapshot) return;
    this.missed = false;
    const read = this.readInputs();
    const results = await this.computeInSlices(read, pause);
    if (this.missed || !this.holds) return;
    this.snapshot = snapshotOf(read, results);
    this.prepared = true;
  }

  /** True when `get` returns at once: the results are computed for the document as it is. */
  isComputed(): boolean {
    return this.snapshot !== null;
  }

  /**
   * Computes the results a slice at a time, with `pause` between slices, for a reader that can
   * wait for them (the board's Review cards, drawn after the board): over 25,000 orders, the
   * first computation (checking every stored order, then attributing them) held the window for
   * ~300 ms right after a large workspace opened. Resolves when done; after a change meanwhile
   * it leaves the computing to `get`, which is then the same as without it.
   */
  async warm(pause: () => Promise<void>): Promise<void> {
    this.watch();
    if (this.snapshot) return;
    const start = this.changes;
    const orders = this.orders ?? (await runStepsWithPauses(readOrdersSteps(this.doc), pause));
    const events = this.events ?? (await runStepsWithPauses(readInterestSteps(this.doc), pause));
    if (this.changes !== start || this.snapshot) return;
    this.orders = orders;
    this.events = events;
    const read = this.readInputs();
    const results = await this.computeInSlices(read, pause);
    if (this.changes !== start || this.snapshot) return;
    this.snapshot = snapshotOf(read, results);
  }

  private computeInSlices(read: ResultInputsRead, pause: () => Promise<void>) {
    const { inputs, orders, events, settings, timeZone } = read;
    return this.calculator.computeInSlices(inputs, orders, events, settings, timeZone, pause);
  }

  // What the results are computed from, as the document holds it now.
  private readInputs(): ResultInputsRead {
    const doc = this.doc;
    const settings = readResultSettings(doc);
    return {
      settings,
      inputs: readResultInputs(doc, settings),
      orders: (this.orders ??= readOrders(doc)),
      events: (this.events ??= readInterest(doc)),
      imports: readImports(doc),
      timeZone: readMeta(doc).timezone,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): ResultsSnapshot => {
    this.watch();
    if (this.snapshot) return this.snapshot;
    const read = this.readInputs();
    const { inputs, orders, events, settings, timeZone } = read;
    this.snapshot = snapshotOf(
      read,
      this.calculator.compute(inputs, orders, events, settings, timeZone),
    );
    return this.snapshot;
  };

  /** Stops watching the document. */
  destroy(): void {
    this.cancelLate();
    this.stop?.();
    this.stop = null;
    this.listeners.clear();
  }
}
