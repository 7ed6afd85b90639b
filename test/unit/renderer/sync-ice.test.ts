import { describe, expect, it } from 'vitest';
import { formatIce, parseIce } from '../../../renderer/src/sync/ui/ice';

describe('ICE servers typed in the sync panel', () => {
  it('reads one server a line, with an optional username and credential, and shows them back', () => {
    const text = 'stun:stun.example.com:3478\n\n  turn:turn.example.com:3478 mara s3cret  ';
    const r = parseIce(text);
    expect(r).toEqual({
      ok: true,
      value: [
        { urls: 'stun:stun.example.com:3478' },
        { urls: 'turn:turn.example.com:3478', username: 'mara', credential: 's3cret' },
      ],
    });
    if (r.ok)
      expect(formatIce(r.value)).toBe(
        'stun:stun.example.com:3478\nturn:turn.example.com:3478 mara s3cret',
      );
  });

  it('names the line it cannot read', () => {
    const r = parseIce('stun:stun.example.com:3478\nhttp://not-ice.example.com');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^http:\/\/not-ice\.example\.com: /);
  });
});
