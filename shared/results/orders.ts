import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { printableLine } from '../model/printable';
import { randomId } from '../model/ids';
import { transactLocal } from '../model/schema';
import { recorder, recorderFields, type Recorder } from './recorder';
import { resultsRoot } from './roots';
import { readEachInSteps } from './steps';
import { writeDateOrder, writeMapping, type Mapping } from './csv/fields';
import type { DateOrder } from './csv/slashDates';

export const FINANCIAL_STATUSES = [
  'pending',
  'authorized',
  'paid',
  'partially_paid',
  'partially_refunded',
  'refunded',
  'voided',
] as const;
export type FinancialStatus = (typeof FINANCIAL_STATUSES)[number];

/** One product line: SKU (upper case), units, and the line's amount after its own discount. */
export type OrderLine = [sku: string, qty: number, amount: number];

/**
 * What the document keeps of one shop order: only what the metrics need. No email, name,
 * address or phone: the customer is a per-workspace salted hash, the address is a local flag.
 */
export interface OrderFact {
  /** The shop's order id (Shopify's `Name`, e.g. "#1001"). */
  id: string;
  /** When the order was placed (ms since the epoch). */
  t: number;
  /** The offset the shop wrote with the time, in minutes east of UTC (for display). */
  off: number;
  status: FinancialStatus;
  cancelled: boolean;
  /** Subtotal after discounts, before shipping and tax. */
  sub: number;
  refunded: number;
  cur: string;
  lines: OrderLine[];
  /** Discount codes used, upper case, in the order written. */
  codes: string[];
  /** Tracking-link traces (normalised URLs and ref/utm values) found on the order. */
  links: string[];
  /** Sales channel as the shop names it ("web", "pos", …), lower case. */
  src: string;
  /** POS location for in-person sales, '' otherwise. */
  loc: string;
  /** Shipped to one of the workspace's local postcodes. */
  local: boolean;
  /** Salted hash of the customer, or null when the shop had none. */
  cust: string | null;
}

const money = lazySchema(() => z.number().finite().min(-1e9).max(1e9));
const factSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1).max(64),
    t: z.number().finite(),
    off: z
      .number()
      .int()
      .min(-24 * 60)
      .max(24 * 60),
    status: z.enum(FINANCIAL_STATUSES),
    cancelled: z.boolean(),
    sub: money(),
    refunded: money(),
    cur: z.string().max(8),
    lines: z.array(z.tuple([z.string().max(64), z.number().finite(), money()])).max(1000),
    codes: z.array(z.string().max(64)).max(20),
    links: z.array(z.string().max(300)).max(20),
    src: z.string().max(40),
    loc: z.string().max(120),
    local: z.boolean(),
    cust: z.string().max(64).nullable(),
  }),
);

// Stored values are never changed in place (a change stores a new value), so a value checked
// once stays valid: the results recompute after every change without re-checking 25,000 orders.
const checkedFacts = new WeakMap<object, OrderFact | null>();

/** Reads a stored order fact leniently: a malformed one (from a buggy peer) is skipped. */
export function readOrderFact(v: unknown): OrderFact | null {
  if (typeof v !== 'object' || v === null) return null;
  const known = checkedFacts.get(v);
  if (known !== undefined) return known;
  const r = factSchema().safeParse(v);
  const fact = r.success ? (r.data as OrderFact) : null;
  checkedFacts.set(v, fact);
  return fact;
}

/** Every stored order fact, checked a slice at a time (readEachInSteps). */
export function readOrdersSteps(doc: Y.Doc): Generator<void, OrderFact[]> {
  return readEachInSteps(resultsRoot.orders(doc).values(), readOrderFact);
}

/** Every stored order fact. */
export function readOrders(doc: Y.Doc): OrderFact[] {
  const out: OrderFact[] = [];
  resultsRoot.orders(doc).forEach((v) => {
    const f = readOrderFact(v);
    if (f) out.push(f);
  });
  return out;
}

/** The fact with its keys in one fixed order (so equal facts stringify equally). */
export function canonicalFact(f: OrderFact): OrderFact {
  return {
    id: f.id,
    t: f.t,
    off: f.off,
    status: f.status,
    cancelled: f.cancelled,
    sub: f.sub,
    refunded: f.refunded,
    cur: f.cur,
    lines: f.lines.map(([s, q, a]) => [s, q, a] as OrderLine),
    codes: [...f.codes],
    links: [...f.links],
    src: f.src,
    loc: f.loc,
    local: f.local,
    cust: f.cust,
  };
}

