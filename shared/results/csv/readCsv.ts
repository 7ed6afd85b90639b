import Papa from 'papaparse';
import { hashCustomer } from '../customerHash';
import type { InterestEvent, InterestKind } from '../interest';
import type { OrderFact } from '../orders';
import { isBlankRow } from './blankRow';
import { EventRowReader, type DraftEvent } from './eventRows';
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
import { OrderRowReader, toOrderFact, type DraftOrder, type RowError } from './orderRows';

type Rec = Record<string, string | undefined>;

/**
 * A problem the CSV parser found in a row. Too few fields is fine (the missing cells read as
 * blank, as spreadsheets trim them); broken quotes or extra fields mean the row cannot be trusted.
 */
export function csvRowProblem(err: Papa.ParseError): string | null {
  if (err.code === 'TooFewFields') return null;
  if (err.code === 'UndetectableDelimiter') return null;
  if (err.code === 'MissingQuotes' || err.code === 'InvalidQuotes') {
    return 'A quoted value is not closed (a " is missing).';
  }
  if (err.code === 'TooManyFields') return 'More values than the header has columns.';
  return err.message;
}

/** What reading a whole file produced (the same result the import worker streams). */
export interface CsvReadResult<D> {
  headers: string[];
  records: D[];
  errors: RowError[];
  errorCount: number;
  testSkipped: number;
  rows: number;
}

/** Reads an order export held in memory (tests and small files; the app streams in a worker). */
export function readOrdersCsv(
  text: string,
  opts: { timeZone: string; localPostcodes: readonly string[]; mapping?: Mapping<OrderField> },
): CsvReadResult<DraftOrder> & { mapping: Mapping<OrderField>; missing: OrderField[] } {
  const parsed = Papa.parse<Rec>(text, { header: true });
  const headers = parsed.meta.fields ?? [];
  const mapping = opts.mapping ?? guessOrderMapping(headers);
  const missing = missingFields(mapping, headers, ORDER_FIELDS);
  const reader = new OrderRowReader(mapping, opts);
  const problems: RowError[] = [];
  for (const e of parsed.errors) {
    const msg = csvRowProblem(e);
    if (msg && e.row !== undefined) problems.push({ row: e.row + 2, message: msg });
  }
  if (!missing.length) parsed.data.forEach((rec, i) => reader.addRow(rec, i + 2));
  const r = reader.finish();
  const errors = [...problems, ...r.errors].sort((a, b) => a.row - b.row);
  return {
    headers,
    mapping,
    missing,
    records: r.orders,
    errors,
    errorCount: r.errorCount + problems.length,
    testSkipped: r.testSkipped,
    rows: parsed.data.filter((rec) => !isBlankRow(rec)).length,
  };
}

/** Reads an interest-events export held in memory. */
export function readEventsCsv(
  text: string,
  opts: { timeZone: string; defaultKind: InterestKind; mapping?: Mapping<EventField> },
): CsvReadResult<DraftEvent> & { mapping: Mapping<EventField>; missing: EventField[] } {
  const parsed = Papa.parse<Rec>(text, { header: true });
  const headers = parsed.meta.fields ?? [];
  const mapping = opts.mapping ?? guessEventMapping(headers);
  const missing = missingFields(mapping, headers, EVENT_FIELDS);
  const reader = new EventRowReader(mapping, opts);
  const problems: RowError[] = [];
  for (const e of parsed.errors) {
    const msg = csvRowProblem(e);
    if (msg && e.row !== undefined) problems.push({ row: e.row + 2, message: msg });
  }
  if (!missing.length) parsed.data.forEach((rec, i) => reader.addRow(rec, i + 2));
  const r = reader.finish();
  return {
    headers,
    mapping,
    missing,
    records: r.events,
    errors: [...problems, ...r.errors].sort((a, b) => a.row - b.row),
    errorCount: r.errorCount + problems.length,
    testSkipped: 0,
    rows: parsed.data.filter((rec) => !isBlankRow(rec)).length,
  };
}

async function hashAll(
  salt: string,
  emails: Iterable<string>,
): Promise<Map<string, string | null>> {
  const unique = [...new Set(emails)];
  const hashes = await Promise.all(unique.map((e) => hashCustomer(salt, e)));
  return new Map(unique.map((e, i) => [e, hashes[i] ?? null]));
}

/** Replaces each order's email by the workspace's salted hash: the email goes no further. */
export async function hashOrders(
  drafts: readonly DraftOrder[],
  salt: string,
): Promise<OrderFact[]> {
  const hashes = await hashAll(
    salt,
    drafts.map((d) => d.email),
  );
  return drafts.map((d) => toOrderFact(d, hashes.get(d.email) ?? null));
}

/** Replaces each event's email by the workspace's salted hash (events without one are dropped). */
export async function hashEvents(
  drafts: readonly DraftEvent[],
  salt: string,
): Promise<InterestEvent[]> {
  const hashes = await hashAll(
    salt,
    drafts.map((d) => d.email),
  );
  const out: InterestEvent[] = [];
  for (const d of drafts) {
    const cust = hashes.get(d.email);
    if (cust) out.push({ kind: d.kind, t: d.t, cust, sku: d.sku });
  }
  return out;
}
