import * as Y from 'yjs';
import { readBoard } from '../model/board';
import {
  ATTRIBUTE_CEILING,
  BRIEF_TEXT_CEILING,
  fieldCeiling,
  IMAGE_DATA_URL,
  IMAGE_SRC_CEILING,
  LARGEST_VALUE_BYTES,
} from '../model/limits';
import { dropOfBriefBody, SCHEMA_VERSION } from '../model/schema';
import { isSchemaMark, readMeta, SCHEMA_MARK } from '../model/workspace';
import { RESULTS_VALUE_MAPS } from '../results/roots';
import {
  contentKind,
  readStructsFast,
  readStructsWithYjs,
  ValueTooLarge,
  type ContentKind,
  type StructView,
} from './updateStructs';

/**
 * Remote updates are untrusted: a buggy or hostile peer holding the room password can send
 * bytes that do not decode, that write to parts of the document Cadence does not have, or that
 * point at structures that crash Yjs half-way through integrating them (leaving a partly
 * changed document).
 *
 * Cost model. Cloning the whole document for every incoming keystroke would make each remote
 * edit O(document) (tens of ms at 5,000 drops). Instead every update gets structural checks
 * that cost O(update):
 *   1. it decodes completely; Yjs decodes all structs before integrating any, so a decodable
 *      update cannot fail while being read. The common shapes are read in one pass without
 *      building Yjs objects (`readStructsFast`, the same reads as Yjs' v1 decoder); anything
 *      else goes through `Y.decodeUpdate` (see updateStructs.ts);
 *   2. every struct it adds lands in a known top-level type (`meta`, `stages`, `drops`,
 *      `creators`, `briefs`, `brief:<id>`), and the records of the record maps are Y.Maps;
 *   3. every reference (origin, right origin, parent) points backwards within its author's
 *      clock; references to content not received yet (of any author, the update's own author
 *      included) are accepted, since Yjs parks them as pending until the gap is filled; and a
 *      parent that is known is a type, never a plain value: these are the cases that throw
 *      inside integration;
 *   4. no subdocuments;
 *   5. every value is within its field's ceiling (`shared/model/limits.ts`): text is measured
 *      from its encoded size and decoded only when that size cannot decide, and text longer
 *      than any field may hold is refused before it is read; pictures in briefs are data URLs;
 *   6. a schema version from a newer app comes with the mark a newer app writes beside it in
 *      the same transaction (`markSchemaVersion`); otherwise it is damage.
 * Updates larger than `scratchAboveBytes` are additionally applied to a scratch copy and read
 * back through the board readers. Imported workspace files always take that path (they are
 * rare and read whole anyway). Live sync passes `Infinity`: the checks above already cover
 * every way an update can throw inside Yjs, and a scratch copy would make a first sync of a
 * large workspace pay O(document) twice more (measured by `npm run bench -- sync`).
 */
export type UpdateCheck = { ok: true } | { ok: false; reason: string; tooLong?: TooLongValue };

/** A value over its ceiling, the one refusal a person can act on (e.g. in a workspace file). */
export interface TooLongValue {
  /** What holds it, for a person ("a drop's title"), or null for a value of no known field. */
  field: string | null;
  size: number;
  unit: 'characters' | 'bytes';
  /** The most that field may hold, in the same unit. */
  ceiling: number;
}

export interface ValidateOptions {
  /** Above this size the update is also tried on a scratch copy (default 64 KiB). */
  scratchAboveBytes?: number;
  /** Refuse updates larger than this (default 64 MiB). */
  maxBytes?: number;
}

export const DEFAULT_SCRATCH_ABOVE_BYTES = 64 * 1024;
export const DEFAULT_MAX_UPDATE_BYTES = 64 * 1024 * 1024;

const RECORD_MAPS = new Set(['stages', 'drops', 'creators', 'briefs']);
// Maps of plain values under string keys (the results' orders, events, imports and settings).
const VALUE_MAPS = new Set<string>(RESULTS_VALUE_MAPS);

/** True for the names of the top-level types of a schema-v1 workspace. */
export function isKnownRoot(name: string): boolean {
  return (
    name === 'meta' ||
    RECORD_MAPS.has(name) ||
    VALUE_MAPS.has(name) ||
    /^brief:.{1,200}$/.test(name)
  );
}

