import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { decodeInvite, encodeInvite, inviteFor } from '../../../shared/sync/invite';
import { newSyncSettings, saveSyncSettings, loadSyncSettings } from '../../../shared/sync/settings';
import { checkServerMessage } from '../../../shared/sync/serverMessage';
import { newTeamServer } from '../../../shared/sync/teamServer';
import { createDrop, initWorkspace, readStages } from '../../../shared/model';
import { applyInvite } from '../../../renderer/src/sync/joining';

const memory = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};

describe('invites with a team server', () => {
  it('carry the server address, document name and token, and joining stores them', () => {
    const settings = { ...newSyncSettings(), server: newTeamServer('wss://cadence.example.com') };
    const decoded = decodeInvite(inviteFor('w_harbour', 'Harbour Label', settings));
    expect(decoded.ok && decoded.invite.server).toEqual(settings.server);
    const storage = memory();
    if (!decoded.ok) throw new Error(decoded.message);
    expect(applyInvite(storage, decoded.invite, false).server).toEqual(settings.server);
    expect(loadSyncSettings(storage, 'w_harbour')?.server).toEqual(settings.server);
  });

  it('stay compatible: a code without a server decodes as before, and joins without one', () => {
    const settings = newSyncSettings();
    const code = inviteFor('w_harbour', 'Harbour Label', settings);
    const decoded = decodeInvite(code);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.invite.server).toBeUndefined();
    expect(applyInvite(memory(), decoded.invite, true).server).toBeUndefined();
    // Settings stored by an earlier build (no `server`) still load.
    const storage = memory();
    saveSyncSettings(storage, 'w_old', settings);
    expect(loadSyncSettings(storage, 'w_old')).toEqual(settings);
  });

  it('refuse a code whose server part is malformed, with the invalid-workspace message', () => {
    const base = { ...newSyncSettings(), server: newTeamServer('ws://10.0.0.2:1234') };
    const bad = encodeInvite({
      workspaceId: 'w_x',
      name: 'X',
      room: base.room,
      password: base.password,
      signaling: [],
      server: { ...base.server, url: 'http://not-a-socket' },
    });
    const decoded = decodeInvite(bad);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/does not contain a valid workspace/);
  });
});

describe('checkServerMessage (Hocuspocus framing)', () => {
  const frame = (type: number, sub: number, payload: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, 'doc-name-0123456789abcdef');
    encoding.writeVarUint(e, type);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, payload);
    return encoding.toUint8Array(e);
  };

  it('accepts a proper update and refuses one that writes outside the workspace', () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour', now: 0 });
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(remote);
    createDrop(remote, { stageId: readStages(remote)[0]!.id, title: 'Fine' });
    const good = Y.encodeStateAsUpdate(remote, sv);
    expect(checkServerMessage(doc, frame(0, 2, good))).toEqual({ ok: true });
    const sv2 = Y.encodeStateVector(remote);
    remote.getMap('evil').set('x', 1);
    const evil = Y.encodeStateAsUpdate(remote, sv2);
    const verdict = checkServerMessage(doc, frame(0, 2, evil));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/from the team server.*unknown part/);
    expect(checkServerMessage(doc, frame(0, 1, new Uint8Array([1, 2, 3]))).ok).toBe(false);
    expect(checkServerMessage(doc, new Uint8Array([200])).ok).toBe(false);
    expect(checkServerMessage(doc, frame(42, 0, new Uint8Array())).ok).toBe(false);
    // Messages without document content pass (auth, status, …).
    expect(checkServerMessage(doc, frame(8, 1, new Uint8Array())).ok).toBe(true);
  });
});

describe('server addresses with a #… part', () => {
  it('are kept without it: in the sync settings, in an invite, and from settings stored with one', () => {
    const server = { ...newTeamServer('ws://10.0.0.2:1234'), url: 'ws://10.0.0.2:1234/#team' };
    const settings = { ...newSyncSettings(), signaling: ['wss://signal.example.com/#x'], server };
    const storage = memory();
    const saved = saveSyncSettings(storage, 'w_frag', settings);
    expect(saved.server?.url).toBe('ws://10.0.0.2:1234/');
    expect(saved.signaling).toEqual(['wss://signal.example.com/']);
    // Stored by an earlier build, which kept the #: still loads, room and password kept.
    storage.setItem('cadence.sync.w_old', JSON.stringify(settings));
    expect(loadSyncSettings(storage, 'w_old')).toMatchObject({
      room: settings.room,
      password: settings.password,
      server: { url: 'ws://10.0.0.2:1234/' },
    });
    const decoded = decodeInvite(inviteFor('w_frag', 'Fragment', settings));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.invite.server?.url).toBe('ws://10.0.0.2:1234/');
    expect(decoded.invite.signaling).toEqual(['wss://signal.example.com/']);
    // Positive control: an address without one is kept exactly as typed.
    expect(
      saveSyncSettings(storage, 'w_plain', {
        ...settings,
        server: newTeamServer('ws://10.0.0.2:1234'),
      }).server?.url,
    ).toBe('ws://10.0.0.2:1234');
  });
});
