import * as decoding from 'lib0/decoding';
import type { WebrtcProvider } from 'y-webrtc';
import { sealSignalingData } from './roomCrypto';
import { internals, type SignalingConnInternals } from './ywebrtcInternals';

/**
 * Glare avoidance. y-webrtc makes every peer that hears an `announce` start a connection, so two
 * peers joining at the same moment both send offers; on Node's WebRTC (and older browsers) the
 * crossed offers fail and neither retries. Here only the peer with the smaller id starts: a
 * larger one drops the announce and answers with an announce addressed to the newcomer, which
 * then connects to it. (A stock y-webrtc peer still connects to us as usual.)
 *
 * Returns true when the (decrypted) signaling message was such an announce and was answered.
 */
export async function answeredAnnounce(
  provider: WebrtcProvider,
  conn: SignalingConnInternals,
  plain: Uint8Array,
  key: CryptoKey,
): Promise<boolean> {
  let data: unknown;
  try {
    data = decoding.readAny(decoding.createDecoder(plain));
  } catch {
    return false;
  }
  const d = data as { type?: unknown; from?: unknown; to?: unknown } | null;
  const room = internals(provider).room;
  if (!room || !d || d.type !== 'announce' || typeof d.from !== 'string' || d.to !== undefined)
    return false;
  if (d.from === room.peerId || room.webrtcConns.has(d.from) || room.peerId < d.from) return false;
  const sealed = await sealSignalingData({ type: 'announce', from: room.peerId, to: d.from }, key);
  if (conn.connected) conn.send({ type: 'publish', topic: room.name, data: sealed });
  return true;
}
