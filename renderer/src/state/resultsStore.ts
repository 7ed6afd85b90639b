import { useSyncExternalStore } from 'react';
import {
  computeResults,
  observeResultInputs,
  readImports,
  readInterest,
  readOrders,
  readResultInputs,
  readResultSettings,
  type DropResultInput,
  type DropResults,
  type ImportRecord,
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

/** Recomputes the results lazily: after a relevant change, on the next read. */
class ResultsStore {
  private snapshot: ResultsSnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  private unobserve: (() => void) | null = null;

  constructor(private readonly doc: Doc) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.unobserve) {
      this.unobserve = observeResultInputs(this.doc, () => {
        this.snapshot = null;
        for (const l of this.listeners) l();
      });
    }
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) {
        this.unobserve?.();
        this.unobserve = null;
        this.snapshot = null;
      }
    };
  };

  getSnapshot = (): ResultsSnapshot => {
    if (this.snapshot) return this.snapshot;
    const doc = this.doc;
    const settings = readResultSettings(doc);
    const inputs = readResultInputs(doc, settings);
    const orders = readOrders(doc);
    const events = readInterest(doc);
    const timeZone = readMeta(doc).timezone;
    this.snapshot = {
      results: computeResults(inputs, orders, events, settings, timeZone),
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
