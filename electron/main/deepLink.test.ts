import { describe, expect, it, vi } from 'vitest';
import { decodeInvite, inviteFor, inviteLink } from '../../shared/sync/invite';
import { newSyncSettings } from '../../shared/sync/settings';
import { findJoinLinkInArgv, parseJoinLink, PendingDeepLinks } from './deepLink';

describe('parseJoinLink', () => {
  it('forwards the code of a join link as it is', () => {
    expect(parseJoinLink('cadence://join/eyJ3IjoidzEyMyJ9.abc_-')).toBe('eyJ3IjoidzEyMyJ9.abc_-');
    expect(parseJoinLink('CADENCE://join/AbC123')).toBe('AbC123');
  });

  it('passes a real invite through untouched, so the sync layer can decode it', () => {
    const settings = {
      ...newSyncSettings(),
      signaling: ['ws://192.168.1.20:4444', 'wss://signal.example'],
    };
    const code = inviteFor('w_k3j2h1abcd', 'Saltmarsh Studio — Winter', settings);
    const forwarded = parseJoinLink(inviteLink(code));
    expect(forwarded).toBe(code);
    expect(decodeInvite(forwarded!)).toMatchObject({
      ok: true,
      invite: { workspaceId: 'w_k3j2h1abcd' },
    });
  });

  it('tolerates the trailing slash and encoding some systems add', () => {
    expect(parseJoinLink('cadence://join/AbC123/')).toBe('AbC123');
    expect(parseJoinLink('cadence://join/ab%2Bcd%3D%3D')).toBe('ab+cd==');
  });

  it('refuses other links, empty codes and odd characters', () => {
    for (const link of [
      'cadence://open/AbC123',
      'cadence://join/',
      'https://join/AbC123',
      'cadence:join/AbC123',
      'cadence://join/abc<script>',
      'cadence://join/abc def',
      'cadence://join/abc?x=1',
      'cadence://join/%E0%A4%A',
      `cadence://join/${'a'.repeat(9000)}`,
    ]) {
      expect(parseJoinLink(link)).toBeNull();
    }
  });
});

describe('findJoinLinkInArgv', () => {
  it('finds the link among Electron and app arguments', () => {
    const argv = ['/opt/Cadence/cadence', '--no-sandbox', 'cadence://join/AbC123'];
    expect(findJoinLinkInArgv(argv)).toBe('AbC123');
    expect(findJoinLinkInArgv(['/opt/Cadence/cadence', '.'])).toBeNull();
  });
});

describe('PendingDeepLinks', () => {
  it('holds codes until the window is ready, then delivers at once', () => {
    const links = new PendingDeepLinks();
    links.push('first');
    links.push('first');
    links.push('second');
    const deliver = vi.fn();
    links.attach(deliver);
    expect(deliver.mock.calls).toEqual([['first'], ['second']]);
    links.push('third');
    expect(deliver).toHaveBeenLastCalledWith('third');
    links.detach();
    links.push('fourth');
    expect(deliver).toHaveBeenCalledTimes(3);
  });
});
