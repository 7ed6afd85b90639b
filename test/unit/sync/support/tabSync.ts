import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../../../shared/sync/messageTypes';
import { newSyncSettings } from '../../../../shared/sync/settings';
import { WorkspaceSync } from '../../../../renderer/src/sync/WorkspaceSync';
import { internals } from '../../../../renderer/src/sync/ywebrtcInternals';

/** Sync settings with no signaling server: the room meets only other tabs, on the channel. */
export const tabsOnlySettings = () => ({ ...newSyncSettings(), signaling: [], enabled: true });

/**
 * The app's WorkspaceSync of `doc`, started, with its y-webrtc provider and the room key (for
 * an `openOtherTab` to seal and open messages with). Destroy it with `sync.destroy()`.
 */
export async function startTabSync(
  workspaceId: string,
  doc: Y.Doc,
  settings: ReturnType<typeof tabsOnlySettings>,
) {
  const sync = new WorkspaceSync({
    workspaceId,
    doc,
    settings,
    user: { name: 'Ines', colour: '#c2410c' },
    log: () => {},
  });
  await sync.ready();
  const provider = (sync as unknown as { provider: Parameters<typeof internals>[0] }).provider;
  const key = (await internals(provider).key)!;
  return { sync, provider, key };
}

/** Another tab's announcement on the channel: its peer id arriving (`add`) or leaving. */
export function bcPeerId(add: boolean, peerId: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.BC_PEER_ID);
  encoding.writeUint8(e, add ? 1 : 0);
  encoding.writeVarString(e, peerId);
  return encoding.toUint8Array(e);
}
