import Papa from 'papaparse';
import { CustomerHashes } from '../customerHash';
import type { InterestEvent, InterestKind } from '../interest';
import type { OrderFact } from '../orders';
import { exportDelimiter } from './delimiter';
import { CsvRowFeed, type RowSink } from './rowFeed';
import { EventRowReader, type DraftEvent, type SkippedEvents } from './eventRows';
import {
  EVENT_FIELDS,
  guessEventMapping,
  guessOrderMapping,
  missingFields,
  ORDER_FIELDS,
  type EventField,
  type Mapping,
  type OrderField,
} from './fields';
import { RowProblems } from './rowProblems';
import type { SlashDates } from './fileTimes';
import type { DateOrder } from './slashDates';
import { OrderRowReader, toOrderFact, type DraftOrder, type RowError } from './orderRows';

/** What reading a whole file produced (the same result the import worker streams). */
export interface CsvReadResult<D> {
  headers: string[];
  records: D[];
  errors: RowError[];
  /** Every problem, listed or not. */
  errorCount: number;
  /** The rows with a problem (a row can have several). */
  errorRows: number;
  testSkipped: number;
  /** Rows of an events export that were not counted (see SkippedEvents). */
  skipped: SkippedEvents | null;
  rows: number;
  /** How its dates with slashes were read (null: it has none). */
  dates: SlashDates | null;
}

interface Finished<D> {
  problems: RowProblems;
  testSkipped?: number;
  skipped?: SkippedEvents;
  dates: SlashDates | null;
  records: D[];
}

// Reads text held in memory through the same row feed the import worker streams through.
function readWith<D>(
  text: string,
  start: (headers: string[]) => { sink: RowSink; finish: () => Finished<D> } | null,
): CsvReadResult<D> {
  const parsed = Papa.parse<string[]>(text, { delimiter: exportDelimiter(text) });
  let reader: { sink: RowSink; finish: () => Finished<D> } | null = null;
  const feed = new CsvRowFeed((headers) => {
    reader = start(headers);
    return reader?.sink ?? null;
  });
  feed.add(parsed.data, parsed.errors);
  if (!feed.headers) start([]);
  const r = (reader as { finish: () => Finished<D> } | null)?.finish();
  return {
    headers: feed.headers ?? [],
    records: r?.records ?? [],
    ...RowProblems.report(feed.problems, ...(r ? [r.problems] : [])),
    testSkipped: r?.testSkipped ?? 0,
    skipped: r?.skipped ?? null,
    rows: feed.rows,
    dates: r?.dates ?? null,
  };
}

/** Reads an order export held in memory (tests and small files; the app streams in a worker). */
export function readOrdersCsv(
  text: string,
  opts: {
    timeZone: string;
    localPostcodes: readonly string[];
    mapping?: Mapping<OrderField>;
    dateOrder?: DateOrder | null;
  },
): CsvReadResult<DraftOrder> & { mapping: Mapping<OrderField>; missing: OrderField[] } {
  let mapping: Mapping<OrderField> = opts.mapping ?? {};
  let missing: OrderField[] = [];
  const r = readWith<DraftOrder>(text, (headers) => {
    mapping = opts.mapping ?? guessOrderMapping(headers);
    missing = missingFields(mapping, headers, ORDER_FIELDS);
    if (missing.length) return null;
    const reader = new OrderRowReader(mapping, headers, opts);
    return {
      sink: reader,
      finish: () => {
        const f = reader.finish();
        return { ...f, records: f.orders };
      },
    };
  });
  return { ...r, mapping, missing };
}

/** Reads an interest-events export held in memory. */
export function readEventsCsv(
  text: string,
  opts: {
    timeZone: string;
    defaultKind: InterestKind;
    mapping?: Mapping<EventField>;
    dateOrder?: DateOrder | null;
  },
): CsvReadResult<DraftEvent> & { mapping: Mapping<EventField>; missing: EventField[] } {
  let mapping: Mapping<EventField> = opts.mapping ?? {};
  let missing: EventField[] = [];
  const r = readWith<DraftEvent>(text, (headers) => {
    mapping = opts.mapping ?? guessEventMapping(headers);
    missing = missingFields(mapping, headers, EVENT_FIELDS);
    if (missing.length) return null;
    const reader = new EventRowReader(mapping, headers, opts);
    return {
      sink: reader,
      finish: () => {
        const f = reader.finish();
        return { ...f, records: f.events };
      },
    };
  });
  return { ...r, mapping, missing };
}

// The salt, or hashes already started while the file was read (the import worker's).
const hashesOf = (salt: string | CustomerHashes) =>
  typeof salt === 'string' ? new CustomerHashes(salt) : salt;

/**
 * Replaces each order's customer (their email, or the shop's id for them) by the workspace's
 * salted hash: neither goes further.
 */
export async function hashOrders(
  drafts: readonly DraftOrder[],
  salt: string | CustomerHashes,
): Promise<OrderFact[]> {
  const hashes = await hashesOf(salt).of(drafts.map((d) => d.customer));
  return drafts.map((d) => toOrderFact(d, hashes.get(d.customer) ?? null));
}

/** Replaces each event's email by the workspace's salted hash (events without one are dropped). */
export async function hashEvents(
  drafts: readonly DraftEvent[],
  salt: string | CustomerHashes,
): Promise<InterestEvent[]> {
  const hashes = await hashesOf(salt).of(drafts.map((d) => d.email));
  const out: InterestEvent[] = [];
  for (const d of drafts) {
    const cust = hashes.get(d.email);
    if (cust) out.push({ kind: d.kind, t: d.t, cust, sku: d.sku });
  }
  return out;
}
