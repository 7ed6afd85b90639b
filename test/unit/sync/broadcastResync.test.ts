import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebrtcProvider } from 'y-webrtc';
import { readSyncStep1, writeSyncStep2, writeUpdate } from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrop } from '../../../shared/model/drop';
import { readStages } from '../../../shared/model/stage';
import { initWorkspace } from '../../../shared/model/workspace';
import { MessageType, SyncType, syncTypeOf } from '../../../shared/sync/messageTypes';
import { newSyncSettings } from '../../../shared/sync/settings';
import { guardProvider } from '../../../renderer/src/sync/guard';
import { sealRoomMessage } from '../../../renderer/src/sync/roomCrypto';
import { internals } from '../../../renderer/src/sync/ywebrtcInternals';
import { openOtherTab, until } from './support/otherTab';

// Tabs of one browser sync over a BroadcastChannel. A message from another tab that the guard
// refuses must start a re-sync, as a refused peer message does: our sync step 1 goes out on the
// channel, and the other tab's answer brings what we lack, with no reconnect.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0).reverse()) f();
});

function syncMessage(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.SYNC);
  write(e);
  return encoding.toUint8Array(e);
}

describe('a refused message from another tab', () => {
  it('starts a re-sync over the BroadcastChannel, and the answer brings what this tab lacked', async () => {
    const { room: name, password } = newSyncSettings();
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour & Co', now: 0 });
    const provider = new WebrtcProvider(name, doc, { signaling: [], password });
    const refused: string[] = [];
    const unguard = guardProvider(provider, name, {
      doc,
      onRejected: (reason) => refused.push(reason),
      onWrongPassword: () => refused.push('wrong password'),
      onUnavailable: (missing) => {
        throw new Error(`missing ${missing.join()}`);
      },
    });
    cleanups.push(() => provider.destroy(), unguard);
    const key = (await internals(provider).key)!;

    // The other tab: its own copy with a drop this tab lacks, on the same channel.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const theirs = createDrop(
      other,
      { stageId: readStages(other)[0]!.id, title: 'Tram stop scarf' },
      0,
    );
    const tab = openOtherTab(name, key);
    cleanups.push(() => tab.close());
    const { heard, post } = tab;
    const step1s = () => heard.filter((m) => syncTypeOf(m) === SyncType.STEP1);

    // The tab announces itself on the channel; wait until that is over.
    await until(
      () => internals(provider).room?.bcconnected === true,
      'the tab to join the channel',
    );
    await until(() => step1s().length > 0, 'the tab announcing itself');
    await post(new Uint8Array([MessageType.QUERY_AWARENESS]));
    await until(() => heard.some((m) => m[0] === MessageType.AWARENESS), 'an awareness answer');
    const before = step1s().length;

    // A hostile update (content in a top-level type no workspace has) is refused...
    const hostile = new Y.Doc();
    hostile.getMap('not-a-workspace').set('x', 1);
    await post(syncMessage((e) => writeUpdate(e, Y.encodeStateAsUpdate(hostile))));
    await until(() => refused.length > 0, 'the refusal');
    expect(doc.share.has('not-a-workspace')).toBe(false);

    // ...and answered with this tab's sync step 1.
    await until(() => step1s().length > before, "this tab's sync step 1 after the refusal");
    const request = step1s().at(-1)!;
    const d = decoding.createDecoder(request);
    decoding.readVarUint(d); // SYNC
    decoding.readVarUint(d); // STEP1
    const answer = encoding.createEncoder();
    encoding.writeVarUint(answer, MessageType.SYNC);
    readSyncStep1(d, answer, other); // the other tab's answer: sync step 2 with what we lack
    expect(doc.getMap('drops').has(theirs)).toBe(false);
    await post(encoding.toUint8Array(answer));
    await until(() => doc.getMap('drops').has(theirs), "the other tab's drop");
    expect(refused).toHaveLength(1);
  });

  it('re-syncs at most once a second while the other tab keeps sending refused content', async () => {
    const { room: name, password } = newSyncSettings();
    const doc = new Y.Doc();
    const provider = new WebrtcProvider(name, doc, { signaling: [], password });
    const refused: string[] = [];
    const unguard = guardProvider(provider, name, {
      doc,
      onRejected: (reason) => refused.push(reason),
      onWrongPassword: () => {},
      onUnavailable: (missing) => {
        throw new Error(`missing ${missing.join()}`);
      },
    });
    cleanups.push(() => provider.destroy(), unguard);
    const key = (await internals(provider).key)!;
    const tab = openOtherTab(name, key);
    cleanups.push(() => tab.close());
    const { heard } = tab;
    await until(
      () => internals(provider).room?.bcconnected === true,
      'the tab to join the channel',
    );
    await until(
      () => heard.some((m) => m[0] === MessageType.AWARENESS),
      'the tab announcing itself',
    );
    const before = heard.filter((m) => syncTypeOf(m) === SyncType.STEP1).length;
    const hostile = new Y.Doc();
    hostile.getMap('not-a-workspace').set('x', 1);
    const bad = await sealRoomMessage(
      syncMessage((e) => writeSyncStep2(e, hostile)),
      key,
    );
    for (let i = 0; i < 20; i++) tab.postRaw(bad);
    await until(() => refused.length === 20, 'twenty refusals');
    // Give a flood of step 1s the chance to show: a valid message sent after the refusals is
    // answered (positive control), and by then every re-sync request has left.
    await until(
      () => heard.filter((m) => syncTypeOf(m) === SyncType.STEP1).length > before,
      'a re-sync',
    );
    const awarenessBefore = heard.filter((m) => m[0] === MessageType.AWARENESS).length;
    await tab.post(new Uint8Array([MessageType.QUERY_AWARENESS]));
    await until(
      () => heard.filter((m) => m[0] === MessageType.AWARENESS).length > awarenessBefore,
      'the answer to a valid message',
    );
    expect(heard.filter((m) => syncTypeOf(m) === SyncType.STEP1).length - before).toBe(1);
  });
});
