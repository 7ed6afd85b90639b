import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createDrop,
  initWorkspace,
  readBoard,
  readMeta,
  readStages,
  updateDrop,
} from '../../../shared/model';
import {
  BACKUP_MESSAGES,
  decodeBackup,
  encodeBackup,
  mergeBackupInto,
} from '../../../shared/sync/backupFile';

function workspace(): Y.Doc {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Harbour Label', now: 1_700_000_000_000 });
  const [concept, brief] = readStages(doc);
  createDrop(doc, { stageId: concept!.id, title: 'Linen on the harbour wall' });
  createDrop(doc, { stageId: brief!.id, title: 'Café pop-up capsule', inventory: 120 });
  return doc;
}

const titles = (doc: Y.Doc) =>
  readBoard(doc)
    .flatMap((c) => c.drops.map((d) => d.title))
    .sort();

const state = (doc: Y.Doc) => Array.from(Y.encodeStateAsUpdate(doc)).join(',');

describe('workspace files', () => {
  it('round-trip a workspace into an empty document', async () => {
    const doc = workspace();
    const file = await encodeBackup(doc, { workspaceId: 'w_1', now: 5 });
    const head = new TextDecoder().decode(file.subarray(0, 1000)).split('\n');
    expect(head[0]).toBe('CADENCE-WS');
    expect(JSON.parse(head[1]!)).toMatchObject({
      format: 1,
      workspaceId: 'w_1',
      name: 'Harbour Label',
    });

    const restored = new Y.Doc();
    const result = await mergeBackupInto(restored, file);
    expect(result.ok).toBe(true);
    expect(titles(restored)).toEqual(titles(doc));
    expect(readMeta(restored).name).toBe('Harbour Label');
  });

  it('merge into a copy that changed since: both sides are kept', async () => {
    const doc = workspace();
    const laptop = new Y.Doc();
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(doc));
    createDrop(doc, { stageId: readStages(doc)[0]!.id, title: 'Beach shoot' });
    const [drop] = readBoard(laptop)[0]!.drops;
    updateDrop(laptop, drop!.id, { title: 'Linen, retitled offline' });
    const file = await encodeBackup(doc, { workspaceId: 'w_1' });
    expect((await mergeBackupInto(laptop, file, { workspaceId: 'w_1' })).ok).toBe(true);
    expect(titles(laptop)).toEqual([
      'Beach shoot',
      'Café pop-up capsule',
      'Linen, retitled offline',
    ]);
  });

  it('refuses a truncated file at any length and changes nothing', async () => {
    const file = await encodeBackup(workspace(), { workspaceId: 'w_1' });
    const target = workspace();
    const before = state(target);
    const step = Math.max(1, Math.floor(file.length / 60));
    for (let len = 1; len < file.length; len += step) {
      const result = await mergeBackupInto(target, file.subarray(0, len));
      expect(result.ok, `cut at ${len}`).toBe(false);
      if (!result.ok)
        expect([BACKUP_MESSAGES.truncated, BACKUP_MESSAGES.damaged]).toContain(result.message);
    }
    const cut = await decodeBackup(file.subarray(0, file.length - 10));
    expect(cut).toEqual({ ok: false, message: BACKUP_MESSAGES.truncated });
    expect(state(target)).toBe(before);
  });

  it('refuses a file with a changed byte (checksum)', async () => {
    const file = await encodeBackup(workspace(), { workspaceId: 'w_1' });
    const target = workspace();
    const before = state(target);
    const corrupt = file.slice();
    corrupt[corrupt.length - 20]! ^= 0x40;
    expect(await mergeBackupInto(target, corrupt)).toEqual({
      ok: false,
      message: BACKUP_MESSAGES.damaged,
    });
    expect(state(target)).toBe(before);
  });

  it('refuses foreign files, newer formats and other workspaces', async () => {
    const doc = workspace();
    const file = await encodeBackup(doc, { workspaceId: 'w_1' });
    expect(await decodeBackup(new TextEncoder().encode('%PDF-1.7 hello'))).toEqual({
      ok: false,
      message: BACKUP_MESSAGES.foreign,
    });
    expect(await decodeBackup(new Uint8Array())).toEqual({
      ok: false,
      message: BACKUP_MESSAGES.foreign,
    });
    const text = new TextDecoder().decode(file.subarray(0, 400));
    const newer = new TextEncoder().encode(text.replace('"format":1', '"format":2'));
    expect((await decodeBackup(newer)) as unknown).toEqual({
      ok: false,
      message: BACKUP_MESSAGES.newer,
    });
    const before = state(doc);
    expect(await mergeBackupInto(doc, file, { workspaceId: 'w_2' })).toEqual({
      ok: false,
      message: BACKUP_MESSAGES.otherWorkspace,
    });
    expect(state(doc)).toBe(before);
  });

  it('refuses a well-formed file whose content is not a workspace', async () => {
    const notWorkspace = new Y.Doc();
    notWorkspace.getMap('evil').set('x', 1);
    const file = await encodeBackup(notWorkspace, { workspaceId: 'w_1' });
    expect(await decodeBackup(file)).toEqual({ ok: false, message: BACKUP_MESSAGES.invalid });
  });

  it('says which value of a file is longer than Cadence keeps, and changes nothing', async () => {
    // A drop title of 5,000,000 characters, written by hand (no Cadence writes one).
    const hostile = workspace();
    const [first] = readBoard(hostile).flatMap((c) => c.drops);
    const record = hostile.getMap('drops').get(first!.id) as Y.Map<unknown>;
    hostile.transact(() => record.set('title', 'x'.repeat(5_000_000)));
    const file = await encodeBackup(hostile, { workspaceId: 'w_1' });
    const expected = {
      ok: false,
      message:
        "This workspace file cannot be opened: a value in it is longer than Cadence keeps (a drop's title of 5,000,000 characters, at most 1,000). Nothing was changed.",
    };
    expect(await decodeBackup(file)).toEqual(expected);
    const doc = workspace();
    const before = state(doc);
    expect(await mergeBackupInto(doc, file, { workspaceId: 'w_1' })).toEqual(expected);
    expect(state(doc)).toBe(before);

    // Counted in characters, not bytes: 400,000 three-byte characters in the workspace's name.
    const named = workspace();
    named.transact(() => named.getMap('meta').set('name', '語'.repeat(400_000)));
    expect(await decodeBackup(await encodeBackup(named, { workspaceId: 'w_1' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("(the workspace's name of 400,000 characters, at most 500)"),
    });
    // Larger than any value may be (10 MB): said in bytes.
    const huge = workspace();
    huge.transact(() => huge.getMap('meta').set('notes', 'x'.repeat(10_000_000)));
    expect(await decodeBackup(await encodeBackup(huge, { workspaceId: 'w_1' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('(one of 10,000,000 bytes, at most 9,000,000)'),
    });
  });
});
