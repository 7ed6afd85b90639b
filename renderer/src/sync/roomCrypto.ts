import * as decoding from 'lib0/decoding';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as encoding from 'lib0/encoding';

export type Probe = { kind: 'ok'; plain: Uint8Array } | { kind: 'wrong-key' } | { kind: 'garbled' };

/**
 * Decrypts one y-webrtc room message (`AES-GCM`, iv, ciphertext: y-webrtc/src/crypto.js) with
 * the room key, to learn whether the sender knows the password before y-webrtc reads it (its
 * own decrypt throws an uncaught `OperationError` on a wrong key). Never rejects.
 */
export async function probeRoomMessage(data: Uint8Array, key: CryptoKey): Promise<Probe> {
  let iv: Uint8Array;
  let cipher: Uint8Array;
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarString(decoder) !== 'AES-GCM') return { kind: 'garbled' };
    iv = decoding.readVarUint8Array(decoder);
    cipher = decoding.readVarUint8Array(decoder);
  } catch {
    return { kind: 'garbled' };
  }
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> },
      key,
      cipher as Uint8Array<ArrayBuffer>,
    );
    return { kind: 'ok', plain: new Uint8Array(plain) };
  } catch (e) {
    return e instanceof Error && e.name === 'OperationError'
      ? { kind: 'wrong-key' }
      : { kind: 'garbled' };
  }
}

/** Same check for a signaling `publish` whose data is base64 text. */
export function probeSignalingData(data: unknown, key: CryptoKey): Promise<Probe> {
  if (typeof data !== 'string') return Promise.resolve({ kind: 'garbled' });
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(data);
  } catch {
    return Promise.resolve({ kind: 'garbled' });
  }
  return probeRoomMessage(bytes, key);
}

/**
 * Encrypts a room message exactly like y-webrtc's `encrypt` (AES-GCM with a random iv, then
 * the iv and ciphertext framed with lib0): what y-webrtc sends between tabs.
 */
export async function sealRoomMessage(plain: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const cipher = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    plain as Uint8Array<ArrayBuffer>,
  );
  const outer = encoding.createEncoder();
  encoding.writeVarString(outer, 'AES-GCM');
  encoding.writeVarUint8Array(outer, iv);
  encoding.writeVarUint8Array(outer, new Uint8Array(cipher));
  return encoding.toUint8Array(outer);
}

/**
 * Encrypts a signaling payload exactly like y-webrtc's `encryptJson` (lib0 `writeAny`, then
 * AES-GCM with a random iv), base64-encoded for a `publish` message.
 */
export async function sealSignalingData(data: unknown, key: CryptoKey): Promise<string> {
  const inner = encoding.createEncoder();
  encoding.writeAny(inner, data as Parameters<typeof encoding.writeAny>[1]);
  return toBase64(await sealRoomMessage(encoding.toUint8Array(inner), key));
}
