import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { writeSyncStep2 } from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrop, initWorkspace, readDrops, readStages } from '../../../shared/model';
import { MessageType, SyncType, syncTypeOf } from '../../../shared/sync/messageTypes';
import { probeRoomMessage } from '../../../renderer/src/sync/roomCrypto';
import { openOtherTab, until } from './support/otherTab';
import { bcPeerId, startTabSync, tabsOnlySettings } from './support/tabSync';

// y-webrtc, as patched (patches/y-webrtc+10.3.0.patch), joins the channel between tabs with its
// state vector instead of its whole document: encoding the document held the window for as long
// as the document takes to encode, on every connect, with or without another tab listening.
// A tab that is open announces itself in answer, is asked for what this one lacks, and asks for
// what it lacks itself.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

const text = new TextDecoder();
const carries = (message: Uint8Array, title: string) => text.decode(message).includes(title);

/** The state vector a sync step 1 carries. */
function stateVectorOf(step1: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(step1);
  decoding.readVarUint(d); // message type: sync
  decoding.readVarUint(d); // sync step 1
  return decoding.readVarUint8Array(d);
}

describe('a tab joining the channel to other tabs', () => {
  it('sends its state vector, not its whole document, and asks a tab that announces itself for what it lacks', async () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour Label', now: 0 });
    const stageId = readStages(doc)[0]!.id;
    createDrop(doc, { stageId, title: 'Harbour Linen shirt' }, 0);
    const settings = tabsOnlySettings();
    // Everything on the room's channel from before the tab joins, sealed as it was sent.
    const sealed: Uint8Array[] = [];
    const listener = new BroadcastChannel(settings.room);
    listener.onmessage = (e: MessageEvent) => sealed.push(new Uint8Array(e.data as ArrayBuffer));
    cleanups.push(() => listener.close());

    const { sync, key } = await startTabSync('w_connect', doc, settings);
    cleanups.push(() => sync.destroy());
    const tab = openOtherTab(settings.room, key);
    cleanups.push(() => tab.close());
    // A round trip: every message the joining tab sent before it has arrived by its end.
    await tab.post(new Uint8Array([MessageType.QUERY_AWARENESS]));
    await until(() => tab.heard.some((m) => m[0] === MessageType.AWARENESS), 'presence');
    const joined = await Promise.all(
      sealed.map(async (m) => {
        const probe = await probeRoomMessage(m, key);
        return probe.kind === 'ok' ? probe.plain : new Uint8Array();
      }),
    );
    // It asked what the others have (its state vector), and sent no document.
    expect(joined.some((m) => syncTypeOf(m) === SyncType.STEP1)).toBe(true);
    expect(joined.some((m) => syncTypeOf(m) === SyncType.STEP2)).toBe(false);
    expect(joined.some((m) => carries(m, 'Harbour Linen shirt'))).toBe(false);

    // Another tab announces itself: it is asked for what this tab lacks (a sync step 1) ...
    const asked = () => tab.heard.filter((m) => syncTypeOf(m) === SyncType.STEP1);
    await tab.post(bcPeerId(true, 'other-tab'));
    await until(() => asked().length > 0, 'the sync step 1 to the new tab');
    // ... and its answer, a drop this tab never had, comes in.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    createDrop(other, { stageId, title: 'Quay tote from the other tab' }, 0);
    const answer = encoding.createEncoder();
    encoding.writeVarUint(answer, MessageType.SYNC);
    writeSyncStep2(answer, other, stateVectorOf(asked()[0]!));
    await tab.post(encoding.toUint8Array(answer));
    await until(
      () => readDrops(doc).some((d) => d.title === 'Quay tote from the other tab'),
      'the other tab’s drop',
    );
  });
});
