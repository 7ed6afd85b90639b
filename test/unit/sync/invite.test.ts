import { describe, expect, it } from 'vitest';
import {
  decodeInvite,
  encodeInvite,
  hasWayToConnect,
  INVITE_MAX_CHARS,
  INVITE_MESSAGES,
  INVITE_TOO_LONG_TO_SEND,
  inviteFor,
  inviteLink,
  parseInviteLink,
  parseWebInviteLink,
  webInviteLink,
  type Invite,
} from '../../../shared/sync/invite';
import {
  ensureSyncSettings,
  forgetSyncSettings,
  loadSyncSettings,
  newSyncSettings,
  rotatePassword,
  saveSyncSettings,
  type KeyValueStorage,
} from '../../../shared/sync/settings';
import { crc32, fromBase64Url, toBase64Url, utf8 } from '../../../shared/sync/bytes';

/** A code made by hand, as no Cadence writes it: whatever payload, with a correct checksum. */
function forgedCode(payload: Record<string, unknown>): string {
  const body = toBase64Url(utf8.encode(JSON.stringify(payload)));
  return `CAD1.${body}.${crc32(utf8.encode(body)).toString(36).padStart(7, '0')}`;
}

const invite: Invite = {
  workspaceId: 'w_abc123',
  name: 'Harbour Label — Spring drops',
  room: 'AAAAAAAAAAAAAAAAAAAAAA',
  password: 'BBBBBBBBBBBBBBBBBBBBBB',
  signaling: ['ws://192.168.1.20:4444'],
  ice: [{ urls: 'stun:stun.example.com:3478' }],
};

function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

