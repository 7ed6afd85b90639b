import { describe, expect, it } from 'vitest';
import { FrameAssembler, toFrames } from '../../../renderer/src/sync/framing';

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31) % 256);

describe('large peer messages in frames', () => {
  it('passes small messages through untouched', () => {
    const m = bytes(100);
    expect(toFrames(m, 1024)).toEqual([m]);
    expect(new FrameAssembler().push(m)).toEqual({ kind: 'message', message: m });
  });

  it('splits a large message and puts it back together', () => {
    const m = bytes(10_000);
    const frames = toFrames(m, 1024);
    expect(frames.length).toBe(10);
    const assembler = new FrameAssembler();
    const results = frames.map((f) => assembler.push(f));
    expect(results.slice(0, -1).every((r) => r.kind === 'pending')).toBe(true);
    expect(results.at(-1)).toEqual({ kind: 'message', message: m });
  });

  it('refuses frames out of order, garbled or over the size limit, then recovers', () => {
    const frames = toFrames(bytes(5000), 1024);
    const assembler = new FrameAssembler(4000);
    expect(assembler.push(frames[1]!).kind).toBe('invalid');
    expect(assembler.push(new Uint8Array([127, 0xff])).kind).toBe('invalid');
    const results = frames.map((f) => assembler.push(f));
    expect(results.some((r) => r.kind === 'invalid')).toBe(true);
    const ok = toFrames(bytes(3000), 1024).map((f) => assembler.push(f));
    expect(ok.at(-1)?.kind).toBe('message');
  });
});
