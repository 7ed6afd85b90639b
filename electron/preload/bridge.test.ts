import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { createDesktopBridge } from './bridge';

function fakeIpc() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
  });
}

describe('createDesktopBridge', () => {
  it('exposes only invoke and on, frozen', () => {
    const bridge = createDesktopBridge(fakeIpc());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards listed channels to main', async () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    expect(INVOKE_CHANNELS).toContain('app:info');
    await expect(bridge.invoke('app:info')).resolves.toEqual({ channel: 'app:info', args: [] });
  });

  it('refuses any other channel without reaching main', async () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc) as unknown as {
      invoke(channel: string): Promise<unknown>;
      on(channel: string, l: () => void): () => void;
    };
    await expect(bridge.invoke('fs:delete-everything')).rejects.toThrow(/Unknown desktop channel/);
    expect(ipc.invoke).not.toHaveBeenCalled();
    expect(() => bridge.on('ELECTRON_BROWSER_REQUIRE', () => {})).toThrow(/Unknown desktop event/);
  });

  it('delivers event payloads without the raw IPC event, and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    const listener = vi.fn();
    expect(EVENT_CHANNELS).toContain('deep-link:join');
    const off = bridge.on('deep-link:join', listener);
    ipc.emit('deep-link:join', { sender: ipc }, 'AbC123');
    expect(listener).toHaveBeenCalledWith('AbC123');
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    ipc.emit('deep-link:join', { sender: ipc }, 'again');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('removes a menu listener from ipcRenderer when unsubscribed', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    const listener = vi.fn();
    const off = bridge.on('menu:command', listener);
    ipc.emit('menu:command', {}, 'undo');
    expect(listener).toHaveBeenCalledWith('undo');
    off();
    expect(ipc.listenerCount('menu:command')).toBe(0);
  });

  it('keeps a join link that arrives before the page listens, and delivers it once', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    ipc.emit('deep-link:join', {}, 'launched-with-this');
    const first = vi.fn();
    bridge.on('deep-link:join', first);
    expect(first).toHaveBeenCalledWith('launched-with-this');
    const second = vi.fn();
    bridge.on('deep-link:join', second);
    expect(second).not.toHaveBeenCalled();
  });

  it('never replays a menu command sent before anyone listened', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    ipc.emit('menu:command', {}, 'undo');
    const listener = vi.fn();
    bridge.on('menu:command', listener);
    expect(listener).not.toHaveBeenCalled();
  });
});