describe('invite codes', () => {
  it('round-trips everything a teammate needs', () => {
    const code = encodeInvite(invite);
    expect(code.startsWith('CAD1.')).toBe(true);
    expect(decodeInvite(code)).toEqual({ ok: true, invite });
  });

  it('stays compact enough to paste in a chat', () => {
    expect(encodeInvite(invite).length).toBeLessThan(400);
  });

  it('accepts the cadence:// link and stray whitespace or line breaks', () => {
    const code = encodeInvite(invite);
    const link = inviteLink(code);
    expect(link.startsWith('cadence://join/CAD1.')).toBe(true);
    expect(parseInviteLink(link)).toBe(code);
    expect(decodeInvite(link)).toEqual({ ok: true, invite });
    const wrapped = `  ${code.slice(0, 40)}\n${code.slice(40)}  `;
    expect(decodeInvite(wrapped)).toEqual({ ok: true, invite });
  });

  it('says the code is incomplete when it was cut at any point', () => {
    const code = encodeInvite(invite);
    for (let len = 1; len < code.length; len++) {
      const result = decodeInvite(code.slice(0, len));
      expect(result.ok, `cut at ${len}`).toBe(false);
      if (!result.ok)
        expect([INVITE_MESSAGES.incomplete, INVITE_MESSAGES.damaged]).toContain(result.message);
    }
    const cutEnd = decodeInvite(code.slice(0, code.length - 3));
    expect(cutEnd).toEqual({ ok: false, message: INVITE_MESSAGES.incomplete });
  });

  it('detects a single changed character anywhere', () => {
    const code = encodeInvite(invite);
    for (let i = 5; i < code.length; i++) {
      const c = code[i] === 'x' ? 'y' : 'x';
      const typo = code.slice(0, i) + c + code.slice(i + 1);
      expect(decodeInvite(typo).ok, `changed at ${i}`).toBe(false);
    }
  });

  it('tells foreign text and newer versions apart', () => {
    expect(decodeInvite('hello there')).toEqual({ ok: false, message: INVITE_MESSAGES.foreign });
    expect(decodeInvite('https://example.com/x')).toEqual({
      ok: false,
      message: INVITE_MESSAGES.foreign,
    });
    expect(decodeInvite('')).toEqual({ ok: false, message: INVITE_MESSAGES.empty });
    const newer = encodeInvite(invite).replace(/^CAD1\./, 'CAD2.');
    expect(decodeInvite(newer)).toEqual({ ok: false, message: INVITE_MESSAGES.newer });
  });

  it('refuses a blank workspace name, and cleans a name no Cadence writes', () => {
    const forge = (n: string, f?: string) =>
      decodeInvite(
        forgedCode({
          v: 1,
          w: 'w_forged',
          n,
          r: invite.room,
          p: invite.password,
          s: invite.signaling,
          ...(f === undefined ? {} : { f }),
        }),
      );
    // Blank (spaces, or only control and direction characters): the join used to fail later
    // with the name check's raw JSON, after storing the invite's servers for no workspace.
    for (const blank of ['   ', '\u202e\u0007', '\n\t'])
      expect(forge(blank)).toEqual({ ok: false, message: INVITE_MESSAGES.invalid });
    const named = (n: string, f?: string) => {
      const r = forge(n, f);
      if (!r.ok) throw new Error(r.message);
      return r.invite;
    };
    expect(named('Line one\nLine two\u0000\u0007').name).toBe('Line one Line two');
    expect(named('Team \u202egnp.exe').name).toBe('Team gnp.exe');
    expect(named('  Harbour  ').name).toBe('Harbour');
    // Cut to a workspace name's 60 characters, never through an emoji.
    expect(named('W'.repeat(200)).name).toBe('W'.repeat(60));
    expect(named(`${'W'.repeat(59)}🌊🌊`).name).toBe('W'.repeat(59));
    expect(named('Harbour', '<b>Mal\u202elory</b>\n').from).toBe('<b>Mal lory</b>');
    expect(named('Harbour', '\u202e').from).toBeUndefined();
    // Positive control: an ordinary name is kept as it is.
    expect(named('Ткань & Co 🌾').name).toBe('Ткань & Co 🌾');
  });

  it('refuses to encode an invite with a weak room secret or a bad address', () => {
    expect(() => encodeInvite({ ...invite, password: 'short' })).toThrow();
    expect(() => encodeInvite({ ...invite, signaling: ['http://x'] })).toThrow(/signaling address/);
  });

  it('refuses a text far longer than any invite at once, and every real invite fits under it', () => {
    // A lot of long servers, as a team behind strict networks might list: it still fits.
    const url = (i: number) =>
      `turns:turn-${i}.${'relay'.repeat(40)}.example.com:443?transport=tcp`;
    const crowded: Invite = {
      ...invite,
      signaling: Array.from({ length: 16 }, (_, i) => `wss://${'s'.repeat(200)}-${i}.example.com`),
      ice: Array.from({ length: 16 }, (_, i) => ({
        urls: Array.from({ length: 4 }, (_, j) => url(i * 4 + j)),
        username: 'u'.repeat(200),
        credential: 'c'.repeat(500),
      })),
    };
    const code = encodeInvite(crowded);
    expect(code.length).toBeLessThan(INVITE_MAX_CHARS);
    expect(decodeInvite(code)).toEqual({ ok: true, invite: crowded });
    // A megabyte of made-up code: refused by its length, not read.
    const huge = `CAD1.${'A'.repeat(1_000_000)}.abcdefg`;
    expect(decodeInvite(huge)).toEqual({ ok: false, message: INVITE_MESSAGES.tooLong });
    expect(decodeInvite(`cadence://join/${huge}`)).toEqual({
      ok: false,
      message: INVITE_MESSAGES.tooLong,
    });
    // An address longer than any server's is refused as one.
    const longAddress = `turn:${'x'.repeat(600)}.example.com`;
    expect(() => encodeInvite({ ...invite, ice: [{ urls: longAddress }] })).toThrow(/too long/);
    // Every field within its limit, but all of them long and not plain ASCII: no invite can
    // carry them, and making one says so instead of writing a code no Cadence would read.
    const wide = (i: number) => `turn:${'é'.repeat(470)}-${i}.example.com`;
    const tooMany: Invite = {
      ...crowded,
      ice: crowded.ice!.map((s, i) => ({
        ...s,
        urls: Array.from({ length: 8 }, (_, j) => wide(i * 8 + j)),
      })),
    };
    expect(() => encodeInvite(tooMany)).toThrow(INVITE_TOO_LONG_TO_SEND);
  });
});

