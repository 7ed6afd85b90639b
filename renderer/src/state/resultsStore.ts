import { useSyncExternalStore } from 'react';
import {
  observeResultInputs,
  ResultsCalculator,
  readImports,
  readInterest,
  readOrders,
  readResultInputs,
  readResultSettings,
  resultsRoot,
  type DropResultInput,
  type DropResults,
  type ImportRecord,
  type InterestEvent,
  type OrderFact,
  type ResultSettings,
} from '../../../shared/results';
import { readMeta } from '../../../shared/model';
import { useOpenWorkspace } from './';
import type { OpenWorkspace } from '../workspace';

/** Every drop's results and what they were computed from, for one open workspace. */
export interface ResultsSnapshot {
  results: ReadonlyMap<string, DropResults>;
  inputs: readonly DropResultInput[];
  settings: ResultSettings;
  imports: readonly ImportRecord[];
  orderCount: number;
  eventCount: number;
  timeZone: string;
}

type Doc = OpenWorkspace['doc'];

/**
 * Recomputes the results lazily: after a relevant change, once, on the next read (however many
 * cards read them). The orders and events are re-read only when their maps changed, and the
 * calculator redoes only what the change touched (see ResultsCalculator).
 */
class ResultsStore {
  private snapshot: ResultsSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private watching = false;
  private readonly calculator = new ResultsCalculator();
  private orders: OrderFact[] | null = null;
  private events: InterestEvent[] | null = null;

  constructor(private readonly doc: Doc) {}

  // The store watches its document from the first read on, for as long as the document lives
  // (not only while someone listens): a switch of view unmounts one reader before the next
  // subscribes, and dropping the results in between would compute them all twice. Watching
  // from the first read leaves no gap where a change could go unseen.
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    resultsRoot.orders(this.doc).observe(() => (this.orders = null));
    resultsRoot.interest(this.doc).observe(() => (this.events = null));
    observeResultInputs(this.doc, () => {
      this.snapshot = null;
      for (const l of this.listeners) l();
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ResultsSnapshot => {
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
}

const stores = new WeakMap<Doc, ResultsStore>();

function storeFor(doc: Doc): ResultsStore {
  let s = stores.get(doc);
  if (!s) stores.set(doc, (s = new ResultsStore(doc)));
  return s;
}

/** The open workspace's results (recomputed only after a change the results read). */
export function useResults(): ResultsSnapshot {
  const store = storeFor(useOpenWorkspace().doc);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * One drop's results (undefined without a brief). The same object while nothing it is computed
 * from changed, so a card re-renders only when its own numbers moved.
 */
export function useDropResults(dropId: string): DropResults | undefined {
  const store = storeFor(useOpenWorkspace().doc);
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot().results.get(dropId));
}
