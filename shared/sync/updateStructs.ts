import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The structs of a Yjs update (format v1) as `validateUpdate` checks them: where each one
 * points and what kind of content it carries, without the content itself.
 *
 * Two readers produce them. `readStructsWithYjs` runs Yjs' own decoder (`Y.decodeUpdate`) and
 * handles every update. `readStructsFast` reads the bytes in one pass with the same lib0 calls,
 * in the same order, that Yjs' v1 decoder makes, but builds no Yjs items or content objects:
 * an incoming keystroke then costs a fraction of a full decode. It knows the shapes Cadence
 * produces (items of every content but subdocuments, GC runs, a delete set and nothing after
 * it); for anything else, or bytes it cannot read, it answers `null` and the caller falls back
 * to Yjs' decoder, which also words the rejection. It never accepts bytes that
 * `Y.decodeUpdate` refuses (test/unit/sync/updateStructs.test.ts compares the two).
 */
export type ContentKind = 'deleted' | 'map' | 'type' | 'value' | 'doc';

export interface StructView {
  id: Y.ID;
  length: number;
  kind: 'item' | 'gc' | 'skip';
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
  /** A top-level type's name, the id of the parent item, or null (taken from a neighbour). */
  parent: string | Y.ID | null;
  parentSub: string | null;
  content: ContentKind;
  /** Size of the content's values in bytes (text as UTF-8, other values as Yjs encodes them). */
  bytes: number;
  /** The UTF-8 bytes of the content's text: a string item's, or a map value that is a string. */
  text: Uint8Array | null;
}

/** Thrown by the fast reader for a string longer than its `maxStringBytes`. */
export class ValueTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`a value of ${bytes.toLocaleString('en')} bytes`);
    this.name = 'ValueTooLarge';
  }
}

// Info byte bits (yjs/src/structs/Item.js).
const BITS5 = 31;
const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
// Content refs (Yjs' `contentRefs`).
const CONTENT_DELETED = 1;
const CONTENT_JSON = 2;
const CONTENT_BINARY = 3;
const CONTENT_STRING = 4;
const CONTENT_EMBED = 5;
const CONTENT_FORMAT = 6;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
// Type refs (Yjs' `typeRefs`): YMap, and YXmlHook which extends YMap; XmlElement and XmlHook
// carry a name.
const TYPE_MAP = 1;
const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;
const TYPE_LAST = 6;

/** One range of a delete set: `length` clocks of `client` from `clock`. */
export interface DeletedRange {
  client: number;
  clock: number;
  length: number;
}

/**
 * Reads `update` in one pass, or returns null when it is not of the common shape. A string
 * longer than `maxStringBytes` throws `ValueTooLarge` at once, without being read. The ranges
 * of its delete set go into `deletes` when given.
 */
export function readStructsFast(
  update: Uint8Array,
  maxStringBytes = Infinity,
  deletes?: DeletedRange[],
): StructView[] | null {
  try {
    return readFast(decoding.createDecoder(update), maxStringBytes, deletes);
  } catch (e) {
    if (e instanceof ValueTooLarge) throw e;
    return null; // Yjs' decoder decides, and explains
  }
}

