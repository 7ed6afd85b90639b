import path from 'node:path';
import type {
  BackupForgetRequest,
  BackupForgetResult,
  BackupWriteRequest,
  BackupWriteResult,
} from '../../../shared/ipc/contract';
import type { BackupResult } from '../../../shared/sync/backupFile';
import { messageOf } from '../files/saveWithDialog';
import {
  BACKUPS_KEPT,
  backupFileName,
  latestBackup,
  parseBackupFileName,
  planRotation,
} from './rotation';

export interface BackupDeps {
  /** userData/backups */
  root: string;
  /** Checks a workspace file (shared/sync decodeBackup). */
  decode(file: Uint8Array): Promise<BackupResult>;
  listDir(dir: string): Promise<string[]>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
  remove(file: string): Promise<void>;
  now(): number;
  keep?: number;
}

/**
 * Writes a workspace's latest backup and drops the oldest beyond the last ten or 30 days. The file is
 * checked first (a damaged or foreign file is refused, never kept as a "backup"); a file with
 * the same content as the newest backup is not written twice, so ten backups are ten states.
 */
export async function writeRollingBackup(
  req: BackupWriteRequest,
  deps: BackupDeps,
): Promise<BackupWriteResult> {
  const checked = await deps.decode(req.file);
  if (!checked.ok) return { ok: false, message: `The backup was not written: ${checked.message}` };
  if (checked.header.workspaceId !== req.workspaceId) {
    return {
      ok: false,
      message: 'The backup was not written: the file belongs to another workspace.',
    };
  }
  const dir = path.join(deps.root, req.workspaceId);
  try {
    const existing = await deps.listDir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const newest = latestBackup(existing);
    const checksum = checked.header.sha256.slice(0, 12);
    if (newest && parseBackupFileName(newest)?.checksum === checksum) {
      return {
        ok: true,
        path: path.join(dir, newest),
        kept: planRotation(existing, deps.keep ?? BACKUPS_KEPT, deps.now()).kept.length,
        unchanged: true,
      };
    }
    const now = deps.now();
    const name = backupFileName(now, checked.header.sha256);
    // Written durably (fsync, rename, fsync the folder) before any old backup is removed.
    await deps.writeFile(path.join(dir, name), req.file);
    const { kept, removed } = planRotation([...existing, name], deps.keep ?? BACKUPS_KEPT, now);
    for (const old of removed) await deps.remove(path.join(dir, old));
    return { ok: true, path: path.join(dir, name), kept: kept.length, unchanged: false };
  } catch (error) {
    return { ok: false, message: `The backup could not be written: ${messageOf(error)}` };
  }
}

/**
 * Removes every backup of a workspace (deleted, or left with "remove now"): rotation would
 * otherwise keep its newest backup for good, since nothing is written for it again. Files that
 * are not backups (a note the person put there) are left alone.
 */
export async function forgetRollingBackups(
  req: BackupForgetRequest,
  deps: BackupDeps,
): Promise<BackupForgetResult> {
  const dir = path.join(deps.root, req.workspaceId);
  try {
    const existing = await deps.listDir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const backups = existing.filter((name) => parseBackupFileName(name) !== null);
    for (const name of backups) await deps.remove(path.join(dir, name));
    return { ok: true, removed: backups.length };
  } catch (error) {
    return { ok: false, message: `The backups could not be removed: ${messageOf(error)}` };
  }
}
