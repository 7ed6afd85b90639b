import { afterEach, describe, expect, it, vi } from 'vitest';
import { Doc } from 'yjs';
import { decodeInvite, inviteFor } from '../../../shared/sync/invite';
import { newSyncSettings, rotatePassword } from '../../../shared/sync/settings';
import { WorkspaceSync } from '../../../renderer/src/sync/WorkspaceSync';

// Notices about passwords are told once: a stranger's app knocks with every announce, and a
// notice per message (15 in 12 s) said nothing more than the first.

afterEach(() => {
  vi.useRealTimers();
});

describe('password notices', () => {
  it('a wrong password is shown once, however many messages, and stays dismissed', async () => {
    vi.useFakeTimers();
    const sync = new WorkspaceSync({
      workspaceId: 'w_notices',
      doc: new Doc(),
      settings: { ...newSyncSettings(), enabled: false },
      user: { name: 'Ines', colour: '#c2410c' },
      log: () => {},
    });
    const shown = () => sync.getSnapshot().notices.map((n) => [n.kind, n.count]);
    for (let i = 0; i < 10; i++) sync.reportWrongPassword();
    expect(shown()).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(shown()).toEqual([['wrong-password', 1]]);
    for (let i = 0; i < 10; i++) {
      sync.reportWrongPassword();
      vi.advanceTimersByTime(2_000);
    }
    expect(shown()).toEqual([['wrong-password', 1]]);
    sync.dismissNotice('wrong-password');
    sync.reportWrongPassword();
    vi.advanceTimersByTime(5_000);
    expect(shown()).toEqual([]);
    vi.useRealTimers();
    await sync.destroy();
  });

  it('rotating keeps the last three old passwords here, and no invite carries them', () => {
    let s = newSyncSettings();
    const first = s.password;
    s = rotatePassword(s);
    expect(s.retired).toEqual([first]);
    expect(s.password).not.toBe(first);
    for (let i = 0; i < 4; i++) s = rotatePassword(s);
    expect(s.retired).toHaveLength(3);
    const decoded = decodeInvite(inviteFor('w_x', 'Harbour', s));
    if (!decoded.ok) throw new Error(decoded.message);
    const carried = JSON.stringify(decoded.invite);
    expect(carried).toContain(s.password);
    for (const old of s.retired!) expect(carried).not.toContain(old);
  });
});
