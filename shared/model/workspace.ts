import type * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from './lazySchema';
import { printableLine } from './printable';
import { isValidTimeZone } from '../cadence/days';
import { DEFAULT_CADENCE } from '../playbook';
import { root, SCHEMA_VERSION, SYSTEM_ORIGIN, transactLocal } from './schema';
import { seedDefaultStages } from './stage';

/** The workspace's release rhythm, checked by the calendar. */
export type Cadence =
  { kind: 'weeks'; every: number } | { kind: 'monthly' } | { kind: 'bimonthly' };

export const cadenceSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('weeks'), every: z.number().int().min(1).max(26) }),
    z.object({ kind: z.literal('monthly') }),
    z.object({ kind: z.literal('bimonthly') }),
  ]),
);

export interface WorkspaceMeta {
  /** The schema this document is in (a claimed newer version without its mark reads as ours). */
  schemaVersion: number;
  /** A newer schema version the document claims without the mark that proves it, else null. */
  schemaVersionRefused: number | null;
  name: string;
  cadence: Cadence;
  /** An IANA zone this runtime knows: a stored name it does not know reads as UTC. */
  timezone: string;
  /** The stored zone name when this runtime does not know it (shown in a notice), else null. */
  timezoneRefused: string | null;
  createdAt: number;
}

export const WORKSPACE_NAME_MAX = 60;

/** A workspace name as saved: one plain line (see `printableLine`), 1 to 60 characters. */
export const workspaceNameSchema = lazySchema(() =>
  z
    .string()
    .overwrite((name) => printableLine(name))
    .min(1, 'Give the workspace a name.')
    .max(WORKSPACE_NAME_MAX, `Keep the name under ${WORKSPACE_NAME_MAX} characters.`),
);

/** True once a document has been initialised (locally or by a peer). */
export function isInitialised(doc: Y.Doc): boolean {
  return typeof root.meta(doc).get('schemaVersion') === 'number';
}

/** Initialises an empty document as a workspace with the playbook's stages. */
export function initWorkspace(
  doc: Y.Doc,
  opts: { name: string; timezone?: string; cadence?: Cadence; now?: number },
): void {
  const name = workspaceNameSchema().parse(opts.name);
  transactLocal(doc, () => {
    const meta = root.meta(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('name', name);
    meta.set('cadence', opts.cadence ?? DEFAULT_CADENCE);
    meta.set('timezone', opts.timezone ?? 'UTC');
    meta.set('createdAt', opts.now ?? Date.now());
  });
  seedDefaultStages(doc);
}

/**
 * The workspace's settings as this app can use them. Any peer can write any value, so each is
 * checked on read: a zone name this runtime does not know (a typo, or a zone added to a newer
 * time zone database) would throw in every date calculation, so it reads as UTC and is
 * reported in `timezoneRefused`.
 */
export function readMeta(doc: Y.Doc): WorkspaceMeta {
  const meta = root.meta(doc);
  const cadence = cadenceSchema().safeParse(meta.get('cadence'));
  const version = meta.get('schemaVersion');
  const genuine =
    typeof version === 'number' &&
    (version <= SCHEMA_VERSION || isSchemaMark(meta.get(SCHEMA_MARK), version));
  const tz = meta.get('timezone');
  const createdAt = meta.get('createdAt');
  return {
    schemaVersion: typeof version !== 'number' ? 0 : genuine ? version : SCHEMA_VERSION,
    schemaVersionRefused: typeof version === 'number' && !genuine ? version : null,
    name: readWorkspaceName(doc),
    cadence: cadence.success ? cadence.data : DEFAULT_CADENCE,
    timezone: isValidTimeZone(tz) ? tz : 'UTC',
    timezoneRefused: tz === undefined || isValidTimeZone(tz) ? null : String(tz).slice(0, 80),
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

/**
 * The workspace's name alone (what a brief prints as the brand), without the other settings.
 * A teammate's copy or a file may hold any text up to the name's ceiling (500 characters): it
 * reads as one plain line of at most 60 (`printableLine`), and the document is not rewritten.
 */
export function readWorkspaceName(doc: Y.Doc): string {
  const name = root.meta(doc).get('name');
  return (typeof name === 'string' && printableLine(name, WORKSPACE_NAME_MAX)) || UNTITLED;
}

const UNTITLED = 'Untitled workspace';

export function renameWorkspace(doc: Y.Doc, name: string): void {
  const clean = workspaceNameSchema().parse(name);
  transactLocal(doc, () => root.meta(doc).set('name', clean));
}

export function setCadence(doc: Y.Doc, cadence: Cadence): void {
  const clean = cadenceSchema().parse(cadence);
  transactLocal(doc, () => root.meta(doc).set('cadence', clean));
}

/**
 * A document written by a newer app version opens read-only: we show it, but never write
 * fields we do not understand.
 */
export function isReadOnlyFor(doc: Y.Doc, appSchemaVersion = SCHEMA_VERSION): boolean {
  return readMeta(doc).schemaVersion > appSchemaVersion;
}

/**
 * The mark a Cadence that raises the schema version writes beside it, in the same
 * transaction: `{ schemaVersion, app }`. An update that raises the version without it is
 * refused as damage (one stray value must not make every copy read-only for good), and a
 * stored version without a matching mark reads as this app's.
 */
export const SCHEMA_MARK = 'schemaMark';

export interface SchemaMark {
  schemaVersion: number;
  /** The app and version that wrote it, e.g. "Cadence 2.0.0". */
  app: string;
}

/** True when `value` is the mark of a schema upgrade to `version`. */
export function isSchemaMark(value: unknown, version: number): value is SchemaMark {
  if (typeof value !== 'object' || value === null) return false;
  const mark = value as Partial<SchemaMark>;
  return (
    mark.schemaVersion === version &&
    typeof mark.app === 'string' &&
    mark.app.length > 0 &&
    mark.app.length <= 100
  );
}

/**
 * Raises the document's schema version with its mark, in one transaction: what a newer
 * Cadence does when it upgrades a workspace (and what tests use to play one).
 */
export function markSchemaVersion(doc: Y.Doc, version: number, app: string): void {
  doc.transact(() => {
    const meta = root.meta(doc);
    meta.set('schemaVersion', version);
    meta.set(SCHEMA_MARK, { schemaVersion: version, app } satisfies SchemaMark);
  }, SYSTEM_ORIGIN);
}

/**
 * Makes a copy of a newer app's workspace editable by this app: its schema version becomes
 * this app's and the newer app's mark goes. Only for a copy of its own (a new workspace not
 * linked to the room); every value stays, and this app writes only the fields it knows.
 */
export function adoptAsAppSchema(doc: Y.Doc): void {
  transactLocal(doc, () => {
    const meta = root.meta(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.delete(SCHEMA_MARK);
  });
}
