import { describe, expect, it } from 'vitest';
import { newSyncSettings, type SyncSettings } from '../../../shared/sync/settings';
import { newTeamServer } from '../../../shared/sync/teamServer';
import type { Invite } from '../../../shared/sync/invite';
import { applyInvite } from '../../../renderer/src/sync/joining';
import { reviewInvite, serverHost } from '../../../renderer/src/sync/inviteReview';

const memory = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};

const current: SyncSettings = {
  ...newSyncSettings(),
  signaling: ['wss://signal.mybrand.com'],
  server: newTeamServer('wss://cadence.mybrand.com'),
};
const sameWorkspace = (extra: Partial<Invite> = {}): Invite => ({
  workspaceId: 'w_harbour',
  name: 'Harbour Label',
  room: current.room,
  password: current.password,
  signaling: current.signaling,
  ...extra,
});

describe('what an invite review names', () => {
  it('the host an address connects to, never the user name before its @', () => {
    expect(serverHost('wss://cadence.mybrand.com@evil.example')).toBe('evil.example');
    expect(serverHost('wss://cadence.mybrand.com:443@evil.example:8443/x')).toBe('evil.example');
    expect(serverHost('ws://[::1]:1234')).toBe('[::1]');
    expect(serverHost(' ws://192.168.1.20:1234 ')).toBe('192.168.1.20');
    expect(serverHost('stun:stun.example.com:3478')).toBe('stun.example.com');
    expect(serverHost('turn:relay.mybrand.com@evil.example:3478')).toBe('evil.example');
  });

  it('the new team server in the warning, not the signaling servers already in use', () => {
    const r = reviewInvite(
      sameWorkspace({ server: newTeamServer('wss://evil.example') }),
      current,
      true,
    );
    expect(r.serversDiffer).toBe(true);
    expect(r.newHosts).toEqual(['evil.example']);
    expect(r.changes).toEqual(['the team server']);
  });

  it('a new access token on the same team server, without a warning', () => {
    const r = reviewInvite(
      sameWorkspace({ server: newTeamServer(current.server!.url) }),
      current,
      true,
    );
    expect(r.changes).toEqual(['the team server’s access token']);
    expect(r.serversDiffer).toBe(false);
  });

  it('an invite naming no team server keeps the one here, in the review and when joining', () => {
    expect(reviewInvite(sameWorkspace(), current, true).keptTeamServerHost).toBe(
      'cadence.mybrand.com',
    );
    const storage = memory();
    storage.setItem('cadence.sync.w_harbour', JSON.stringify(current));
    expect(applyInvite(storage, sameWorkspace(), true).server).toEqual(current.server);
    // Positive control: an invite with a team server replaces it.
    const other = newTeamServer('wss://team.mybrand.com');
    expect(applyInvite(storage, sameWorkspace({ server: other }), true).server).toEqual(other);
  });
});