const STATUS_RANK: Record<FinancialStatus, number> = {
  pending: 0,
  authorized: 1,
  partially_paid: 2,
  paid: 3,
  partially_refunded: 4,
  refunded: 5,
  voided: 6,
};

// How far an order has come: cancellation, then payment status, then refunds only ever move
// forward, so an older export imported after a newer one never undoes a refund.
function progress(f: OrderFact): [number, number, number] {
  return [f.cancelled ? 1 : 0, STATUS_RANK[f.status], f.refunded];
}

/** Of two versions of one order, the one the shop wrote later (the incoming one on a tie). */
export function laterFact(existing: OrderFact | null, incoming: OrderFact): OrderFact {
  if (!existing) return incoming;
  const a = progress(existing);
  const b = progress(incoming);
  for (let i = 0; i < 3; i++) {
    if (a[i]! > b[i]!) return existing;
    if (a[i]! < b[i]!) return incoming;
  }
  return incoming;
}

/** A small record of one import: who, when, what file, and what it changed. */
export interface ImportRecord extends Recorder {
  id: string;
  kind: 'orders' | 'events';
  file: string;
  at: number;
  rows: number;
  records: number;
  added: number;
  changed: number;
  unchanged: number;
  testSkipped: number;
}

const importSchema = lazySchema(() =>
  z.object({
    kind: z.enum(['orders', 'events']),
    file: z.string().max(200),
    ...recorderFields(),
    at: z.number(),
    rows: z.number(),
    records: z.number(),
    added: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    testSkipped: z.number(),
  }),
);

/** Every import record, newest first. */
export function readImports(doc: Y.Doc): ImportRecord[] {
  const out: ImportRecord[] = [];
  resultsRoot.imports(doc).forEach((v, id) => {
    const r = importSchema().safeParse(v);
    // The file's name as one plain line, however an older Cadence or a teammate recorded it.
    if (r.success) out.push({ ...r.data, file: printableLine(r.data.file), id });
  });
  return out.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
}

/** An import as its person makes it: which file, who (`Recorder`), and what the file held. */
export interface ImportMeta extends Recorder {
  file: string;
  rows: number;
  testSkipped: number;
  /**
   * The columns the file was read with, and the order of its dates with slashes, remembered for
   * files with the same header row in the same step as the import (so the next export of that
   * shop is read the same way). Each only when it is new.
   */
  columns?: { headers: string[]; mapping?: Mapping<string>; dates?: DateOrder };
}

/** What an import would change (the preview) or changed. */
export interface ImportDiff {
  added: number;
  changed: number;
  unchanged: number;
}

/** One incoming order compared with the document. */
interface PlanEntry {
  /** The value to store: the later of the stored and the incoming order, canonical. */
  next: OrderFact;
  /** The stored value it was compared with (undefined: none), to notice a change since. */
  seen: unknown;
  write: boolean;
}

/**
 * An order import checked and compared with the document, ready to be written in one step by
 * `applyOrderPlan`. Planning writes nothing; it can be done in slices (`planOrderImport`).
 */
export interface OrderImportPlan {
  entries: Map<string, PlanEntry>;
  diff: ImportDiff;
  /** How many orders the file held. */
  records: number;
}

