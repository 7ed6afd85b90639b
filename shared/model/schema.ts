import * as Y from 'yjs';

/** The document schema this build reads and writes. */
export const SCHEMA_VERSION = 1;

/**
 * Transaction origin for edits made by this person on this machine.
 * Y.UndoManager tracks only this origin, so remote edits are never undone locally.
 */
export const LOCAL_ORIGIN = Symbol.for('cadence.local');

/** Origin for bookkeeping writes (migrations, repairs) that must not enter the undo stack. */
export const SYSTEM_ORIGIN = Symbol.for('cadence.system');

export type YRecord = Y.Map<unknown>;

const BRIEF_BODY_PREFIX = 'brief:';
/** The top-level type that holds a drop's brief text: `brief:<dropId>`. */
export const briefBodyName = (dropId: string) => `${BRIEF_BODY_PREFIX}${dropId}`;
/** The drop whose brief text a top-level type of this name holds, or null. */
export const dropOfBriefBody = (name: string): string | null =>
  name.startsWith(BRIEF_BODY_PREFIX) ? name.slice(BRIEF_BODY_PREFIX.length) : null;

/** Top-level shared types of a workspace document (schema v1). */
export const root = {
  meta: (doc: Y.Doc) => doc.getMap<unknown>('meta'),
  stages: (doc: Y.Doc) => doc.getMap<YRecord>('stages'),
  drops: (doc: Y.Doc) => doc.getMap<YRecord>('drops'),
  creators: (doc: Y.Doc) => doc.getMap<YRecord>('creators'),
  briefs: (doc: Y.Doc) => doc.getMap<YRecord>('briefs'),
  briefBody: (doc: Y.Doc, dropId: string) => doc.getXmlFragment(briefBodyName(dropId)),
};

/** Runs `fn` as one local, undoable transaction. */
export function transactLocal<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, LOCAL_ORIGIN);
  return result;
}

/** Builds a Y.Map record from plain fields. */
export function toRecord(fields: Record<string, unknown>): YRecord {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
  return map;
}

/** A record stored under `key` in `parent`, or undefined when it is missing or not a map. */
export function recordAt(parent: Y.Map<YRecord>, key: string): YRecord | undefined {
  const value: unknown = parent.get(key);
  return value instanceof Y.Map ? (value as YRecord) : undefined;
}
