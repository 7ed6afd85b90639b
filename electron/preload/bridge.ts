import type { IpcRendererEvent } from 'electron';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type DesktopBridge,
  type EventChannel,
  type EventContract,
} from '../../shared/ipc/contract';

/** The part of `ipcRenderer` the bridge uses, so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(
    channel: string,
    listener: (event: IpcRendererEvent, ...args: unknown[]) => void,
  ): unknown;
}

const invokeAllowed = new Set<string>(INVOKE_CHANNELS);
const eventAllowed = new Set<string>(EVENT_CHANNELS);
// Events that must not be lost if they arrive before the page subscribes: a join link can be
// what launched the app, long before React has mounted. Menu commands are never replayed.
const HELD_UNTIL_SUBSCRIBED: ReadonlySet<EventChannel> = new Set<EventChannel>(['deep-link:join']);
const MAX_HELD = 20;

/**
 * The one object the renderer sees as `window.cadence`: invoke a listed channel, or listen to a
 * listed event. Nothing else of ipcRenderer crosses the bridge, and listeners never receive
 * the raw IPC event (it would hand the page a way back to ipcRenderer).
 */
export function createDesktopBridge(ipc: IpcRendererLike): DesktopBridge {
  const held = new Map<
    EventChannel,
    { payloads: unknown[]; listeners: Set<(p: unknown) => void> }
  >();
  for (const channel of HELD_UNTIL_SUBSCRIBED) {
    const entry = { payloads: [] as unknown[], listeners: new Set<(p: unknown) => void>() };
    held.set(channel, entry);
    ipc.on(channel, (_event, payload) => {
      if (entry.listeners.size === 0) {
        if (entry.payloads.length < MAX_HELD) entry.payloads.push(payload);
        return;
      }
      for (const listener of entry.listeners) listener(payload);
    });
  }

  const bridge: DesktopBridge = {
    invoke(channel, ...args) {
      if (!invokeAllowed.has(channel)) {
        return Promise.reject(new Error(`Unknown desktop channel "${String(channel)}".`));
      }
      return ipc.invoke(channel, ...args) as ReturnType<DesktopBridge['invoke']>;
    },
    on<C extends EventChannel>(channel: C, listener: (payload: EventContract[C]) => void) {
      if (!eventAllowed.has(channel))
        throw new Error(`Unknown desktop event "${String(channel)}".`);
      if (typeof listener !== 'function') throw new Error('A listener function is needed.');
      const entry = held.get(channel);
      if (entry) {
        const deliver = (payload: unknown) => listener(payload as EventContract[C]);
        entry.listeners.add(deliver);
        for (const payload of entry.payloads.splice(0)) deliver(payload);
        return () => {
          entry.listeners.delete(deliver);
        };
      }
      const wrapped = (_event: IpcRendererEvent, payload: unknown) =>
        listener(payload as EventContract[C]);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
  return Object.freeze(bridge);
}
