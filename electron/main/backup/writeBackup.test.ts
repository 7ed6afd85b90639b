import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initWorkspace, renameWorkspace } from '../../../shared/model/workspace';
import { decodeBackup, encodeBackup } from '../../../shared/sync/backupFile';
import { writeFileAtomic } from '../files/atomicWrite';
import { forgetRollingBackups, writeRollingBackup, type BackupDeps } from './writeBackup';

async function setup(keep = 10) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cadence-backups-'));
  let clock = Date.UTC(2026, 10, 21, 9, 0, 0);
  const deps: BackupDeps = {
    root,
    decode: decodeBackup,
    listDir: (dir) => readdir(dir),
    writeFile: (file, data) => writeFileAtomic(file, data),
    remove: (file) => rm(file),
    now: () => (clock += 60_000),
    keep,
  };
  return { root, deps };
}

function workspace(name: string) {
  const doc = new Y.Doc();
  initWorkspace(doc, { name, now: 1 });
  return doc;
}

describe('writeRollingBackup', () => {
  it('keeps the last ten states of a workspace, newest first to survive', async () => {
    const { root, deps } = await setup();
    const doc = workspace('Maison Linen');
    const written: string[] = [];
    for (let i = 0; i < 12; i++) {
      renameWorkspace(doc, `Maison Linen ${i}`);
      const result = await writeRollingBackup(
        { workspaceId: 'w_linen', file: await encodeBackup(doc, { workspaceId: 'w_linen' }) },
        deps,
      );
      expect(result).toMatchObject({ ok: true, unchanged: false });
      if (result.ok) written.push(path.basename(result.path));
    }
    const files = (await readdir(path.join(root, 'w_linen'))).sort();
    expect(files).toEqual(written.slice(2));
    // The newest backup restores the newest state.
    const newest = await decodeBackup(
      new Uint8Array(await readFile(path.join(root, 'w_linen', files.at(-1)!))),
    );
    expect(newest.ok && newest.header.name).toBe('Maison Linen 11');
  });

  it('does not write the same state twice in a row', async () => {
    const { root, deps } = await setup();
    const doc = workspace('Maison Linen');
    const file = await encodeBackup(doc, { workspaceId: 'w_linen', now: 1 });
    const first = await writeRollingBackup({ workspaceId: 'w_linen', file }, deps);
    const again = await encodeBackup(doc, { workspaceId: 'w_linen', now: 2 });
    const second = await writeRollingBackup({ workspaceId: 'w_linen', file: again }, deps);
    expect(second).toMatchObject({ ok: true, unchanged: true, kept: 1 });
    expect(first.ok && second.ok && first.path === second.path).toBe(true);
    expect(await readdir(path.join(root, 'w_linen'))).toHaveLength(1);
  });

  it('refuses a damaged file or one of another workspace, and leaves the backups alone', async () => {
    const { root, deps } = await setup();
    const doc = workspace('Maison Linen');
    const file = await encodeBackup(doc, { workspaceId: 'w_linen' });
    await writeRollingBackup({ workspaceId: 'w_linen', file }, deps);
    const cut = await writeRollingBackup(
      { workspaceId: 'w_linen', file: file.subarray(0, file.length - 5) },
      deps,
    );
    expect(cut).toEqual({ ok: false, message: expect.stringContaining('incomplete') });
    const foreign = await writeRollingBackup({ workspaceId: 'w_other', file }, deps);
    expect(foreign).toEqual({ ok: false, message: expect.stringContaining('another workspace') });
    expect(await readdir(path.join(root, 'w_linen'))).toHaveLength(1);
    await expect(readdir(path.join(root, 'w_other'))).rejects.toThrow();
  });

  it('leaves files the user put in the folder', async () => {
    const { root, deps } = await setup(2);
    const doc = workspace('Maison Linen');
    await writeRollingBackup(
      { workspaceId: 'w_linen', file: await encodeBackup(doc, { workspaceId: 'w_linen' }) },
      deps,
    );
    await writeFile(path.join(root, 'w_linen', 'README.txt'), 'my notes');
    for (let i = 0; i < 3; i++) {
      renameWorkspace(doc, `v${i}`);
      await writeRollingBackup(
        { workspaceId: 'w_linen', file: await encodeBackup(doc, { workspaceId: 'w_linen' }) },
        deps,
      );
    }
    const files = await readdir(path.join(root, 'w_linen'));
    expect(files).toContain('README.txt');
    expect(files).toHaveLength(3);
  });
});

describe('forgetRollingBackups', () => {
  it("removes every backup of one workspace, and nothing of another or that isn't a backup", async () => {
    const { root, deps } = await setup();
    for (const id of ['w_linen', 'w_denim']) {
      const doc = workspace(id);
      for (let i = 0; i < 3; i++) {
        renameWorkspace(doc, `${id} ${i}`);
        await writeRollingBackup(
          { workspaceId: id, file: await encodeBackup(doc, { workspaceId: id }) },
          deps,
        );
      }
    }
    await writeFile(path.join(root, 'w_linen', 'notes.txt'), 'mine');
    expect(await forgetRollingBackups({ workspaceId: 'w_linen' }, deps)).toEqual({
      ok: true,
      removed: 3,
    });
    expect(await readdir(path.join(root, 'w_linen'))).toEqual(['notes.txt']);
    // The other workspace keeps its three (positive control).
    expect(await readdir(path.join(root, 'w_denim'))).toHaveLength(3);
    // A workspace that never had a backup is fine.
    expect(await forgetRollingBackups({ workspaceId: 'w_none' }, deps)).toEqual({
      ok: true,
      removed: 0,
    });
  });
});
