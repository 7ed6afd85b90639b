import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { writeSyncStep1 } from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrop, initWorkspace, readStages } from '../../../shared/model';
import { MessageType, SyncType, syncTypeOf } from '../../../shared/sync/messageTypes';
import { internals } from '../../../renderer/src/sync/ywebrtcInternals';
import { openOtherTab, until } from './support/otherTab';
import { bcPeerId, startTabSync, tabsOnlySettings } from './support/tabSync';

// The workspace's sync (the app's WorkspaceSync) with a raw BroadcastChannel standing in for
// another tab of the same browser. With no other tab open, y-webrtc used to seal every update
// for the channel all the same; now nothing of an edit goes there until a tab announces itself,
// and that tab still receives what it missed when it asks (its sync step 1).

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

const text = new TextDecoder();
/** Whether a message carries `title` (Yjs writes strings as UTF-8). */
const carries = (message: Uint8Array, title: string) => text.decode(message).includes(title);

describe('the channel to other tabs', () => {
  it('carries no edit while no other tab is open, every edit once one is, and a new tab gets what it missed', async () => {
    const doc = new Y.Doc();
    initWorkspace(doc, { name: 'Harbour Label', now: 0 });
    const stageId = readStages(doc)[0]!.id;
    const settings = tabsOnlySettings();
    const { sync, provider, key } = await startTabSync('w_alone', doc, settings);
    cleanups.push(() => sync.destroy());

    // The other tab: hears everything sealed with the room key on the room's channel.
    const tab = openOtherTab(settings.room, key);
    cleanups.push(() => tab.close());
    const { heard, post } = tab;
    let answers = 0;
    // A round trip through the channel: anything sealed before it has been heard by its end.
    const roundTrip = async () => {
      const before = heard.filter((m) => m[0] === MessageType.AWARENESS).length;
      await post(new Uint8Array([MessageType.QUERY_AWARENESS]));
      await until(
        () => heard.filter((m) => m[0] === MessageType.AWARENESS).length > before,
        `presence answer ${++answers}`,
      );
    };
    await roundTrip();

    // Alone: an edit is not sent to the channel.
    createDrop(doc, { stageId, title: 'Linen alone on the wall' }, 0);
    await roundTrip();
    expect(heard.some((m) => carries(m, 'Linen alone on the wall'))).toBe(false);

    // A tab opens: it announces itself, and edits go to it from then on.
    await post(bcPeerId(true, 'other-tab'));
    await until(() => internals(provider).room!.bcConns.has('other-tab'), 'the announcement');
    createDrop(doc, { stageId, title: 'Café pop-up together' }, 0);
    await until(
      () =>
        heard.some((m) => syncTypeOf(m) === SyncType.UPDATE && carries(m, 'Café pop-up together')),
      'the edit made with the other tab open',
    );
    // It asks for what it lacks (an empty tab's sync step 1) and gets the edit it missed.
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.SYNC);
    writeSyncStep1(step1, new Y.Doc());
    await post(encoding.toUint8Array(step1));
    await until(
      () =>
        heard.some(
          (m) => syncTypeOf(m) === SyncType.STEP2 && carries(m, 'Linen alone on the wall'),
        ),
      'the answer with the missed edit',
    );

    // The tab closes: edits stop going to the channel again.
    await post(bcPeerId(false, 'other-tab'));
    await until(() => internals(provider).room!.bcConns.size === 0, 'the tab leaving');
    createDrop(doc, { stageId, title: 'Scarf after the tab closed' }, 0);
    await roundTrip();
    expect(heard.some((m) => carries(m, 'Scarf after the tab closed'))).toBe(false);
  });
});