function readFast(
  d: decoding.Decoder,
  maxStringBytes: number,
  deletes: DeletedRange[] | undefined,
): StructView[] | null {
  limit = maxStringBytes;
  const structs: StructView[] = [];
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    let clock = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      const info = decoding.readUint8(d);
      if (info === undefined) return null;
      const ref = info & BITS5;
      let view: StructView;
      if (ref === 0) {
        const len = decoding.readVarUint(d);
        view = struct(client, clock, len, 'gc', null, null, null, null, 'deleted', 0, null);
      } else {
        const origin = (info & BIT8) === BIT8 ? readId(d) : null;
        const rightOrigin = (info & BIT7) === BIT7 ? readId(d) : null;
        const cantCopyParentInfo = (info & (BIT7 | BIT8)) === 0;
        let parent: string | Y.ID | null = null;
        if (cantCopyParentInfo) {
          parent = decoding.readVarUint(d) === 1 ? readString(d) : readId(d);
        }
        const parentSub = cantCopyParentInfo && (info & BIT6) === BIT6 ? readString(d) : null;
        let length: number;
        let kind: ContentKind;
        let bytes = 0;
        let text: Uint8Array | null = null;
        switch (ref) {
          case CONTENT_DELETED:
            length = decoding.readVarUint(d);
            kind = 'deleted';
            break;
          case CONTENT_JSON:
            length = decoding.readVarUint(d);
            for (let k = 0; k < length; k++) {
              const raw = stringBytes(d);
              bytes += raw.bytes.length;
              const json = raw.ascii ? asciiString(raw.bytes) : utf8.decode(raw.bytes);
              if (json !== 'undefined') JSON.parse(json);
            }
            kind = 'value';
            break;
          case CONTENT_EMBED:
            bytes = jsonBytes(d);
            length = 1;
            kind = 'value';
            break;
          case CONTENT_FORMAT:
            bytes = skipString(d);
            bytes += jsonBytes(d);
            length = 1;
            kind = 'value';
            break;
          case CONTENT_BINARY:
            bytes = decoding.readVarUint8Array(d).length;
            length = 1;
            kind = 'value';
            break;
          case CONTENT_STRING: {
            const raw = stringBytes(d);
            length = raw.ascii ? raw.bytes.length : utf8.decode(raw.bytes).length;
            bytes = raw.bytes.length;
            text = raw.bytes;
            kind = 'value';
            break;
          }
          case CONTENT_TYPE: {
            const type = decoding.readVarUint(d);
            if (type > TYPE_LAST) return null;
            if (type === TYPE_XML_ELEMENT || type === TYPE_XML_HOOK) skipString(d);
            length = 1;
            kind = type === TYPE_MAP || type === TYPE_XML_HOOK ? 'map' : 'type';
            break;
          }
          case CONTENT_ANY: {
            length = decoding.readVarUint(d);
            const start = d.pos;
            if (length > 0 && d.arr[d.pos] === ANY_STRING) {
              d.pos++;
              const raw = stringBytes(d);
              if (!raw.ascii) utf8.decode(raw.bytes);
              text = raw.bytes;
              for (let k = 1; k < length; k++) skipAny(d, 0);
            } else {
              for (let k = 0; k < length; k++) skipAny(d, 0);
            }
            bytes = d.pos - start;
            kind = 'value';
            break;
          }
          default:
            return null; // subdocument, skip or unknown
        }
        view = struct(
          client,
          clock,
          length,
          'item',
          origin,
          rightOrigin,
          parent,
          parentSub,
          kind,
          bytes,
          text,
        );
      }
      if (view.length < 1) return null;
      clock += view.length;
      if (!Number.isSafeInteger(clock)) return null;
      structs.push(view);
    }
  }
  // The delete set, read as Yjs reads it (client, count, then clock and length pairs).
  const dsClients = decoding.readVarUint(d);
  for (let c = 0; c < dsClients; c++) {
    const client = decoding.readVarUint(d);
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      const clock = decoding.readVarUint(d);
      const length = decoding.readVarUint(d);
      deletes?.push({ client, clock, length });
    }
  }
  return decoding.hasContent(d) ? null : structs;
}

// Strings, as lib0's `readVarString` reads them (a length, then UTF-8 that a fatal decoder must
// accept), without building the string where only its bytes matter. ASCII is always valid
// UTF-8; anything else goes through the same decoder lib0 uses.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// The current read's `maxStringBytes` (one read at a time: the reader is synchronous).
let limit = Infinity;
const ANY_STRING = 119;

function stringBytes(d: decoding.Decoder): { bytes: Uint8Array; ascii: boolean } {
  const size = decoding.peekVarUint(d);
  if (size > limit) throw new ValueTooLarge(size);
  const bytes = decoding.readVarUint8Array(d);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return { bytes, ascii: false };
  return { bytes, ascii: true };
}

function skipString(d: decoding.Decoder): number {
  const { bytes, ascii } = stringBytes(d);
  if (!ascii) utf8.decode(bytes);
  return bytes.length;
}

function asciiString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  }
  return out;
}

// A JSON value as one string (embeds, format attributes): parsed as Yjs parses it.
function jsonBytes(d: decoding.Decoder): number {
  const { bytes, ascii } = stringBytes(d);
  JSON.parse(ascii ? asciiString(bytes) : utf8.decode(bytes));
  return bytes.length;
}