describe('sync settings', () => {
  it('creates a random room and password of at least 128 bits and no servers', () => {
    const a = newSyncSettings();
    const b = newSyncSettings();
    expect(fromBase64Url(a.room)!.length).toBeGreaterThanOrEqual(16);
    expect(fromBase64Url(a.password)!.length).toBeGreaterThanOrEqual(16);
    expect(a.room).not.toBe(b.room);
    expect(a.password).not.toBe(b.password);
    expect(a.signaling).toEqual([]);
    expect(a.ice).toEqual([]);
  });

  it('are stored per workspace on this machine and survive a reload', () => {
    const storage = memoryStorage();
    const s = ensureSyncSettings(storage, 'w_1');
    expect(ensureSyncSettings(storage, 'w_1')).toEqual(s);
    expect(loadSyncSettings(storage, 'w_2')).toBeNull();
    saveSyncSettings(storage, 'w_1', { ...s, signaling: ['ws://10.0.0.5:4444'] });
    expect(loadSyncSettings(storage, 'w_1')?.signaling).toEqual(['ws://10.0.0.5:4444']);
    forgetSyncSettings(storage, 'w_1');
    expect(loadSyncSettings(storage, 'w_1')).toBeNull();
  });

  it('rejects a bad signaling address with a clear message and keeps the old settings', () => {
    const storage = memoryStorage();
    const s = ensureSyncSettings(storage, 'w_1');
    expect(() => saveSyncSettings(storage, 'w_1', { ...s, signaling: ['192.168.1.2'] })).toThrow(
      /ws:\/\//,
    );
    expect(loadSyncSettings(storage, 'w_1')).toEqual(s);
  });

  it('rotating the password keeps the room and changes the invite', () => {
    const s = newSyncSettings();
    const r = rotatePassword(s);
    expect(r.room).toBe(s.room);
    expect(r.password).not.toBe(s.password);
    expect(inviteFor('w_1', 'Label', r)).not.toBe(inviteFor('w_1', 'Label', s));
  });
});

describe('sharing links and who invites', () => {
  const settings = { ...newSyncSettings(), signaling: ['ws://192.168.1.20:4444/?token=t'] };

  it('carries the inviter’s name, and codes without it still decode', () => {
    const withFrom = decodeInvite(inviteFor('w_1', 'Saltmarsh Studio', settings, 'Ines'));
    expect(withFrom.ok && withFrom.invite.from).toBe('Ines');
    const without = decodeInvite(inviteFor('w_1', 'Saltmarsh Studio', settings));
    expect(without.ok && 'from' in without.invite).toBe(false);
  });

  it('opens the web app with the code in the fragment, and reads it back', () => {
    const code = inviteFor('w_1', 'Saltmarsh Studio', settings);
    const link = webInviteLink('https://cadence.example.com/app/?ws=w_9#/board', code);
    expect(link).toBe(`https://cadence.example.com/app/?ws=w_9#/join/${code}`);
    expect(parseWebInviteLink(link)).toBe(code);
    expect(parseWebInviteLink(`#/join/${code}`)).toBe(code);
    expect(parseWebInviteLink('https://cadence.example.com/#/board')).toBeNull();
    const decoded = decodeInvite(link);
    expect(decoded.ok && decoded.invite.workspaceId).toBe('w_1');
  });

  it('has a way to connect only with a signaling address or a team server', () => {
    expect(hasWayToConnect({ signaling: [] })).toBe(false);
    expect(hasWayToConnect(settings)).toBe(true);
    expect(
      hasWayToConnect({
        signaling: [],
        server: {
          url: 'wss://cadence.example.com',
          document: 'd'.repeat(22),
          token: 't'.repeat(22),
        },
      }),
    ).toBe(true);
  });
});
