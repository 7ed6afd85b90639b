import { afterEach, describe, expect, it, vi } from 'vitest';
import { Doc } from 'yjs';
import { decodeInvite, inviteFor } from '../../../shared/sync/invite';
import { newSyncSettings, rotatePassword } from '../../../shared/sync/settings';
import {
  JOINER_WRONG_PASSWORD_MESSAGE,
  WorkspaceSync,
  WRONG_PASSWORD_MESSAGE,
} from '../../../renderer/src/sync/WorkspaceSync';
import { WORKSPACE_KEYS } from '../../../renderer/src/workspace/localKeys';

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

  it('tells a copy still waiting for its board that its own invite has the wrong password', async () => {
    vi.useFakeTimers();
    const storage = new Map<string, string>();
    const kv = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    };
    const open = (workspaceId: string) =>
      new WorkspaceSync({
        workspaceId,
        doc: new Doc(),
        settings: { ...newSyncSettings(), enabled: false },
        user: { name: 'Mal', colour: '#c2410c' },
        storage: kv,
        log: () => {},
      });
    kv.setItem(WORKSPACE_KEYS.awaitingFirstSync('w_joined'), '1');
    const joined = open('w_joined');
    const team = open('w_team');
    for (const sync of [joined, team]) sync.reportWrongPassword();
    vi.advanceTimersByTime(2_000);
    const said = (sync: WorkspaceSync) => sync.getSnapshot().notices.map((n) => n.message);
    expect(said(joined)).toEqual([JOINER_WRONG_PASSWORD_MESSAGE]);
    // The team's copy is told someone else tried (the positive control).
    expect(said(team)).toEqual([WRONG_PASSWORD_MESSAGE]);
    vi.useRealTimers();
    await Promise.all([joined.destroy(), team.destroy()]);
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
