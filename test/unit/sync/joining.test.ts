import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '../../../shared/sync/settings';
import { loadSyncSettings, newSyncSettings, saveSyncSettings } from '../../../shared/sync/settings';
import {
  applyInvite,
  isAwaitingFirstSync,
  markFirstSyncDone,
  seedForJoined,
} from '../../../renderer/src/sync/joining';
import { loadLocalUser, saveLocalUser } from '../../../renderer/src/sync/localUser';
import { loadSyncMarks, saveSyncMarks } from '../../../renderer/src/sync/syncMarks';
import { decodeInvite, encodeInvite } from '../../../shared/sync/invite';

function memory(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

const invite = {
  workspaceId: 'w_team123',
  name: 'Harbour Label',
  room: newSyncSettings().room,
  password: newSyncSettings().password,
  signaling: ['ws://10.0.0.2:4444'],
};

describe('joining a workspace', () => {
  it('a new workspace waits for its board instead of seeding its own stages', () => {
    const storage = memory();
    applyInvite(storage, invite, false);
    expect(loadSyncSettings(storage, 'w_team123')).toMatchObject({
      room: invite.room,
      password: invite.password,
      signaling: invite.signaling,
      enabled: true,
    });
    expect(isAwaitingFirstSync(storage, 'w_team123')).toBe(true);
    const { seed } = seedForJoined(storage, 'w_team123');
    expect(seed).toBeTypeOf('function');
    markFirstSyncDone(storage, 'w_team123');
    expect(seedForJoined(storage, 'w_team123')).toEqual({});
  });

  it('an existing workspace keeps its document and takes the new room, keeping its ICE servers', () => {
    const storage = memory();
    saveSyncSettings(storage, 'w_team123', {
      ...newSyncSettings(),
      ice: [{ urls: 'stun:stun.example.com' }],
    });
    applyInvite(storage, invite, true);
    expect(isAwaitingFirstSync(storage, 'w_team123')).toBe(false);
    expect(loadSyncSettings(storage, 'w_team123')?.ice).toEqual([
      { urls: 'stun:stun.example.com' },
    ]);
    expect(loadSyncSettings(storage, 'w_team123')?.password).toBe(invite.password);
  });

  it('refuses an invite whose workspace id could not be a Cadence workspace', () => {
    expect(() => encodeInvite({ ...invite, workspaceId: '../../etc' })).toThrow();
    expect(decodeInvite(encodeInvite(invite)).ok).toBe(true);
  });
});

describe('things remembered on this machine', () => {
  it('the local name and colour, validated', () => {
    const storage = memory();
    expect(loadLocalUser(storage)).toBeNull();
    saveLocalUser(storage, { name: 'Ines', colour: '#0f766e' });
    expect(loadLocalUser(storage)).toEqual({ name: 'Ines', colour: '#0f766e' });
    expect(() => saveLocalUser(storage, { name: '  ', colour: '#0f766e' })).toThrow(
      'Tell your teammates who you are.',
    );
    storage.setItem('cadence.localUser.v1', '{broken');
    expect(loadLocalUser(storage)).toBeNull();
  });

  it('sync marks survive a restart and a damaged entry is ignored', () => {
    const storage = memory();
    saveSyncMarks(storage, 'w_1', { lastSyncedAt: 5, unsentSince: 3, unsentDropIds: ['d_1'] });
    expect(loadSyncMarks(storage, 'w_1')).toEqual({
      lastSyncedAt: 5,
      unsentSince: 3,
      unsentDropIds: ['d_1'],
    });
    storage.setItem('cadence.syncMarks.w_1', '"nope"');
    expect(loadSyncMarks(storage, 'w_1')).toEqual({
      lastSyncedAt: null,
      unsentSince: null,
      unsentDropIds: [],
    });
  });
});
