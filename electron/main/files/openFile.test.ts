import { describe, expect, it, vi } from 'vitest';
import { MAX_OPEN_BYTES, openWithDialog } from './openFile';

function deps(chosen: string | null, size = 10) {
  return {
    chooseOpenPath: vi.fn(async () => chosen ?? undefined),
    fileSize: vi.fn(async () => size),
    readFile: vi.fn(async () => new Uint8Array([1, 2])),
  };
}

describe('openWithDialog', () => {
  it('reads the chosen file', async () => {
    expect(await openWithDialog({ filters: [] }, deps('/tmp/linen.cadence'))).toEqual({
      ok: true,
      path: '/tmp/linen.cadence',
      name: 'linen.cadence',
      data: new Uint8Array([1, 2]),
    });
  });

  it('reads nothing when cancelled', async () => {
    const d = deps(null);
    expect(await openWithDialog({ filters: [] }, d)).toEqual({ ok: false, reason: 'cancelled' });
    expect(d.readFile).not.toHaveBeenCalled();
  });

  it('refuses a huge file before reading it', async () => {
    const d = deps('/tmp/movie.mkv', MAX_OPEN_BYTES + 1);
    expect(await openWithDialog({ filters: [] }, d)).toEqual({
      ok: false,
      reason: 'error',
      message: 'movie.mkv is larger than 256 MB; it is not a Cadence workspace file.',
    });
    expect(d.readFile).not.toHaveBeenCalled();
  });

  it('names a file with a direction override or a line break as one plain line', async () => {
    const huge = deps('/tmp/movie\u202Evkm.exe', MAX_OPEN_BYTES + 1);
    expect(await openWithDialog({ filters: [] }, huge)).toMatchObject({
      message: 'movie vkm.exe is larger than 256 MB; it is not a Cadence workspace file.',
    });
    const locked = deps('/tmp/locked\n\u202Eesadac.cadence');
    locked.readFile.mockRejectedValueOnce(
      new Error("EACCES: permission denied, open '/tmp/locked\n\u202Eesadac.cadence'"),
    );
    const read = await openWithDialog({ filters: [] }, locked);
    expect(read).toMatchObject({
      message:
        "Could not read /tmp/locked esadac.cadence: EACCES: permission denied, open '/tmp/locked esadac.cadence'",
    });
  });

  it('reports an unreadable file', async () => {
    const d = deps('/tmp/locked.cadence');
    d.readFile.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    expect(await openWithDialog({ filters: [] }, d)).toMatchObject({
      ok: false,
      reason: 'error',
      message: 'Could not read /tmp/locked.cadence: EACCES: permission denied',
    });
  });
});
