import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextOrNull, writeFileAtomic, writeFileAtomicSync } from './atomicWrite';

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
