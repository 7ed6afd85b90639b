import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  requestPersistentStorage,
  resetPersistentStorageRequest,
} from '../../../renderer/src/workspace/persistentStorage';

describe('persistent storage', () => {
  beforeEach(() => resetPersistentStorageRequest());

  it('asks the browser to keep storage when it is not yet persistent', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    await expect(requestPersistentStorage(storage)).resolves.toBe('granted');
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('reports a refusal, and asks only once per page', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => false) };
    await expect(requestPersistentStorage(storage)).resolves.toBe('not-granted');
    await expect(requestPersistentStorage(storage)).resolves.toBe('not-granted');
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when storage is already persistent', async () => {
    const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) };
    await expect(requestPersistentStorage(storage)).resolves.toBe('granted');
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('says so when the browser has no way to ask', async () => {
    await expect(requestPersistentStorage(undefined)).resolves.toBe('unsupported');
  });
});