/** Checks a remote update against `doc` without changing it. Never throws. */
export function validateUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  opts: ValidateOptions = {},
): UpdateCheck {
  try {
    return check(doc, update, opts);
  } catch (e) {
    return reject(`it could not be checked (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Validates `update`, then applies it with `origin`. A rejected update leaves `doc` untouched;
 * the reason says why, for the log.
 */
export function applyRemoteUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  opts: ValidateOptions = {},
): UpdateCheck {
  const verdict = validateUpdate(doc, update, opts);
  if (!verdict.ok) return verdict;
  try {
    Y.applyUpdate(doc, update, origin);
    return verdict;
  } catch (e) {
    // Not expected after the checks above; reported rather than thrown so sync goes on.
    return reject(`Yjs refused it (${e instanceof Error ? e.message : String(e)})`);
  }
}

type Resolved = { kind: 'root'; name: string; sub: string | null } | { kind: 'other' };
// What a reference resolves to: a struct of the update, an item of the document, a
// garbage-collected run, or nothing yet.
type Found = StructView | Y.Item | 'gc' | 'missing';

function check(doc: Y.Doc, update: Uint8Array, opts: ValidateOptions): UpdateCheck {
  if (!(update instanceof Uint8Array)) return reject('it is not binary data');
  if (update.byteLength > (opts.maxBytes ?? DEFAULT_MAX_UPDATE_BYTES)) {
    return reject(`it is too large (${update.byteLength} bytes)`);
  }
  let structs: StructView[] | null;
  try {
    structs = readStructsFast(update, LARGEST_VALUE_BYTES);
  } catch (e) {
    if (!(e instanceof ValueTooLarge)) throw e;
    return reject(`it holds ${e.message}, more than any field may hold`, {
      field: null,
      size: e.bytes,
      unit: 'bytes',
      ceiling: LARGEST_VALUE_BYTES,
    });
  }
  if (!structs) {
    try {
      structs = readStructsWithYjs(update);
    } catch {
      return reject('it is not a valid Yjs update');
    }
  }
  const ctx: Ctx = {
    doc,
    structs,
    byClient: null,
    scan: isSmallRun(structs),
    lastFound: null,
    overlapping: false,
    schemaWrites: null,
  };
  for (const s of structs) {
    if (s.kind !== 'item') continue;
    const problem = checkItem(ctx, s) ?? checkValue(ctx, s);
    if (typeof problem === 'string') return reject(problem);
    if (problem) return reject(tooLongReason(problem), problem);
  }
  if (ctx.schemaWrites) {
    const problem = checkSchemaVersion(update, ctx.schemaWrites);
    if (problem) return reject(problem);
  }
  if (update.byteLength > (opts.scratchAboveBytes ?? DEFAULT_SCRATCH_ABOVE_BYTES)) {
    return checkOnScratch(doc, update);
  }
  return { ok: true };
}

interface Ctx {
  doc: Y.Doc;
  structs: StructView[];
  /** The update's structs by client, sorted by clock (built on first use in larger updates). */
  byClient: Map<number, StructView[]> | null;
  /** A few structs of one client, back to back: looked up by a scan instead. */
  scan: boolean;
  lastFound: StructView | null;
  overlapping: boolean;
  /** Writes of `meta.schemaVersion` and of its mark, checked once the update is read. */
  schemaWrites: { version: StructView | null; mark: StructView | null } | null;
}

const FORWARD_REF = 'it refers to later content of its own author';

function checkItem(ctx: Ctx, item: StructView): string | null {
  const content = item.content;
  if (content === 'doc') return 'it contains a subdocument, which Cadence does not use';
  if (item.origin && !referenceOk(item, item.origin)) return FORWARD_REF;
  if (item.rightOrigin && !referenceOk(item, item.rightOrigin)) return FORWARD_REF;
  let place: Resolved;
  if (typeof item.parent === 'string') {
    place = { kind: 'root', name: item.parent, sub: item.parentSub };
  } else if (item.parent instanceof Y.ID) {
    if (!referenceOk(item, item.parent)) return FORWARD_REF;
    const parent = lookup(ctx, item.parent);
    if (parent === 'missing' || parent === 'gc') return null; // pending or garbage-collected: Yjs copes
    const kind = kindOf(parent);
    if (kind !== 'map' && kind !== 'type' && kind !== 'deleted') {
      return 'it nests content inside a plain value';
    }
    return null;
  } else {
    place = placeOf(ctx, item, 0);
  }
  if (place.kind === 'root') {
    if (!isKnownRoot(place.name))
      return `it writes to an unknown part of the document ("${clip(place.name)}")`;
    const isMap =
      place.name === 'meta' || RECORD_MAPS.has(place.name) || VALUE_MAPS.has(place.name);
    if (isMap && typeof place.sub !== 'string') return `it adds list content to "${place.name}"`;
    if (RECORD_MAPS.has(place.name) && content !== 'map' && content !== 'deleted') {
      return `it replaces a record in "${place.name}" with a plain value`;
    }
    if (
      dropOfBriefBody(place.name) !== null &&
      content !== 'map' &&
      content !== 'type' &&
      content !== 'deleted'
    ) {
      return 'it puts a plain value into a brief';
    }
  }
  return null;
}

// Where a value lands: a top-level map's entry, a record's field, a rich-text attribute or run.
type Landing =
  | { kind: 'root'; name: string; sub: string | null }
  | { kind: 'in'; parent: StructView | Y.Item; sub: string | null }
  | { kind: 'unknown' };

function landing(ctx: Ctx, item: StructView | Y.Item, depth: number): Landing {
  if (depth > 64) return { kind: 'unknown' };
  const parent = item.parent;
  if (typeof parent === 'string') return { kind: 'root', name: parent, sub: item.parentSub };
  if (parent instanceof Y.ID) {
    const found = lookup(ctx, parent);
    if (found === 'missing' || found === 'gc') return { kind: 'unknown' };
    return { kind: 'in', parent: found, sub: item.parentSub };
  }
  if (parent instanceof Y.AbstractType) {
    if (parent._item === null) {
      return { kind: 'root', name: rootName(ctx, parent), sub: item.parentSub };
    }
    return { kind: 'in', parent: parent._item, sub: item.parentSub };
  }
  // No parent info: the neighbour's parent and map key (as Yjs copies them).
  const ref = item.origin ?? item.rightOrigin;
  if (!ref) return { kind: 'unknown' };
  const neighbour = lookup(ctx, ref);
  if (neighbour === 'missing' || neighbour === 'gc') return { kind: 'unknown' };
  const found = landing(ctx, neighbour, depth + 1);
  return found.kind === 'unknown' ? found : { ...found, sub: neighbour.parentSub ?? found.sub };
}

const OWNER: Record<string, string> = {
  drops: 'a drop',
  creators: 'a creator',
  briefs: 'a brief',
  stages: 'a stage',
  meta: 'the workspace',
};

// Values are held to their field's ceiling. Pending values (parent not here yet) and values
// in parts the structural checks already refuse are left to those checks.
function checkValue(ctx: Ctx, item: StructView): string | TooLongValue | null {
  if (item.content !== 'value') return null;
  const at = landing(ctx, item, 0);
  if (at.kind === 'unknown') return null;
  if (at.kind === 'root') {
    if (at.name === 'meta' && (at.sub === 'schemaVersion' || at.sub === SCHEMA_MARK)) {
      ctx.schemaWrites ??= { version: null, mark: null };
      if (at.sub === 'schemaVersion') ctx.schemaWrites.version = item;
      else ctx.schemaWrites.mark = item;
    }
    if (at.sub === null) return null;
    const ceiling = fieldCeiling(at.name, at.sub);
    return ceiling === undefined ? null : overCeiling(item, ceiling, at.name, at.sub);
  }
  const parentKind = kindOf(at.parent);
  if (parentKind === 'map') {
    // A record's field: the record sits in a top-level map.
    const record = landing(ctx, at.parent, 0);
    if (record.kind !== 'root' || at.sub === null) return null;
    const ceiling = fieldCeiling(record.name, at.sub);
    return ceiling === undefined ? null : overCeiling(item, ceiling, record.name, at.sub);
  }
  if (parentKind !== 'type') return null;
  // Rich text (a brief's body): an attribute of an element, or a run of text.
  if (at.sub === 'src') return checkImageSrc(item);
  if (at.sub !== null) return overCeiling(item, ATTRIBUTE_CEILING, 'brief text', at.sub);
  if (item.text === null) return overCeiling(item, ATTRIBUTE_CEILING, 'brief text', 'formatting');
  return overCeiling(item, BRIEF_TEXT_CEILING, 'brief text', 'text');
}

function overCeiling(
  item: StructView,
  ceiling: number,
  owner: string,
  field: string,
): TooLongValue | null {
  let size = measure(item, ceiling);
  if (size <= ceiling) return null;
  // Text measured by its bytes is counted in characters for the message (refusals are rare).
  if (item.text !== null && size === item.text.length)
    size = new TextDecoder().decode(item.text).length;
  const whose = OWNER[owner] ?? (owner === 'brief text' ? 'a brief' : `"${clip(owner)}"`);
  const unit = item.text === null ? 'bytes' : 'characters';
  return { field: `${whose}'s ${clip(field)}`, size, unit, ceiling };
}

function tooLongReason(t: TooLongValue): string {
  return `it sets ${t.field ?? 'a value'} to ${t.size.toLocaleString('en')} ${t.unit}, more than the ${t.ceiling.toLocaleString('en')} it may hold`;
}

// Characters of text (UTF-16 code units) or bytes of another value, decoding text only when
// its size in bytes cannot decide (one UTF-16 unit takes 1 to 3 bytes of UTF-8).
function measure(item: StructView, ceiling: number): number {
  const text = item.text;
  if (text === null) return item.bytes;
  if (text.length <= ceiling || text.length > ceiling * 3) return text.length;
  return new TextDecoder().decode(text).length;
}

function checkImageSrc(item: StructView): string | TooLongValue | null {
  const text = item.text;
  if (text === null) return 'it gives a picture in a brief an address that is not text';
  const head = new TextDecoder().decode(text.subarray(0, 40));
  if (!IMAGE_DATA_URL.test(head)) {
    return `it links a picture in a brief to an address ("${clip(head)}"); pictures are stored in the brief itself`;
  }
  return overCeiling(item, IMAGE_SRC_CEILING, 'brief text', 'picture');
}

// A schema version above this app's needs the mark a newer app writes in the same transaction.
function checkSchemaVersion(
  update: Uint8Array,
  writes: { version: StructView | null; mark: StructView | null },
): string | null {
  if (!writes.version) return null;
  const values = valuesOf(update, [writes.version, writes.mark]);
  const version = values[0];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return 'it sets the schema version to something that is not a version';
  }
  if (version <= SCHEMA_VERSION) return null;
  if (!isSchemaMark(values[1], version)) {
    return `it says a newer Cadence (schema ${version}) saved the workspace, without the mark a newer Cadence writes with it: refused as damage`;
  }
  return null;
}

// The values of a few items of `update` (rare: only for schema writes), read by Yjs' decoder.
function valuesOf(update: Uint8Array, items: (StructView | null)[]): unknown[] {
  const { structs } = Y.decodeUpdate(update) as { structs: (Y.Item | Y.GC | Y.Skip)[] };
  return items.map((want) => {
    if (!want) return undefined;
    const found = structs.find((s) => s instanceof Y.Item && Y.compareIDs(s.id, want.id)) as
      Y.Item | undefined;
    return found?.content.getContent()[0];
  });
}

function kindOf(found: StructView | Y.Item): ContentKind {
  return found instanceof Y.Item ? contentKind(found.content) : found.content;
}

// Where an item without explicit parent info lands: like Yjs, the parent (and map key) of its
// left origin, else of its right origin. Only top-level placement matters for the checks.
function placeOf(ctx: Ctx, item: StructView | Y.Item, depth: number): Resolved {
  if (depth > 64) return { kind: 'other' };
  const ref = item.origin ?? item.rightOrigin;
  if (!ref) return { kind: 'other' };
  const neighbour = lookup(ctx, ref);
  if (neighbour === 'missing' || neighbour === 'gc') return { kind: 'other' };
  const parent = neighbour.parent;
  const sub = neighbour.parentSub;
  if (typeof parent === 'string') return { kind: 'root', name: parent, sub };
  if (parent instanceof Y.AbstractType) {
    return parent._item === null
      ? { kind: 'root', name: rootName(ctx, parent), sub }
      : { kind: 'other' };
  }
  if (parent instanceof Y.ID) return { kind: 'other' };
  const further = placeOf(ctx, neighbour, depth + 1);
  return further.kind === 'root' && further.sub === null ? { ...further, sub } : further;
}

function rootName(ctx: Ctx, type: Y.AbstractType<unknown>): string {
  for (const [name, t] of ctx.doc.share) if (t === type) return name;
  return '';
}

// A reference must point backwards within the same client (Yjs never writes a forward one: it
// would be a cycle). It need not exist yet: content of any author that has not arrived, the
// update's own author included (updates relayed by different peers overtake one another), is
// parked by Yjs as pending and integrated once the gap is filled. Only that struct's own place
// is checked later, when it arrives.
function referenceOk(item: StructView, ref: Y.ID): boolean {
  return ref.client !== item.id.client || ref.clock < item.id.clock;
}

function lookup(ctx: Ctx, id: Y.ID): Found {
  const local = findLocal(ctx, id);
  if (local) return local.kind === 'item' ? local : local.kind === 'gc' ? 'gc' : 'missing';
  if (id.clock < Y.getState(ctx.doc.store, id.client)) {
    const struct = Y.getItem(ctx.doc.store, id) as Y.Item | Y.GC;
    return struct instanceof Y.Item ? struct : 'gc';
  }
  return 'missing';
}

// A live edit holds a handful of structs of one client: a scan beats building an index.
const SCAN_BELOW = 8;

function isSmallRun(structs: StructView[]): boolean {
  if (structs.length >= SCAN_BELOW) return false;
  for (let i = 1; i < structs.length; i++) {
    const prev = structs[i - 1]!;
    const s = structs[i]!;
    if (s.id.client !== prev.id.client || s.id.clock !== prev.id.clock + prev.length) return false;
  }
  return true;
}

function findLocal(ctx: Ctx, id: Y.ID): StructView | undefined {
  if (ctx.scan) {
    for (const s of ctx.structs) {
      if (s.id.client === id.client && id.clock >= s.id.clock && id.clock < s.id.clock + s.length)
        return s;
    }
    return undefined;
  }
  ctx.byClient ??= indexStructs(ctx);
  // The fields of one record all point at it: the last struct found usually answers.
  const last = ctx.lastFound;
  if (last && last.id.client === id.client && id.clock >= last.id.clock) {
    if (id.clock < last.id.clock + last.length) return last;
  }
  const found = findIn(ctx.byClient.get(id.client), id.clock);
  if (found && !ctx.overlapping) ctx.lastFound = found;
  return found;
}

function findIn(structs: StructView[] | undefined, clock: number): StructView | undefined {
  if (!structs) return undefined;
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

// Back to back or with gaps, never overlapping: any clock falls in at most one struct.
function disjoint(list: StructView[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1]!;
    if (list[i]!.id.clock < prev.id.clock + prev.length) return false;
  }
  return true;
}

function indexStructs(ctx: Ctx): Map<number, StructView[]> {
  const byClient = new Map<number, StructView[]>();
  for (const s of ctx.structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  // Yjs writes each client's structs in clock order; only a crafted update needs sorting, and
  // there a clock may fall in several structs (the search then decides, not the last found).
  for (const list of byClient.values()) {
    if (disjoint(list)) continue;
    list.sort((a, b) => a.id.clock - b.id.clock);
    ctx.overlapping = true;
  }
  return byClient;
}

function checkOnScratch(doc: Y.Doc, update: Uint8Array): UpdateCheck {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
    for (const name of scratch.share.keys()) {
      if (!isKnownRoot(name))
        return reject(`it writes to an unknown part of the document ("${clip(name)}")`);
    }
    readMeta(scratch);
    readBoard(scratch);
    return { ok: true };
  } catch (e) {
    return reject(
      `the board could not be read after applying it (${e instanceof Error ? e.message : String(e)})`,
    );
  } finally {
    scratch.destroy();
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function reject(reason: string, tooLong?: TooLongValue): UpdateCheck {
  return {
    ok: false,
    reason: `Rejected an update from a peer: ${reason}.`,
    ...(tooLong ? { tooLong } : {}),
  };
}
