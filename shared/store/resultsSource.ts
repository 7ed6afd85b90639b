import type * as Y from 'yjs';
import { readMeta } from '../model/workspace';
import {
  observeResultInputs,
  readImports,
  readInterest,
  readOrders,
  readResultInputs,
  readResultSettings,
  resultsRoot,
  ResultsCalculator,
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

  constructor(private readonly doc: Y.Doc) {}

  // Watches the document from the first read on, until the store is destroyed (not only while
  // someone listens): a switch of view unmounts one reader before the next subscribes, and
  // dropping the results in between would compute them all twice. Watching from the first
  // read leaves no gap where a change could go unseen.
  private watch(): void {
    if (this.stop) return;
    const ordersMap = resultsRoot.orders(this.doc);
    const interestMap = resultsRoot.interest(this.doc);
    const onOrders = () => (this.orders = null);
    const onInterest = () => (this.events = null);
    ordersMap.observe(onOrders);
    interestMap.observe(onInterest);
    const stopInputs = observeResultInputs(this.doc, () => {
      this.snapshot = null;
      for (const l of [...this.listeners]) l();
    });
    this.stop = () => {
      ordersMap.unobserve(onOrders);
      interestMap.unobserve(onInterest);
      stopInputs();
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): ResultsSnapshot => {
    this.watch();
    if (this.snapshot) return this.snapshot;
    const doc = this.doc;
    const settings = readResultSettings(doc);
    const inputs = readResultInputs(doc, settings);
    const orders = (this.orders ??= readOrders(doc));
    const events = (this.events ??= readInterest(doc));
    const timeZone = readMeta(doc).timezone;
    this.snapshot = {
      results: this.calculator.compute(inputs, orders, events, settings, timeZone),
      inputs,
      settings,
      imports: readImports(doc),
      orderCount: orders.length,
      eventCount: events.length,
      timeZone,
    };
    return this.snapshot;
  };

  /** Stops watching the document. */
  destroy(): void {
    this.stop?.();
    this.stop = null;
    this.listeners.clear();
  }
}
