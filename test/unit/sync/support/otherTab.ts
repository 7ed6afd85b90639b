import { probeRoomMessage, sealRoomMessage } from '../../../../renderer/src/sync/roomCrypto';

/**
 * Another tab of the same browser, as far as a room's BroadcastChannel can tell: it hears every
 * message sealed with the room key (`heard`, in the clear), and `post` seals and sends one.
 * `postRaw` sends bytes as they are. Close it with `close`.
 */
export interface OtherTab {
  heard: Uint8Array[];
  post(plain: Uint8Array): Promise<void>;
  postRaw(data: Uint8Array): void;
  close(): void;
}

export function openOtherTab(room: string, key: CryptoKey): OtherTab {
  const channel = new BroadcastChannel(room);
  const heard: Uint8Array[] = [];
  channel.onmessage = (event: MessageEvent) => {
    void probeRoomMessage(new Uint8Array(event.data as ArrayBuffer), key).then((probe) => {
      if (probe.kind === 'ok') heard.push(probe.plain);
    });
  };
  return {
    heard,
    post: async (plain) => channel.postMessage(await sealRoomMessage(plain, key)),
    postRaw: (data) => channel.postMessage(data),
    close: () => channel.close(),
  };
}

/** Waits (polling every 10 ms, at most 5 s) until `condition` holds. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