// Compares one order with what the document holds, or with an earlier row for the same id.
function planOne(orders: Y.Map<unknown>, plan: OrderImportPlan, incoming: OrderFact): void {
  const r = factSchema().safeParse(incoming);
  if (!r.success) {
    throw new Error(`Order ${incoming.id}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  }
  const f = r.data as OrderFact;
  plan.records++;
  const before = plan.entries.get(f.id);
  if (before) {
    // The same order twice in one file: keep the later version, count it once.
    before.next = canonicalFact(laterFact(before.next, f));
    return;
  }
  const seen = orders.get(f.id);
  const existing = readOrderFact(seen);
  const next = canonicalFact(laterFact(existing, f));
  plan.entries.set(f.id, { next, seen, write: !existing || !sameFact(existing, next) });
}

const sameFact = (a: OrderFact, b: OrderFact) =>
  JSON.stringify(canonicalFact(a)) === JSON.stringify(canonicalFact(b));

function countPlan(plan: OrderImportPlan): void {
  const diff = { added: 0, changed: 0, unchanged: 0 };
  for (const e of plan.entries.values()) {
    if (!e.write) diff.unchanged++;
    else if (e.seen === undefined || !readOrderFact(e.seen)) diff.added++;
    else diff.changed++;
  }
  plan.diff = diff;
}

const emptyPlan = (): OrderImportPlan => ({
  entries: new Map(),
  diff: { added: 0, changed: 0, unchanged: 0 },
  records: 0,
});

/** Options for planning in slices, so a large import never holds the window for long. */
export interface PlanOptions {
  /** Orders compared between two pauses. */
  slice?: number;
  /** Awaited between slices (the window handles input and paints meanwhile). */
  pause?: () => Promise<void>;
  /** Cancels planning (it rejects with the signal's reason); nothing was written. */
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Checks every imported order and compares it with the document, a slice at a time with a
 * pause between slices. Writes nothing: `applyOrderPlan` writes the result in one step.
 * Throws on an invalid order.
 */
export async function planOrderImport(
  doc: Y.Doc,
  facts: readonly OrderFact[],
  opts: PlanOptions = {},
): Promise<OrderImportPlan> {
  const orders = resultsRoot.orders(doc);
  const plan = emptyPlan();
  const slice = opts.slice ?? 1000;
  for (let i = 0; i < facts.length; i += slice) {
    opts.signal?.throwIfAborted();
    const end = Math.min(facts.length, i + slice);
    for (let j = i; j < end; j++) planOne(orders, plan, facts[j]!);
    opts.onProgress?.(end / facts.length);
    if (end < facts.length && opts.pause) await opts.pause();
  }
  opts.signal?.throwIfAborted();
  countPlan(plan);
  return plan;
}

/** Counts what applying `facts` would add or change, without writing. */
export function diffOrders(doc: Y.Doc, facts: readonly OrderFact[]): ImportDiff {
  const orders = resultsRoot.orders(doc);
  const plan = emptyPlan();
  for (const f of facts) planOne(orders, plan, f);
  countPlan(plan);
  return plan.diff;
}

// Writes planned entries (inside the caller's transaction), counting what each did. An order
// someone changed since the plan (a teammate's import that arrived meanwhile) is compared again.
function writeEntries(
  orders: Y.Map<unknown>,
  entries: Iterable<readonly [string, PlanEntry]>,
  diff: ImportDiff,
): void {
  for (const [id, e] of entries) {
    const current = orders.get(id);
    let { next, write } = e;
    if (current !== e.seen) {
      const existing = readOrderFact(current);
      next = canonicalFact(laterFact(existing, next));
      write = !existing || !sameFact(existing, next);
    }
    const existed = current !== undefined && readOrderFact(current) !== null;
    if (!write) {
      diff.unchanged++;
      continue;
    }
    if (existed) diff.changed++;
    else diff.added++;
    orders.set(id, next);
    // Checked when planned: reading it back need not check it again.
    checkedFacts.set(next, next);
  }
}

/**
 * Writes a planned order import in one undoable step, with its import record: only orders that
 * are new or changed are written, so re-importing the same or an overlapping export adds only
 * the record. An order someone changed since the plan (a teammate's import that arrived
 * meanwhile) is compared again here. Keyed by the shop's order id, two people importing
 * overlapping exports offline write the same keys and end with the same totals.
 */
export function applyOrderPlan(
  doc: Y.Doc,
  plan: OrderImportPlan,
  meta: ImportMeta,
  now = Date.now(),
): ImportRecord {
  return transactLocal(doc, () => {
    const diff = { added: 0, changed: 0, unchanged: 0 };
    writeEntries(resultsRoot.orders(doc), plan.entries, diff);
    return writeImportRecord(doc, 'orders', meta, plan.records, diff, now);
  });
}

/** Options for writing a planned import in slices. */
export interface ApplyOptions {
  /** Orders written per transaction. */
  slice?: number;
  /** Awaited between slices (the window paints its progress and answers input meanwhile). */
  pause?: () => Promise<void>;
  onProgress?: (fraction: number) => void;
  /**
   * Checked before each slice after the first: once aborted, no further slice is written and
   * the write rejects with `ImportCancelledError` (the import record, in the last slice, is
   * never written). What the slices before wrote stays until the caller takes it back
   * (`asOwnUndoStepAcross` with `takeBackOnFailure`).
   */
  signal?: AbortSignal;
}

/** An import stopped between slices because the person cancelled it. */
export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportCancelledError';
  }
}

/**
 * `applyOrderPlan` a slice of orders per transaction, with a pause between slices: encoding,
 * storing and sending 25,000 orders is then many short tasks instead of one that holds the
 * window for a second. The import record is written with the last slice, so an import is
 * listed only once all of it is in. `opts.signal` stops it between slices (Cancel); run it
 * inside `asOwnUndoStepAcross` with `takeBackOnFailure` for one undo step that a cancelled or
 * failed write takes back whole. A write cut short by the window closing stays; importing the
 * file again then writes only what is missing. Teammates receive the slices as separate
 * changes.
 */
export async function applyOrderPlanInSlices(
  doc: Y.Doc,
  plan: OrderImportPlan,
  meta: ImportMeta,
  opts: ApplyOptions = {},
  now = Date.now(),
): Promise<ImportRecord> {
  const orders = resultsRoot.orders(doc);
  return writeImportInSlices(
    doc,
    [...plan.entries],
    { ...opts, slice: opts.slice ?? 1000 },
    (part, diff) => writeEntries(orders, part, diff),
    (diff) => writeImportRecord(doc, 'orders', meta, plan.records, diff, now),
  );
}

/**
 * Writes `items` a slice per transaction (`write`), with `opts.pause` between slices, and the
 * import record (`record`) in the last slice's transaction. Shared by the order and event
 * imports.
 */
export async function writeImportInSlices<T>(
  doc: Y.Doc,
  items: readonly T[],
  opts: ApplyOptions & { slice: number },
  write: (part: readonly T[], diff: ImportDiff) => void,
  record: (diff: ImportDiff) => ImportRecord,
): Promise<ImportRecord> {
  const slice = Math.max(1, opts.slice);
  const diff = { added: 0, changed: 0, unchanged: 0 };
  for (let i = 0; ; i += slice) {
    const part = items.slice(i, i + slice);
    const last = i + slice >= items.length;
    const rec = transactLocal(doc, () => {
      write(part, diff);
      return last ? record(diff) : null;
    });
    opts.onProgress?.(Math.min(1, (i + part.length) / Math.max(1, items.length)));
    if (rec) return rec;
    if (opts.pause) await opts.pause();
    if (opts.signal?.aborted) throw new ImportCancelledError();
  }
}

/** Applies imported orders in one undoable step (`planOrderImport` + `applyOrderPlan` at once). */
export function applyOrderImport(
  doc: Y.Doc,
  facts: readonly OrderFact[],
  meta: ImportMeta,
  now = Date.now(),
): ImportRecord {
  const orders = resultsRoot.orders(doc);
  const plan = emptyPlan();
  for (const f of facts) planOne(orders, plan, f);
  return applyOrderPlan(doc, plan, meta, now);
}

/** Writes the import record (inside the caller's transaction). */
export function writeImportRecord(
  doc: Y.Doc,
  kind: ImportRecord['kind'],
  meta: ImportMeta,
  records: number,
  diff: ImportDiff,
  now: number,
): ImportRecord {
  const id = `i_${randomId(10)}`;
  const rec = {
    kind,
    file: printableLine(meta.file, 200),
    ...recorder(meta),
    at: now,
    rows: meta.rows,
    records,
    ...diff,
    testSkipped: meta.testSkipped,
  };
  resultsRoot.imports(doc).set(id, rec);
  const { headers, mapping, dates } = meta.columns ?? {};
  if (headers && mapping) writeMapping(doc, kind, headers, mapping);
  if (headers && dates) writeDateOrder(doc, kind, headers, dates);
  return { id, ...rec };
}

/** Removes every imported order and interest event (one undoable step). */
export function clearImportedResults(doc: Y.Doc): void {
  transactLocal(doc, () => {
    for (const map of [resultsRoot.orders(doc), resultsRoot.interest(doc)]) {
      for (const k of [...map.keys()]) map.delete(k);
    }
  });
}
