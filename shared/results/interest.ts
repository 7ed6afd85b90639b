import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { transactLocal } from '../model/schema';
import {
  writeImportInSlices,
  writeImportRecord,
  type ApplyOptions,
  type ImportDiff,
  type ImportMeta,
  type ImportRecord,
} from './orders';
import { resultsRoot } from './roots';
import { readEachInSteps } from './steps';

export const INTEREST_KINDS = ['click', 'wishlist'] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];

/** One repurchase-interest signal: an email clickback or a wishlist add, by a hashed customer. */
export interface InterestEvent {
  kind: InterestKind;
  t: number;
  cust: string;
  /** The product it concerns (upper case), '' when the export names none. */
  sku: string;
}

const eventSchema = lazySchema(() =>
  z.object({
    kind: z.enum(INTEREST_KINDS),
    t: z.number().finite(),
    cust: z.string().min(1).max(64),
    sku: z.string().max(64),
  }),
);

// Keyed by the event's own content: the same event imported twice is the same key and value.
const keyOf = (e: InterestEvent) => `${e.kind}|${e.cust}|${e.t}|${e.sku}`;

// Stored values are never changed in place, so each is checked once (see readOrderFact).
const checkedEvents = new WeakMap<object, InterestEvent | null>();

function readEvent(v: unknown): InterestEvent | null {
  if (typeof v !== 'object' || v === null) return null;
  const known = checkedEvents.get(v);
  if (known !== undefined) return known;
  const r = eventSchema().safeParse(v);
  const event = r.success ? r.data : null;
  checkedEvents.set(v, event);
  return event;
}

/** Every stored interest event, checked a slice at a time (readEachInSteps). */
export function readInterestSteps(doc: Y.Doc): Generator<void, InterestEvent[]> {
  return readEachInSteps(resultsRoot.interest(doc).values(), readEvent);
}

/** Every stored interest event. */
export function readInterest(doc: Y.Doc): InterestEvent[] {
  const out: InterestEvent[] = [];
  resultsRoot.interest(doc).forEach((v) => {
    const e = readEvent(v);
    if (e) out.push(e);
  });
  return out;
}

/** Counts how many of `events` are new to the document. */
export function diffInterest(doc: Y.Doc, events: readonly InterestEvent[]): InterestDiff {
  const map = resultsRoot.interest(doc);
  const distinct = new Set(events.map(keyOf));
  let added = 0;
  for (const k of distinct) if (!map.has(k)) added++;
  return {
    added,
    changed: 0,
    unchanged: distinct.size - added,
    repeated: events.length - distinct.size,
  };
}

/** What importing events would do; `repeated`: the same event again in the same file. */
export interface InterestDiff extends ImportDiff {
  repeated: number;
}

// Writes events not yet known (inside the caller's transaction), counting what each did.
function writeEvents(
  map: Y.Map<unknown>,
  events: readonly InterestEvent[],
  diff: ImportDiff,
): void {
  for (const e of events) {
    const k = keyOf(e);
    if (map.has(k)) diff.unchanged++;
    else {
      map.set(k, { kind: e.kind, t: e.t, cust: e.cust, sku: e.sku });
      diff.added++;
    }
  }
}

/** Applies imported interest events in one undoable step; known events are not rewritten. */
export function applyInterestImport(
  doc: Y.Doc,
  events: readonly InterestEvent[],
  meta: ImportMeta,
  now = Date.now(),
): ImportRecord {
  const clean = events.map((e) => eventSchema().parse(e));
  return transactLocal(doc, () => {
    const diff = { added: 0, changed: 0, unchanged: 0 };
    writeEvents(resultsRoot.interest(doc), clean, diff);
    return writeImportRecord(doc, 'events', meta, clean.length, diff, now);
  });
}

/**
 * `applyInterestImport` a slice of events per transaction with a pause between, like
 * `applyOrderPlanInSlices` (the import record with the last slice; one undo step inside
 * `asOwnUndoStepAcross`). Every event is checked before the first is written.
 */
export async function applyInterestImportInSlices(
  doc: Y.Doc,
  events: readonly InterestEvent[],
  meta: ImportMeta,
  opts: ApplyOptions = {},
  now = Date.now(),
): Promise<ImportRecord> {
  const clean = events.map((e) => eventSchema().parse(e));
  const map = resultsRoot.interest(doc);
  return writeImportInSlices(
    doc,
    clean,
    { ...opts, slice: opts.slice ?? 5000 },
    (part, diff) => writeEvents(map, part, diff),
    (diff) => writeImportRecord(doc, 'events', meta, clean.length, diff, now),
  );
}
