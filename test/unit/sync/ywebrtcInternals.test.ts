import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import { SignalingConn, WebrtcConn, WebrtcProvider } from 'y-webrtc';
// @ts-expect-error the browser bundle y-webrtc itself imports has no type declarations
import Peer from 'simple-peer/simplepeer.min.js';
import { afterEach, describe, expect, it } from 'vitest';
import { initWorkspace } from '../../../shared/model';
import { newSyncSettings } from '../../../shared/sync/settings';
import { WorkspaceSync } from '../../../renderer/src/sync/WorkspaceSync';
import {
  INTERNALS_READ_FROM,
  internals,
  missingInternals,
  missingMembers,
  PRIVATE_MEMBERS,
} from '../../../renderer/src/sync/ywebrtcInternals';

// The guard relies on private members of y-webrtc, simple-peer, lib0 and Yjs. This holds the
// adapter's list against the installed versions: a dependency update that renames one fails
// here, and in the app sync stays off with a notice instead of running unchecked.

// Read from node_modules directly: some of these packages do not export their package.json.
const versionOf = (pkg: string): string =>
  (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string })
    .version;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

describe('y-webrtc internals adapter', () => {
  it('was read from the installed versions, and package.json pins the two it depends on most', () => {
    for (const [pkg, version] of Object.entries(INTERNALS_READ_FROM)) {
      expect(`${pkg}@${versionOf(pkg)}`).toBe(`${pkg}@${version}`);
    }
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['y-webrtc']).toBe(INTERNALS_READ_FROM['y-webrtc']);
    expect(manifest.dependencies['simple-peer']).toBe(INTERNALS_READ_FROM['simple-peer']);
  });

  it('finds every listed member on real y-webrtc, simple-peer, lib0 and Yjs objects', async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    const doc = new Y.Doc();
    const { room: name, password } = newSyncSettings();
    const provider = new WebrtcProvider(name, doc, {
      signaling: [],
      password,
      peerOpts: { wrtc },
    });
    cleanups.push(() => provider.destroy());
    await internals(provider).key;
    await Promise.resolve();
    const room = internals(provider).room;
    expect(room).not.toBeNull();
    const signaling = new SignalingConn('ws://127.0.0.1:9');
    cleanups.push(() => signaling.destroy());
    const conn = new WebrtcConn(signaling, false, 'peer-b', room as never);
    cleanups.push(() => conn.destroy());
    const peer = new Peer({ initiator: false, wrtc }) as object;
    cleanups.push(() => (peer as { destroy(): void }).destroy());

    expect(missingMembers('provider', provider)).toEqual([]);
    expect(missingMembers('room', room)).toEqual([]);
    expect(missingMembers('signalingConn', signaling)).toEqual([]);
    expect(missingMembers('webrtcConn', conn)).toEqual([]);
    expect(missingMembers('peer', conn.peer)).toEqual([]);
    expect(missingMembers('peer', peer)).toEqual([]);
    expect(missingMembers('store', doc.store)).toEqual([]);
    expect(
      (signaling as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('message')
        ?.size,
    ).toBeGreaterThan(0);
    expect(typeof room!._bcSubscriber).toBe('function');
    (room!.webrtcConns as Map<string, unknown>).set('peer-b', conn);
    expect(missingInternals(provider, doc)).toEqual([]);
    room!.webrtcConns.delete('peer-b');
    // Positive control: the check does see a missing member.
    expect(missingMembers('peer', {})).toEqual(PRIVATE_MEMBERS.peer.map((m) => `peer.${m}`));
  });

  it('keeps sync off with a notice saying why when a member is missing', async () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour Label', now: 0 });
    delete (doc.store as unknown as { pendingDs?: unknown }).pendingDs;
    const logged: string[] = [];
    const sync = new WorkspaceSync({
      workspaceId: 'w_internals',
      doc,
      settings: { ...newSyncSettings(), enabled: true, signaling: [] },
      user: { name: 'Ines', colour: '#0f766e' },
      log: (m) => logged.push(m),
    });
    cleanups.push(() => sync.destroy());
    await sync.ready();
    await sync.settled();
    await expect
      .poll(() => sync.getSnapshot().notices.map((n) => n.kind))
      .toContain('sync-unavailable');
    await sync.settled();
    const snapshot = sync.getSnapshot();
    expect(snapshot.state).toBe('off');
    expect(snapshot.notices.find((n) => n.kind === 'sync-unavailable')?.message).toMatch(
      /Sync is off.*store\.pendingDs/,
    );
    expect(logged.join('\n')).toContain('store.pendingDs');
    // Positive control: the same workspace with everything in place syncs.
    const ok = new WorkspaceSync({
      workspaceId: 'w_internals_ok',
      doc: new Y.Doc(),
      settings: { ...newSyncSettings(), enabled: true, signaling: [] },
      user: { name: 'Theo', colour: '#0f766e' },
      log: () => {},
    });
    cleanups.push(() => ok.destroy());
    await ok.ready();
    await Promise.resolve();
    expect(ok.getSnapshot().state).not.toBe('off');
    expect(ok.getSnapshot().notices).toEqual([]);
  });
});
