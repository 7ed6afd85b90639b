import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerHashes, hashCustomer } from '../../../shared/results';

// The import worker starts hashing each customer as it reads their row, and asks for every
// hash once the file is read: the hashes must be those of `hashCustomer` (a re-import must
// count the same customers), each customer worked out once however often they ordered.
describe('customer hashes started while a file is read', () => {
  afterEach(() => vi.restoreAllMocks());
  const SALT = 's'.repeat(32);

  it('are the salted hashes, one digest per customer however it is written', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    const hashes = new CustomerHashes(SALT);
    void hashes.hash('Ana@Example.com');
    void hashes.hash(' ana@example.com ');
    void hashes.hash('ben@example.com');
    expect(digest).toHaveBeenCalledTimes(2); // started while reading
    const byEmail = await hashes.of(['ana@example.com', 'Ana@Example.com', 'ben@example.com', '']);
    expect(digest).toHaveBeenCalledTimes(2); // nothing worked out twice
    expect(byEmail.get('Ana@Example.com')).toBe(await hashCustomer(SALT, 'ana@example.com'));
    expect(byEmail.get('ana@example.com')).toBe(byEmail.get('Ana@Example.com'));
    expect(byEmail.get('ben@example.com')).toBe(await hashCustomer(SALT, 'ben@example.com'));
    expect(byEmail.get('')).toBeNull();
  });

  it('report a failed digest when asked for, not before', async () => {
    vi.spyOn(globalThis.crypto.subtle, 'digest').mockRejectedValue(new Error('no crypto'));
    const unhandled: unknown[] = [];
    // Only this test's listener while it runs (the runner's own would fail the run on the
    // control below), the runner's put back after.
    const runners = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', (e) => unhandled.push(e));
    try {
      const hashes = new CustomerHashes(SALT);
      void hashes.hash('ana@example.com');
      // Positive control: a rejection nobody handles, made at the same time, is reported
      // within the same wait (Node reports unhandled rejections before the next timer).
      const control = new Error('control');
      void Promise.reject(control);
      await new Promise((r) => setTimeout(r, 0));
      expect(unhandled).toEqual([control]);
      await expect(hashes.of(['ana@example.com'])).rejects.toThrow('no crypto');
    } finally {
      process.removeAllListeners('unhandledRejection');
      for (const l of runners) process.on('unhandledRejection', l);
    }
  });
});
