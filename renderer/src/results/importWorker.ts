/// <reference lib="webworker" />
// Reads an order or events export off the main thread: the file is decoded whole, papaparse
// hands its rows over in chunks as arrays of cells, the shared row feed and row readers build the facts, and
// customers are hashed here, so no email (or a shop's customer id) ever reaches the window or the
// document.
import Papa from 'papaparse';
import {
  CsvRowFeed,
  CustomerHashes,
  decodeExportBytes,
  exportDelimiter,
  EVENT_FIELDS,
  EventRowReader,
  guessEventMapping,
  guessOrderMapping,
  hashEvents,
  hashOrders,
  missingFields,
  ORDER_FIELDS,
  OrderRowReader,
  RowProblems,
  type EventField,
  type OrderField,
  type Mapping,
} from '../../../shared/results';
import { RECORD_BATCH, type WorkerRequest, type WorkerReply } from './importProtocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: WorkerReply) => self.postMessage(m);

// The records go to the window in batches: each arrives as its own short task there, where
// one message of 25,000 orders would be one long one.
function postInBatches<T>(records: readonly T[], wrap: (batch: T[]) => WorkerReply): void {
  for (let i = 0; i < records.length; i += RECORD_BATCH) {
    post(wrap(records.slice(i, i + RECORD_BATCH)));
  }
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  let text: string;
  try {
    text = decodeExportBytes(new Uint8Array(await req.file.arrayBuffer()));
  } catch (err) {
    post({
      type: 'error',
      message: `The file could not be read (${err instanceof Error ? err.message : String(err)}).`,
    });
    return;
  }
  let reader: OrderRowReader | EventRowReader | null = null;
  let used: Mapping<string> = {};
  let lastProgress = 0;
  // Customers are hashed as they are met, while the rest of the file is read.
  const hashes = new CustomerHashes(req.salt);
  let emailAt = -1;
  // A shop's id for a customer, where a row has no email (Square's Customer ID).
  let customerIdAt = -1;
  let rowsSeen = 0;
  const feed = new CsvRowFeed((headers) => {
    const mapping =
      req.mapping ??
      (req.kind === 'orders' ? guessOrderMapping(headers) : guessEventMapping(headers));
    const missing: string[] =
      req.kind === 'orders'
        ? missingFields(mapping, headers, ORDER_FIELDS)
        : missingFields(mapping as Mapping<EventField>, headers, EVENT_FIELDS);
    used = mapping;
    emailAt = mapping.email ? headers.indexOf(mapping.email) : -1;
    const customerId = req.kind === 'orders' ? (mapping as Mapping<OrderField>).customerId : '';
    customerIdAt = customerId ? headers.indexOf(customerId) : -1;
    post({ type: 'headers', headers, mapping, missing });
    if (missing.length) return null;
    reader =
      req.kind === 'orders'
        ? new OrderRowReader(mapping as Mapping<OrderField>, headers, {
            timeZone: req.timeZone,
            localPostcodes: req.localPostcodes,
            dateOrder: req.dateOrder,
          })
        : new EventRowReader(mapping as Mapping<EventField>, headers, {
            timeZone: req.timeZone,
            defaultKind: req.defaultKind,
            dateOrder: req.dateOrder,
          });
    return reader;
  });
  let stopped = false;
  // The decoded text in chunks of a million characters (see decodeExportBytes).
  Papa.parse<string[]>(text, {
    delimiter: exportDelimiter(text),
    chunkSize: 1024 * 1024,
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      if (!feed.add(results.data, results.errors)) {
        stopped = true;
        parser.abort();
        return;
      }
      if (emailAt >= 0 || customerIdAt >= 0) {
        // The first row of the file is its header row.
        for (let i = rowsSeen ? 0 : 1; i < results.data.length; i++) {
          const cells = results.data[i]!;
          const customer = cells[emailAt]?.trim() || cells[customerIdAt];
          if (customer) void hashes.hash(customer);
        }
      }
      rowsSeen += results.data.length;
      const fraction = Math.min(1, results.meta.cursor / Math.max(1, text.length));
      if (fraction - lastProgress >= 0.01) {
        lastProgress = fraction;
        post({ type: 'progress', fraction });
      }
    },
    async complete() {
      if (stopped) return;
      if (!reader) {
        post({
          type: 'headers',
          headers: feed.headers ?? [],
          mapping: {},
          missing: ['(empty file)'],
        });
        return;
      }
      try {
        post({ type: 'progress', fraction: 1 });
        const done = {
          type: 'done' as const,
          orders: [],
          events: [],
          testSkipped: 0,
          skipped: null,
          rows: feed.rows,
          headers: feed.headers ?? [],
          mapping: used,
        };
        if (reader instanceof OrderRowReader) {
          const r = reader.finish();
          const report = RowProblems.report(feed.problems, r.problems);
          if (!report.errorCount) {
            const facts = await hashOrders(r.orders, hashes);
            postInBatches(facts, (orders) => ({ type: 'records', orders, events: [] }));
          }
          post({
            ...done,
            kind: 'orders',
            ...report,
            testSkipped: r.testSkipped,
            dates: r.dates,
          });
        } else {
          const r = reader.finish();
          const report = RowProblems.report(feed.problems, r.problems);
          if (!report.errorCount) {
            const events = await hashEvents(r.events, hashes);
            postInBatches(events, (batch) => ({ type: 'records', orders: [], events: batch }));
          }
          post({
            ...done,
            kind: 'events',
            skipped: r.skipped,
            ...report,
            dates: r.dates,
          });
        }
      } catch (err) {
        post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    },
  });
};
