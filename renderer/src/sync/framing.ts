import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../../shared/sync/messageTypes';

/**
 * y-webrtc sends a whole sync message in one data-channel message, but WebRTC refuses messages
 * above the peer's max-message-size (256 KiB in Chromium): a workspace of a few hundred drops
 * would then never reach a new peer. Large messages are therefore split into frames of
 * `CHUNK_BYTES` and put back together on the other side, before the guard checks them.
 *
 * Frame: varUint 127 (a type y-webrtc does not use), varUint message id, varUint index,
 * varUint count, payload. The channel is ordered and reliable, so frames arrive in order.
 */
export const CHUNK_TYPE = MessageType.FRAME;
// 16 KiB: the size every WebRTC implementation handles well, and small bursts (see pacing.ts).
export const CHUNK_BYTES = 16 * 1024;
/** Largest message accepted in frames (the guard's update limit applies afterwards too). */
export const MAX_CHUNKED_BYTES = 64 * 1024 * 1024;

let nextId = 1;

/** Splits `message` into frames, or returns it alone when it is small enough. */
export function toFrames(message: Uint8Array, chunkBytes = CHUNK_BYTES): Uint8Array[] {
  if (message.byteLength <= chunkBytes) return [message];
  const id = nextId++;
  const count = Math.ceil(message.byteLength / chunkBytes);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, CHUNK_TYPE);
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, i);
    encoding.writeVarUint(e, count);
    encoding.writeUint8Array(e, message.subarray(i * chunkBytes, (i + 1) * chunkBytes));
    frames.push(encoding.toUint8Array(e));
  }
  return frames;
}

export type FrameResult =
  | { kind: 'message'; message: Uint8Array }
  | { kind: 'pending' }
  | { kind: 'invalid'; reason: string };

/** Reassembles frames from one peer (one instance per connection). */
export class FrameAssembler {
  private id = -1;
  private parts: Uint8Array[] = [];
  private count = 0;
  private bytes = 0;

  constructor(private readonly maxBytes = MAX_CHUNKED_BYTES) {}

  /** A plain message passes through; a frame is collected until its message is complete. */
  push(data: Uint8Array): FrameResult {
    if (data[0] !== CHUNK_TYPE) return { kind: 'message', message: data };
    try {
      const d = decoding.createDecoder(data);
      decoding.readVarUint(d);
      const id = decoding.readVarUint(d);
      const index = decoding.readVarUint(d);
      const count = decoding.readVarUint(d);
      const payload = data.subarray(d.pos);
      if (index === 0) {
        this.id = id;
        this.parts = [];
        this.count = count;
        this.bytes = 0;
      }
      if (id !== this.id || index !== this.parts.length || count !== this.count || count < 2) {
        this.reset();
        return {
          kind: 'invalid',
          reason: 'Rejected a message from a peer: its parts arrived out of order.',
        };
      }
      this.bytes += payload.byteLength;
      if (this.bytes > this.maxBytes || count * 1024 > this.maxBytes * 2) {
        this.reset();
        return { kind: 'invalid', reason: 'Rejected a message from a peer: it is too large.' };
      }
      this.parts.push(payload);
      if (this.parts.length < this.count) return { kind: 'pending' };
      const message = new Uint8Array(this.bytes);
      let at = 0;
      for (const p of this.parts) {
        message.set(p, at);
        at += p.byteLength;
      }
      this.reset();
      return { kind: 'message', message };
    } catch {
      this.reset();
      return { kind: 'invalid', reason: 'Rejected a message from a peer: a part is garbled.' };
    }
  }

  private reset(): void {
    this.id = -1;
    this.parts = [];
    this.count = 0;
    this.bytes = 0;
  }
}
