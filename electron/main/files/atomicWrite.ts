import fs from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

// Write to a temporary file beside the target, flush it to disk (fsync), rename it over the
// target, then flush the folder so the rename itself survives a power cut. A crash at any
// point leaves either the old file or the new one, never a truncated or empty one.

/** The file operations a durable write needs (injectable so tests can check their order). */
export interface DurableFs {
  mkdir(dir: string): Promise<void>;
  /** Opens `file` for writing ('w') or a folder for reading ('r'). */
  open(file: string, flags: 'w' | 'r'): Promise<DurableHandle>;
  rename(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export interface DurableHandle {
  write(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeDurableFs: DurableFs = {
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
  open: async (file, flags) => {
    const handle = await open(file, flags);
    return {
      write: (data) => handle.writeFile(data),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  remove: (file) => rm(file, { force: true }),
};

export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  ops: DurableFs = nodeDurableFs,
): Promise<void> {
  const dir = path.dirname(file);
  await ops.mkdir(dir);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await ops.open(tmp, 'w');
    try {
      await handle.write(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(tmp, file);
  } catch (error) {
    await ops.remove(tmp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir, ops);
}

// Flushes a folder's entries (the rename). Windows cannot open a folder for fsync; there
// NTFS journals the rename itself, so a refusal is not an error.
async function syncDir(dir: string, ops: DurableFs): Promise<void> {
  let handle: DurableHandle;
  try {
    handle = await ops.open(dir, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (process.platform !== 'win32' && code !== 'EINVAL' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  if (process.platform === 'win32') return;
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } catch {
    // Some file systems refuse fsync on a folder; the file itself is on disk.
  } finally {
    fs.closeSync(dirFd);
  }
}

/** The file's text, or null if it does not exist or cannot be read. */
export function readTextOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
