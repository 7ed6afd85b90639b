import * as Y from 'yjs';
import { readBoard } from '../model/board';
import { readMeta } from '../model/workspace';

/**
 * Remote updates are untrusted: a buggy or hostile peer holding the room password can send
 * bytes that do not decode, that write to parts of the document Cadence does not have, or that
 * point at structures that crash Yjs half-way through integrating them (leaving a partly
 * changed document).
 *
 * Cost model. Cloning the whole document for every incoming keystroke would make each remote
 * edit O(document) (tens of ms at 5,000 drops). Instead every update gets structural checks
 * that cost O(update):
 *   1. it decodes completely (`Y.decodeUpdate`); the same decoder runs inside `Y.applyUpdate`,
 *      and Yjs decodes all structs before integrating any, so a decodable update cannot fail
 *      while being read;
 *   2. every struct it adds lands in a known top-level type (`meta`, `stages`, `drops`,
 *      `creators`, `briefs`, `brief:<id>`), and the records of the record maps are Y.Maps;
 *   3. every reference (origin, right origin, parent) resolves to something that exists
 *      earlier in the update or in the document, or to another peer's missing struct (which
 *      Yjs parks as pending), and a parent is a type, never a plain value: these are the cases
 *      that throw inside integration;
 *   4. no subdocuments.
 * Updates larger than `scratchAboveBytes` are additionally applied to a scratch copy and read
 * back through the board readers. Imported workspace files always take that path (they are
 * rare and read whole anyway). Live sync passes `Infinity`: the checks above already cover
 * every way an update can throw inside Yjs, and a scratch copy would make a first sync of a
 * large workspace pay O(document) twice more (measured by `npm run bench -- sync`).
 */
export type UpdateCheck = { ok: true } | { ok: false; reason: string };

export interface ValidateOptions {
  /** Above this size the update is also tried on a scratch copy (default 64 KiB). */
  scratchAboveBytes?: number;
  /** Refuse updates larger than this (default 64 MiB). */
  maxBytes?: number;
}

export const DEFAULT_SCRATCH_ABOVE_BYTES = 64 * 1024;
export const DEFAULT_MAX_UPDATE_BYTES = 64 * 1024 * 1024;

const RECORD_MAPS = new Set(['stages', 'drops', 'creators', 'briefs']);

/** True for the names of the top-level types of a schema-v1 workspace. */
export function isKnownRoot(name: string): boolean {
  return name === 'meta' || RECORD_MAPS.has(name) || /^brief:.{1,200}$/.test(name);
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

type Struct = Y.Item | Y.GC | Y.Skip;
type Resolved = { kind: 'root'; name: string; sub: string | null } | { kind: 'other' };

function check(doc: Y.Doc, update: Uint8Array, opts: ValidateOptions): UpdateCheck {
  if (!(update instanceof Uint8Array)) return reject('it is not binary data');
  if (update.byteLength > (opts.maxBytes ?? DEFAULT_MAX_UPDATE_BYTES)) {
    return reject(`it is too large (${update.byteLength} bytes)`);
  }
  let decoded: { structs: Struct[]; ds: unknown };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: unknown };
  } catch {
    return reject('it is not a valid Yjs update');
  }
  const local = indexStructs(decoded.structs);
  const ctx: Ctx = { doc, local, rootOf: null };
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    const problem = checkItem(ctx, s);
    if (problem) return reject(problem);
  }
  if (update.byteLength > (opts.scratchAboveBytes ?? DEFAULT_SCRATCH_ABOVE_BYTES)) {
    return checkOnScratch(doc, update);
  }
  return { ok: true };
}

interface Ctx {
  doc: Y.Doc;
  local: Map<number, Struct[]>;
  rootOf: Map<unknown, string> | null;
}

function checkItem(ctx: Ctx, item: Y.Item): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDoc)
    return 'it contains a subdocument, which Cadence does not use';
  for (const ref of [item.origin, item.rightOrigin]) {
    if (ref && !referenceOk(ctx, item, ref)) return 'it refers to content that does not exist';
  }
  let place: Resolved;
  if (typeof item.parent === 'string') {
    place = { kind: 'root', name: item.parent, sub: item.parentSub };
  } else if (item.parent instanceof Y.ID) {
    if (!referenceOk(ctx, item, item.parent)) return 'it refers to content that does not exist';
    const parent = lookup(ctx, item.parent);
    if (parent === 'missing' || parent === 'gc') return null; // pending or garbage-collected: Yjs copes
    if (
      !(parent.content instanceof Y.ContentType) &&
      !(parent.content instanceof Y.ContentDeleted)
    ) {
      return 'it nests content inside a plain value';
    }
    return null;
  } else {
    place = placeOf(ctx, item, 0);
  }
  if (place.kind === 'root') {
    if (!isKnownRoot(place.name))
      return `it writes to an unknown part of the document ("${clip(place.name)}")`;
    const isMap = place.name === 'meta' || RECORD_MAPS.has(place.name);
    if (isMap && typeof place.sub !== 'string') return `it adds list content to "${place.name}"`;
    if (RECORD_MAPS.has(place.name) && !isMapContent(content)) {
      return `it replaces a record in "${place.name}" with a plain value`;
    }
    if (
      place.name.startsWith('brief:') &&
      !(content instanceof Y.ContentType) &&
      !(content instanceof Y.ContentDeleted)
    ) {
      return 'it puts a plain value into a brief';
    }
  }
  return null;
}

function isMapContent(content: Y.Item['content']): boolean {
  if (content instanceof Y.ContentDeleted) return true;
  return content instanceof Y.ContentType && content.type instanceof Y.Map;
}

// Where an item without explicit parent info lands: like Yjs, the parent (and map key) of its
// left origin, else of its right origin. Only top-level placement matters for the checks.
function placeOf(ctx: Ctx, item: Y.Item, depth: number): Resolved {
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
  if (!ctx.rootOf) {
    ctx.rootOf = new Map();
    for (const [name, t] of ctx.doc.share) ctx.rootOf.set(t, name);
  }
  return ctx.rootOf.get(type) ?? '';
}

// A reference must point backwards within the same client, and at something that exists
// (or is still missing from another client, which Yjs keeps pending until it arrives).
function referenceOk(ctx: Ctx, item: Y.Item, ref: Y.ID): boolean {
  if (ref.client === item.id.client && ref.clock >= item.id.clock) return false;
  const found = lookup(ctx, ref);
  if (found !== 'missing') return true;
  return ref.client !== item.id.client;
}

function lookup(ctx: Ctx, id: Y.ID): Y.Item | 'gc' | 'missing' {
  const local = findIn(ctx.local.get(id.client), id.clock);
  if (local) return local instanceof Y.Item ? local : local instanceof Y.GC ? 'gc' : 'missing';
  if (id.clock < Y.getState(ctx.doc.store, id.client)) {
    const struct = Y.getItem(ctx.doc.store, id) as Struct;
    return struct instanceof Y.Item ? struct : 'gc';
  }
  return 'missing';
}

function findIn(structs: Struct[] | undefined, clock: number): Struct | undefined {
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

function indexStructs(structs: Struct[]): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
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

function reject(reason: string): UpdateCheck {
  return { ok: false, reason: `Rejected an update from a peer: ${reason}.` };
}
