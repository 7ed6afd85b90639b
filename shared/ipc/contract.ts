/**
 * The one typed map of every IPC call between the renderer and the main process.
 * `invoke` channels: renderer asks, main answers. `events`: main tells the renderer.
 * Main validates every argument (see electron/ipc) and checks the sender's origin.
 */
export interface InvokeContract {
  'app:info': { args: []; result: AppInfo };
  'file:save-text': { args: [SaveTextRequest]; result: SaveResult };
}

/** Menu commands the main process forwards to the focused window. */
export const MENU_COMMANDS = [
  'undo',
  'redo',
  'new-drop',
  'find',
  'new-workspace',
  'view-board',
  'view-calendar',
  'view-timeline',
  'toggle-archived',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface EventContract {
  'menu:command': MenuCommand;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  isDesktop: true;
}

export interface SaveTextRequest {
  defaultName: string;
  content: string;
  filters: { name: string; extensions: string[] }[];
}

export type SaveResult =
  { ok: true; path: string } | { ok: false; reason: 'cancelled' | 'error'; message?: string };

export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof EventContract;

/** The object the preload exposes as `window.cadence`. */
export interface DesktopBridge {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...args: InvokeContract[C]['args']
  ): Promise<InvokeContract[C]['result']>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventContract[C]) => void): () => void;
}

export const INVOKE_CHANNELS: readonly InvokeChannel[] = ['app:info', 'file:save-text'];
export const EVENT_CHANNELS: readonly EventChannel[] = ['menu:command'];
