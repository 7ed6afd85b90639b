import * as Y from 'yjs';
import { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { isInitialised, readMeta } from '../model/workspace';
import { sha256Hex, utf8 } from './bytes';
import { applyRemoteUpdate, type UpdateCheck } from './validateUpdate';

/**
 * Workspace file (export, sneakernet, rolling backups):
 *
 *   CADENCE-WS\n
 *   {"format":1,"workspaceId":…,"name":…,"createdAt":…,"exportedAt":…,"byteLength":N,"sha256":…}\n
 *   <N bytes: Yjs state update (v1) of the whole workspace>
 *
 * The header is one line of JSON so a person can read it with `head -2`; the checksum covers
 * the update, so a cut or altered file is refused before anything is merged.
 */
export const BACKUP_MAGIC = 'CADENCE-WS';
export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = 'cadence';
const MAX_HEADER_BYTES = 4096;

/** Where merged file contents come from: not undoable, not a local edit. */
export const BACKUP_ORIGIN = Symbol.for('cadence.backup');

export interface BackupHeader {
  format: number;
  workspaceId: string;
  name: string;
  createdAt: number;
  exportedAt: number;
  byteLength: number;
  sha256: string;
}

export const BACKUP_MESSAGES = {
  foreign: 'This is not a Cadence workspace file.',
  newer: 'This file comes from a newer Cadence. Update Cadence to open it.',
  truncated:
    'This workspace file is incomplete (it was cut short while copying). Nothing was changed.',
  damaged:
    'This workspace file is damaged (its contents do not match its checksum). Nothing was changed.',
  invalid: 'This workspace file does not contain a valid workspace. Nothing was changed.',
  otherWorkspace: 'This file belongs to another workspace. Import it as a new workspace instead.',
} as const;

const headerSchema = lazySchema(() =>
  z.object({
    format: z.number().int().min(1),
    workspaceId: z.string().min(1).max(100),
    name: z.string().max(200),
    createdAt: z.number(),
    exportedAt: z.number(),
    byteLength: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);

export type BackupResult =
  { ok: true; header: BackupHeader; update: Uint8Array } | { ok: false; message: string };

/** Encodes the whole workspace as a file. */
export async function encodeBackup(
  doc: Y.Doc,
  opts: { workspaceId: string; now?: number },
): Promise<Uint8Array> {
  const update = Y.encodeStateAsUpdate(doc);
  const meta = readMeta(doc);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    workspaceId: opts.workspaceId,
    name: meta.name,
    createdAt: meta.createdAt,
    exportedAt: opts.now ?? Date.now(),
    byteLength: update.byteLength,
    sha256: await sha256Hex(update),
  };
  return frameWorkspaceFile(header, update);
}

/** A workspace file's bytes: the magic line, the header as one JSON line, then the update. */
export function frameWorkspaceFile(header: BackupHeader, update: Uint8Array): Uint8Array {
  const head = utf8.encode(`${BACKUP_MAGIC}\n${JSON.stringify(header)}\n`);
  const file = new Uint8Array(head.byteLength + update.byteLength);
  file.set(head, 0);
  file.set(update, head.byteLength);
  return file;
}

/** Reads and checks a workspace file; never throws, changes nothing. */
export async function decodeBackup(file: Uint8Array): Promise<BackupResult> {
  const magic = utf8.encode(`${BACKUP_MAGIC}\n`);
  if (file.byteLength < magic.byteLength) {
    return startsWith(magic, file) && file.byteLength > 0 ? fail('truncated') : fail('foreign');
  }
  if (!startsWith(file, magic)) return fail('foreign');
  const limit = Math.min(file.byteLength, magic.byteLength + MAX_HEADER_BYTES);
  let end = -1;
  for (let i = magic.byteLength; i < limit; i++) {
    if (file[i] === 0x0a) {
      end = i;
      break;
    }
  }
  if (end < 0) return fail(limit === file.byteLength ? 'truncated' : 'damaged');
  let header: BackupHeader;
  try {
    const raw: unknown = JSON.parse(utf8.decode(file.subarray(magic.byteLength, end)));
    if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format !== undefined) {
      const format = (raw as { format: unknown }).format;
      if (typeof format === 'number' && format > BACKUP_FORMAT) return fail('newer');
    }
    const parsed = headerSchema().safeParse(raw);
    if (!parsed.success) return fail('damaged');
    header = parsed.data;
  } catch {
    return fail('damaged');
  }
  const update = file.subarray(end + 1);
  if (update.byteLength < header.byteLength) return fail('truncated');
  if (update.byteLength > header.byteLength) return fail('damaged');
  if ((await sha256Hex(update)) !== header.sha256) return fail('damaged');
  // A file is read whole anyway, so it is always tried on a scratch document.
  const probe = new Y.Doc();
  const verdict = applyRemoteUpdate(probe, update, BACKUP_ORIGIN, { scratchAboveBytes: 0 });
  const isWorkspace = verdict.ok && isInitialised(probe);
  probe.destroy();
  if (!verdict.ok) return refused(verdict);
  if (!isWorkspace) return fail('invalid');
  return { ok: true, header, update: update.slice() };
}

/**
 * Checks a workspace file and merges it into `doc` (a CRDT merge: nothing local is lost).
 * With `workspaceId`, a file from another workspace is refused. On any error `doc` is unchanged.
 */
export async function mergeBackupInto(
  doc: Y.Doc,
  file: Uint8Array,
  opts: { workspaceId?: string } = {},
): Promise<BackupResult> {
  const decoded = await decodeBackup(file);
  if (!decoded.ok) return decoded;
  if (opts.workspaceId !== undefined && decoded.header.workspaceId !== opts.workspaceId) {
    return fail('otherWorkspace');
  }
  const applied = applyRemoteUpdate(doc, decoded.update, BACKUP_ORIGIN, { scratchAboveBytes: 0 });
  if (!applied.ok) return refused(applied);
  return decoded;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.byteLength < prefix.byteLength) return false;
  for (let i = 0; i < prefix.byteLength; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * A file whose update the check refused: a value longer than Cadence keeps is said (which one,
 * how long), anything else is not a valid workspace.
 */
function refused(check: Extract<UpdateCheck, { ok: false }>): { ok: false; message: string } {
  const t = check.tooLong;
  if (!t) return fail('invalid');
  const size = `${t.size.toLocaleString('en')} ${t.unit}`;
  return {
    ok: false,
    message: `This workspace file cannot be opened: a value in it is longer than Cadence keeps (${t.field ?? 'one'} of ${size}, at most ${t.ceiling.toLocaleString('en')}). Nothing was changed.`,
  };
}

function fail(kind: keyof typeof BACKUP_MESSAGES): { ok: false; message: string } {
  return { ok: false, message: BACKUP_MESSAGES[kind] };
}
