import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeDurableFs,
  readTextOrNull,
  writeFileAtomic,
  writeFileAtomicSync,
  type DurableFs,
} from './atomicWrite';

describe('atomic writes', () => {
  it('creates folders, replaces the file and leaves no temporary file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cadence-atomic-'));
    const file = path.join(dir, 'nested', 'window-state.json');
    await writeFileAtomic(file, '{"a":1}');
    writeFileAtomicSync(file, '{"a":2}');
    expect(await readFile(file, 'utf8')).toBe('{"a":2}');
    expect(await readdir(path.dirname(file))).toEqual(['window-state.json']);
    expect(readTextOrNull(file)).toBe('{"a":2}');
    expect(readTextOrNull(path.join(dir, 'missing.json'))).toBeNull();
  });
});

/** Node's file operations, each call recorded in order. */
function recordingFs(failAt?: string) {
  const calls: string[] = [];
  const step = (name: string) => {
    calls.push(name);
    if (name === failAt) throw new Error(`disk full at ${name}`);
  };
  const ops: DurableFs = {
    mkdir: async (dir) => (step('mkdir'), nodeDurableFs.mkdir(dir)),
    open: async (file, flags) => {
      const what = flags === 'r' ? 'dir' : 'tmp';
      step(`open ${what}`);
      const h = await nodeDurableFs.open(file, flags);
      return {
        write: async (d) => (step(`write ${what}`), h.write(d)),
        sync: async () => (step(`fsync ${what}`), h.sync()),
        close: async () => (calls.push(`close ${what}`), h.close()),
      };
    },
    rename: async (a, b) => (step('rename'), nodeDurableFs.rename(a, b)),
    remove: async (f) => (calls.push('remove tmp'), nodeDurableFs.remove(f)),
  };
  return { ops, calls };
}

describe('durable writes (backups)', () => {
  it('writes the file, fsyncs it, renames it, then fsyncs the folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cadence-durable-'));
    const file = path.join(dir, 'backup.cadence');
    const { ops, calls } = recordingFs();
    await writeFileAtomic(file, 'state', ops);
    expect(calls).toEqual([
      'mkdir',
      'open tmp',
      'write tmp',
      'fsync tmp',
      'close tmp',
      'rename',
      'open dir',
      'fsync dir',
      'close dir',
    ]);
    expect(await readFile(file, 'utf8')).toBe('state');
  });

  it.each(['write tmp', 'fsync tmp', 'rename'])(
    'a failure at "%s" leaves the old file whole and no temporary file',
    async (failAt) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'cadence-durable-'));
      const file = path.join(dir, 'backup.cadence');
      await writeFileAtomic(file, 'old state');
      const { ops } = recordingFs(failAt);
      await expect(writeFileAtomic(file, 'new state', ops)).rejects.toThrow('disk full');
      expect(await readFile(file, 'utf8')).toBe('old state');
      expect(await readdir(dir)).toEqual(['backup.cadence']);
    },
  );
});
