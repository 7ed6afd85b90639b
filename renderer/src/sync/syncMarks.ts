import { z } from 'zod';
import { lazySchema } from '../../../shared/model/lazySchema';
import { WORKSPACE_KEYS, type KeyValueStorage } from '../workspace/localKeys';

/**
 * What this machine remembers between sessions about a workspace's sync: when it last
 * exchanged changes with a peer, and which drops were changed while no peer could receive
 * them (shown as "not yet sent" until a peer has them).
 */
export interface SyncMarks {
  lastSyncedAt: number | null;
  unsentSince: number | null;
  unsentDropIds: string[];
}

const syncMarksSchema = lazySchema(() =>
  z.object({
    lastSyncedAt: z.number().nullable(),
    unsentSince: z.number().nullable(),
    unsentDropIds: z.array(z.string().max(100)).max(100_000),
  }),
);

const key = WORKSPACE_KEYS.syncMarks;

export const EMPTY_MARKS: SyncMarks = { lastSyncedAt: null, unsentSince: null, unsentDropIds: [] };

export function loadSyncMarks(
  storage: KeyValueStorage | undefined,
  workspaceId: string,
): SyncMarks {
  if (!storage) return EMPTY_MARKS;
  try {
    const parsed = syncMarksSchema().safeParse(
      JSON.parse(storage.getItem(key(workspaceId)) ?? 'null'),
    );
    return parsed.success ? parsed.data : EMPTY_MARKS;
  } catch {
    return EMPTY_MARKS;
  }
}

export function saveSyncMarks(
  storage: KeyValueStorage | undefined,
  workspaceId: string,
  marks: SyncMarks,
): void {
  try {
    storage?.setItem(key(workspaceId), JSON.stringify(marks));
  } catch {
    // A full or blocked storage only loses the marks, never the edits.
  }
}
