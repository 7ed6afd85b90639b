import { timing } from './timing';
import type { DataChannelInternals } from './ywebrtcInternals';

// simple-peer sets the channel's `bufferedAmountLowThreshold` to 64 KiB; `bufferedamountlow`
// fires when the send buffer drains to it. Frames are added in bursts of at most BURST_BYTES
// on top of it: handing a whole catch-up to the channel at once lost packets on a busy machine
// and stalled the last frames on retransmission (figures in docs/sync.md).
const LOW_BYTES = 64 * 1024;
const BURST_BYTES = 32 * 1024;
// Safety net only: if a channel never fires `bufferedamountlow`, the queue still moves.
const STALL_MS = 250;

/**
 * Outgoing frames of one peer connection, paced on the data channel's `bufferedamountlow`
 * event instead of polling. Messages keep their order: later ones queue behind the frames.
 */
export class SendPacer {
  private readonly queue: Uint8Array[] = [];
  private timer: unknown = null;
  private listening: DataChannelInternals | null = null;
  private pumping = false;
  private disposed = false;

  constructor(
    private readonly send: (data: Uint8Array) => void,
    private readonly channel: () => DataChannelInternals | null | undefined,
    /** Called whenever the queue has emptied (incoming work held back may go on). */
    private readonly onDrained: () => void,
  ) {}

  /** Frames are still waiting to leave. */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Queues frames behind anything waiting and starts sending. */
  enqueue(frames: Uint8Array[]): void {
    this.queue.push(...frames);
    if (!this.pumping) this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    this.clearWait();
  }

  private readonly pump = (): void => {
    if (this.disposed || this.pumping) return;
    this.clearWait();
    this.pumping = true;
    const channel = this.channel();
    let burst = 0;
    try {
      while (this.queue.length > 0) {
        const buffered = channel?.bufferedAmount ?? 0;
        if (buffered > LOW_BYTES || burst >= BURST_BYTES) break;
        const frame = this.queue.shift()!;
        burst += frame.byteLength;
        try {
          this.send(frame);
        } catch {
          this.queue.length = 0; // the connection is closing; y-webrtc reconnects and re-syncs
        }
      }
    } finally {
      this.pumping = false;
    }
    if (this.queue.length === 0) return this.onDrained();
    this.wait(channel);
  };

  // Above the threshold the channel tells us when it drained; below it (a burst was cut
  // short) the next burst follows on the next turn of the event loop.
  private wait(channel: DataChannelInternals | null | undefined): void {
    const above = (channel?.bufferedAmount ?? 0) > LOW_BYTES;
    if (above && channel?.addEventListener) {
      channel.addEventListener('bufferedamountlow', this.pump);
      this.listening = channel;
      this.timer = timing.setTimeout(this.pump, STALL_MS);
    } else this.timer = timing.setTimeout(this.pump, 0);
  }

  private clearWait(): void {
    if (this.timer !== null) timing.clearTimeout(this.timer);
    this.timer = null;
    this.listening?.removeEventListener?.('bufferedamountlow', this.pump);
    this.listening = null;
  }
}
