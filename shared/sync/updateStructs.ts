import * as decoding from 'lib0/decoding';
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

/** Reads `update` in one pass, or returns null when it is not of the common shape. */
export function readStructsFast(update: Uint8Array): StructView[] | null {
  try {
    return readFast(decoding.createDecoder(update));
  } catch {
    return null; // Yjs' decoder decides, and explains
  }
}

function readFast(d: decoding.Decoder): StructView[] | null {
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
        view = struct(client, clock, len, 'gc', null, null, null, null, 'deleted');
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
        switch (ref) {
          case CONTENT_DELETED:
            length = decoding.readVarUint(d);
            kind = 'deleted';
            break;
          case CONTENT_JSON:
            length = decoding.readVarUint(d);
            for (let k = 0; k < length; k++) {
              const json = decoding.readVarString(d);
              if (json !== 'undefined') JSON.parse(json);
            }
            kind = 'value';
            break;
          case CONTENT_EMBED:
            JSON.parse(decoding.readVarString(d));
            length = 1;
            kind = 'value';
            break;
          case CONTENT_FORMAT:
            skipString(d);
            JSON.parse(decoding.readVarString(d));
            length = 1;
            kind = 'value';
            break;
          case CONTENT_BINARY:
            decoding.readVarUint8Array(d);
            length = 1;
            kind = 'value';
            break;
          case CONTENT_STRING:
            length = stringLength(d);
            kind = 'value';
            break;
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
            for (let k = 0; k < length; k++) skipAny(d, 0);
            kind = 'value';
            break;
          }
          default:
            return null; // subdocument, skip or unknown
        }
        view = struct(client, clock, length, 'item', origin, rightOrigin, parent, parentSub, kind);
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
    decoding.readVarUint(d);
    const deletes = decoding.readVarUint(d);
    for (let i = 0; i < deletes; i++) {
      decoding.readVarUint(d);
      decoding.readVarUint(d);
    }
  }
  return decoding.hasContent(d) ? null : structs;
}

// Strings, as lib0's `readVarString` reads them (a length, then UTF-8 that a fatal decoder must
// accept), without building the string where only its bytes matter. ASCII is always valid
// UTF-8; anything else goes through the same decoder lib0 uses.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function stringBytes(d: decoding.Decoder): { bytes: Uint8Array; ascii: boolean } {
  const bytes = decoding.readVarUint8Array(d);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return { bytes, ascii: false };
  return { bytes, ascii: true };
}

function skipString(d: decoding.Decoder): void {
  const { bytes, ascii } = stringBytes(d);
  if (!ascii) utf8.decode(bytes);
}

// Length in UTF-16 code units, as Yjs counts a string item's length.
function stringLength(d: decoding.Decoder): number {
  const { bytes, ascii } = stringBytes(d);
  return ascii ? bytes.length : utf8.decode(bytes).length;
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
      );
    }
    const kind = s instanceof Y.GC ? 'gc' : 'skip';
    return struct(s.id.client, s.id.clock, s.length, kind, null, null, null, null, 'deleted');
  });
}

/** The kind of an item's content, as the checks distinguish it. */
export function contentKind(content: Y.Item['content']): ContentKind {
  if (content instanceof Y.ContentDeleted) return 'deleted';
  if (content instanceof Y.ContentDoc) return 'doc';
  if (content instanceof Y.ContentType) return content.type instanceof Y.Map ? 'map' : 'type';
  return 'value';
}
