import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepWindowState } from './windowStateKeeper';

function fakeWindow() {
  const emitter = new EventEmitter();
  const state = {
    bounds: { x: 10, y: 20, width: 1200, height: 800 },
    maximized: false,
    destroyed: false,
  };
  const win = Object.assign(emitter, {
    getNormalBounds: () => state.bounds,
    isMaximized: () => state.maximized,
    isFullScreen: () => false,
    isDestroyed: () => state.destroyed,
  });
  return { win, state };
}

describe('keepWindowState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once after a burst of moves settles', async () => {
    const { win, state } = fakeWindow();
    const write = vi.fn(async (_text: string) => undefined);
    keepWindowState(win, { write, writeSync: vi.fn(), log: vi.fn(), delayMs: 500 });
    for (let i = 0; i < 30; i++) {
      state.bounds = { ...state.bounds, x: 10 + i };
      win.emit('move');
    }
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(write).toHaveBeenCalledTimes(1);
    expect(JSON.parse(write.mock.lastCall![0])).toEqual({
      x: 39,
      y: 20,
      width: 1200,
      height: 800,
      isMaximized: false,
      isFullScreen: false,
    });
  });

  it('remembers maximised, and the size to return to', () => {
    const { win, state } = fakeWindow();
    const write = vi.fn(async (_text: string) => undefined);
    keepWindowState(win, { write, writeSync: vi.fn(), log: vi.fn() });
    state.maximized = true;
    win.emit('maximize');
    vi.runAllTimers();
    expect(JSON.parse(write.mock.lastCall![0])).toMatchObject({ isMaximized: true, width: 1200 });
  });

  it('saves synchronously on close, and skips unchanged states', () => {
    const { win, state } = fakeWindow();
    const write = vi.fn(async (_text: string) => undefined);
    const writeSync = vi.fn();
    keepWindowState(win, { write, writeSync, log: vi.fn() });
    state.bounds = { ...state.bounds, width: 1000 };
    win.emit('resize');
    win.emit('close');
    expect(writeSync).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(write).not.toHaveBeenCalled();
    win.emit('move');
    vi.runAllTimers();
    expect(write).not.toHaveBeenCalled();
  });

  it('reports a failed write without throwing', async () => {
    const { win } = fakeWindow();
    const log = vi.fn();
    keepWindowState(win, {
      write: () => Promise.reject(new Error('disk full')),
      writeSync: vi.fn(),
      log,
    });
    win.emit('resize');
    vi.runAllTimers();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full')));
  });
});
