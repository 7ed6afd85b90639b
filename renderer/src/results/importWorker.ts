/// <reference lib="webworker" />
// Reads an order or events export off the main thread: papaparse streams the file in chunks,
// the shared row readers build the facts, and customers are hashed here, so no email ever
// reaches the window or the document.
import Papa from 'papaparse';
import {
  csvRowProblem,
  EVENT_FIELDS,
  EventRowReader,
  guessEventMapping,
  guessOrderMapping,
  hashEvents,
  hashOrders,
  missingFields,
  ORDER_FIELDS,
  OrderRowReader,
  type EventField,
  type OrderField,
  type Mapping,
  type RowError,
} from '../../../shared/results';
import type { WorkerRequest, WorkerReply } from './importProtocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: WorkerReply) => self.postMessage(m);

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  let reader: OrderRowReader | EventRowReader | null = null;
  let row = 2;
  let lastProgress = 0;
  const problems: RowError[] = [];
  let headers: string[] = [];
  let used: Mapping<string> = {};
  let stopped = false;
  Papa.parse<Record<string, string | undefined>>(req.file, {
    header: true,
    chunkSize: 512 * 1024,
    chunk(results, parser) {
      if (!reader) {
        headers = results.meta.fields ?? [];
        const mapping =
          req.mapping ??
          (req.kind === 'orders' ? guessOrderMapping(headers) : guessEventMapping(headers));
        const missing: string[] =
          req.kind === 'orders'
            ? missingFields(mapping, headers, ORDER_FIELDS)
            : missingFields(mapping as Mapping<EventField>, headers, EVENT_FIELDS);
        used = mapping;
        post({ type: 'headers', headers, mapping, missing });
        if (missing.length) {
          stopped = true;
          parser.abort();
          return;
        }
        reader =
          req.kind === 'orders'
            ? new OrderRowReader(mapping as Mapping<OrderField>, {
                timeZone: req.timeZone,
                localPostcodes: req.localPostcodes,
              })
            : new EventRowReader(mapping, { timeZone: req.timeZone, defaultKind: req.defaultKind });
      }
      for (const err of results.errors) {
        const msg = csvRowProblem(err);
        if (msg && err.row !== undefined && problems.length < 500) {
          problems.push({ row: row + err.row, message: msg });
        }
      }
      for (const rec of results.data) reader.addRow(rec, row++);
      const fraction = Math.min(1, results.meta.cursor / Math.max(1, req.file.size));
      if (fraction - lastProgress >= 0.01) {
        lastProgress = fraction;
        post({ type: 'progress', fraction });
      }
    },
    async complete() {
      if (stopped || !reader) {
        if (!stopped) post({ type: 'headers', headers, mapping: {}, missing: ['(empty file)'] });
        return;
      }
      try {
        post({ type: 'progress', fraction: 1 });
        if (reader instanceof OrderRowReader) {
          const r = reader.finish();
          const errors = [...problems, ...r.errors].sort((a, b) => a.row - b.row);
          const facts = errors.length ? [] : await hashOrders(r.orders, req.salt);
          post({
            type: 'done',
            kind: 'orders',
            orders: facts,
            events: [],
            errors: errors.slice(0, 500),
            errorCount: r.errorCount + problems.length,
            testSkipped: r.testSkipped,
            rows: r.rows,
            headers,
            mapping: used,
          });
        } else {
          const r = reader.finish();
          const errors = [...problems, ...r.errors].sort((a, b) => a.row - b.row);
          const events = errors.length ? [] : await hashEvents(r.events, req.salt);
          post({
            type: 'done',
            kind: 'events',
            orders: [],
            events,
            errors: errors.slice(0, 500),
            errorCount: r.errorCount + problems.length,
            testSkipped: 0,
            rows: r.rows,
            headers,
            mapping: used,
          });
        }
      } catch (err) {
        post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    },
    error(err) {
      post({ type: 'error', message: `The file could not be read (${err.message}).` });
    },
  });
};
