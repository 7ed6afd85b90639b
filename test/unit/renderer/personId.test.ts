import { describe, expect, it } from 'vitest';
import { APP_KEYS, localPersonId, memoryStorage } from '../../../renderer/src/workspace';

// This computer's id for its person: what makes their own results entries read "by you".
describe("the person's id on this computer", () => {
  it('is made once and kept, so it outlives a session and a name given later', () => {
    const storage = memoryStorage();
    const id = localPersonId(storage);
    expect(id).toMatch(/^p_[a-z0-9]{16}$/);
    expect(storage.getItem(APP_KEYS.personId)).toBe(id);
    expect(localPersonId(storage)).toBe(id);
    // Another computer (storage) has its own.
    expect(localPersonId(memoryStorage())).not.toBe(id);
  });

  it('replaces a damaged stored id', () => {
    const storage = memoryStorage();
    storage.setItem(APP_KEYS.personId, '{"not":"an id"}');
    const id = localPersonId(storage);
    expect(id).toMatch(/^p_[a-z0-9]{16}$/);
    expect(localPersonId(storage)).toBe(id);
  });

  it('stays the same for the session when the storage refuses to keep it', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const id = localPersonId(full);
    expect(localPersonId(full)).toBe(id);
  });
});
