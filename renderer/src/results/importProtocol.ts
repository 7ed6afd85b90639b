import type {
  DateOrder,
  InterestEvent,
  InterestKind,
  Mapping,
  OrderFact,
  RowError,
  SkippedEvents,
  SlashDates,
} from '../../../shared/results';

/** What the window asks the import worker to read. */
export interface WorkerRequest {
  kind: 'orders' | 'events';
  file: File;
  mapping: Mapping<string> | null;
  /** How dates with slashes are read when no value in the file tells. */
  dateOrder: DateOrder;
  timeZone: string;
  localPostcodes: string[];
  defaultKind: InterestKind;
  salt: string;
}

/** How many orders or events one message from the worker carries. */
export const RECORD_BATCH = 2000;

export type WorkerReply =
  | { type: 'headers'; headers: string[]; mapping: Mapping<string>; missing: string[] }
  | { type: 'progress'; fraction: number }
  /** The next batch of what the file holds, sent before 'done'. */
  | { type: 'records'; orders: OrderFact[]; events: InterestEvent[] }
  | {
      type: 'done';
      kind: 'orders' | 'events';
      /** Empty from the worker (the records came in batches); every record once read. */
      orders: OrderFact[];
      events: InterestEvent[];
      errors: RowError[];
      /** Every problem, listed or not. */
      errorCount: number;
      /** The rows with a problem (a row can have several). */
      errorRows: number;
      testSkipped: number;
      /** Events rows not counted: other kinds of event, no email. */
      skipped: SkippedEvents | null;
      rows: number;
      /** The file's header row and the columns it was read with. */
      headers: string[];
      mapping: Mapping<string>;
      /** How its dates with slashes were read (null: it has none). */
      dates: SlashDates | null;
    }
  | { type: 'error'; message: string };

/** The outcome of reading a file. */
export type ReadOutcome =
  | { type: 'needs-mapping'; headers: string[]; mapping: Mapping<string>; missing: string[] }
  | Extract<WorkerReply, { type: 'done' }>
  | { type: 'error'; message: string }
  | { type: 'cancelled' };

/**
 * Reads a file in the import worker. `onProgress` gets 0..1; `signal` cancels (the worker is
 * stopped at once). Resolves with what the file holds, or why it could not be read.
 */
export function readInWorker(
  req: WorkerRequest,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
    const orders: OrderFact[] = [];
    const events: InterestEvent[] = [];
    const finish = (o: ReadOutcome) => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
      resolve(o);
    };
    const onAbort = () => finish({ type: 'cancelled' });
    signal.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'headers') {
        if (m.missing.length) {
          finish({
            type: 'needs-mapping',
            headers: m.headers,
            mapping: m.mapping,
            missing: m.missing,
          });
        }
      } else if (m.type === 'progress') onProgress(m.fraction);
      else if (m.type === 'records') {
        for (const o of m.orders) orders.push(o);
        for (const v of m.events) events.push(v);
      } else if (m.type === 'done') finish({ ...m, orders, events });
      else finish({ type: 'error', message: m.message });
    };
    worker.onerror = (e) => finish({ type: 'error', message: e.message || 'The import stopped.' });
    worker.postMessage(req);
  });
}