function readString(d: decoding.Decoder): string {
  const { bytes, ascii } = stringBytes(d);
  // Field names and root names are short: a typed array passed straight to fromCharCode.
  if (ascii && bytes.length <= 64) {
    return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  return utf8.decode(bytes);
}

// Skips one value as lib0's `readAny` reads it (yjs' ContentAny); deep nesting is left to
// Yjs' decoder.
function skipAny(d: decoding.Decoder, depth: number): void {
  if (depth > 64) throw new Error('nested too deeply for the fast reader');
  const tag = decoding.readUint8(d);
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(d);
      return;
    case 124:
      decoding.readFloat32(d);
      return;
    case 123:
      decoding.readFloat64(d);
      return;
    case 122:
      decoding.readBigInt64(d);
      return;
    case 119:
      skipString(d);
      return;
    case 118: {
      const keys = decoding.readVarUint(d);
      for (let i = 0; i < keys; i++) {
        skipString(d);
        skipAny(d, depth + 1);
      }
      return;
    }
    case 117: {
      const items = decoding.readVarUint(d);
      for (let i = 0; i < items; i++) skipAny(d, depth + 1);
      return;
    }
    case 116:
      decoding.readVarUint8Array(d);
      return;
    default:
      throw new Error('unknown value type'); // lib0 throws too (no reader for it)
  }
}

function readId(d: decoding.Decoder): Y.ID {
  const client = decoding.readVarUint(d);
  return Y.createID(client, decoding.readVarUint(d));
}

function struct(
  client: number,
  clock: number,
  length: number,
  kind: StructView['kind'],
  origin: Y.ID | null,
  rightOrigin: Y.ID | null,
  parent: string | Y.ID | null,
  parentSub: string | null,
  content: ContentKind,
  bytes: number,
  text: Uint8Array | null,
): StructView {
  return {
    id: Y.createID(client, clock),
    length,
    kind,
    origin,
    rightOrigin,
    parent,
    parentSub,
    content,
    bytes,
    text,
  };
}

/** Decodes `update` with Yjs' own decoder (every shape). Throws when it does not decode. */
export function readStructsWithYjs(update: Uint8Array): StructView[] {
  const { structs } = Y.decodeUpdate(update) as { structs: (Y.Item | Y.GC | Y.Skip)[] };
  return structs.map((s) => {
    if (s instanceof Y.Item) {
      // Y.decodeUpdate leaves a root parent as its name (it has no document to look it up in).
      const parent = s.parent as unknown as string | Y.ID | null;
      return struct(
        s.id.client,
        s.id.clock,
        s.length,
        'item',
        s.origin,
        s.rightOrigin,
        parent,
        s.parentSub,
        contentKind(s.content),
        ...valueOf(s.content),
      );
    }
    const kind = s instanceof Y.GC ? 'gc' : 'skip';
    return struct(
      s.id.client,
      s.id.clock,
      s.length,
      kind,
      null,
      null,
      null,
      null,
      'deleted',
      0,
      null,
    );
  });
}

const utf8Encoder = new TextEncoder();

// The size and text of a decoded item's content, measured as the fast reader measures them.
function valueOf(content: Y.Item['content']): [number, Uint8Array | null] {
  if (content instanceof Y.ContentString) {
    const text = utf8Encoder.encode(content.str);
    return [text.length, text];
  }
  if (content instanceof Y.ContentAny) {
    const encoder = encoding.createEncoder();
    for (const v of content.arr) encoding.writeAny(encoder, v as never);
    const first: unknown = content.arr[0];
    const text = typeof first === 'string' ? utf8Encoder.encode(first) : null;
    return [encoding.length(encoder), text];
  }
  if (content instanceof Y.ContentJSON) {
    let bytes = 0;
    for (const v of content.arr) {
      bytes += utf8Encoder.encode(v === undefined ? 'undefined' : JSON.stringify(v)).length;
    }
    return [bytes, null];
  }
  if (content instanceof Y.ContentBinary) return [content.content.length, null];
  if (content instanceof Y.ContentEmbed) {
    return [utf8Encoder.encode(JSON.stringify(content.embed)).length, null];
  }
  if (content instanceof Y.ContentFormat) {
    const key = utf8Encoder.encode(content.key).length;
    return [key + utf8Encoder.encode(JSON.stringify(content.value)).length, null];
  }
  return [0, null];
}

/** The kind of an item's content, as the checks distinguish it. */
export function contentKind(content: Y.Item['content']): ContentKind {
  if (content instanceof Y.ContentDeleted) return 'deleted';
  if (content instanceof Y.ContentDoc) return 'doc';
  if (content instanceof Y.ContentType) return content.type instanceof Y.Map ? 'map' : 'type';
  return 'value';
}
