/**
 * The one typed map of every IPC call between the renderer and the main process.
 * `invoke` channels: renderer asks, main answers. `events`: main tells the renderer.
 * Main validates every argument (see electron/ipc) and checks the sender's origin.
 */
export interface InvokeContract {
  'app:info': { args: []; result: AppInfo };
  'file:save-text': { args: [SaveTextRequest]; result: SaveResult };
  /** Renders the brief's print view in a hidden window, then asks where to save the PDF. */
  'pdf:print-brief': { args: [PrintBriefRequest]; result: SaveResult };
  /** Saves bytes (a workspace export) through a save dialog. */
  'file:save-binary': { args: [SaveBinaryRequest]; result: SaveResult };
  /** Asks for a file (a workspace to import) and returns its bytes; the caller validates them. */
  'file:open-binary': { args: [OpenBinaryRequest]; result: OpenBinaryResult };
  /** Keeps a rolling copy of a workspace file in the user-data folder (the last 10). */
  'backup:write': { args: [BackupWriteRequest]; result: BackupWriteResult };
  /** Removes every rolling backup of a workspace (it was deleted or removed from this computer). */
  'backup:forget': { args: [BackupForgetRequest]; result: BackupForgetResult };
  /** Hosts the team's signaling endpoint in this app, on a chosen interface and port. */
  'signal:host': { args: [SignalHostRequest]; result: SignalStatus };
  'signal:stop': { args: []; result: SignalStatus };
  'signal:status': { args: []; result: SignalStatus };
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
  'view-results',
  'toggle-archived',
  'history',
  'show-guide',
  'show-shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface EventContract {
  'menu:command': MenuCommand;
  /** A `cadence://join/<code>` link was opened; carries the raw invite code (decoded by shared/sync). */
  'deep-link:join': string;
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
  filters: FileFilter[];
}

/**
 * Set on <html> by a print view (brief or results) once fonts and pictures have loaded: the
 * PDF printer waits for it.
 */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

/**
 * A brief to print: main loads `#/print/brief/<workspaceId>/<dropId>?size=<pageSize>&v=<version>`
 * of the app in a hidden window, waits for `data-print-ready` on <html>, prints it with the
 * page's own @page size and margins, and saves it under `defaultName`
 * (`<brand>-<drop>-brief-v<n>.pdf`, made safe for every OS by main).
 */
export interface PrintBriefRequest {
  workspaceId: string;
  dropId: string;
  pageSize: 'A4' | 'Letter';
  version: number;
  defaultName: string;
  /** Which print view: the creator brief (default) or the drop's one-page results report. */
  view?: 'brief' | 'results';
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveBinaryRequest {
  defaultName: string;
  data: Uint8Array;
  filters: FileFilter[];
}

export interface OpenBinaryRequest {
  title?: string;
  filters: FileFilter[];
}

export type OpenBinaryResult =
  | { ok: true; path: string; name: string; data: Uint8Array }
  | { ok: false; reason: 'cancelled' | 'error'; message?: string };

/** A workspace file (shared/sync/backupFile) to keep as this workspace's latest backup. */
export interface BackupWriteRequest {
  workspaceId: string;
  file: Uint8Array;
}

export interface BackupForgetRequest {
  workspaceId: string;
}

export type BackupForgetResult = { ok: true; removed: number } | { ok: false; message: string };

export type BackupWriteResult =
  { ok: true; path: string; kept: number; unchanged: boolean } | { ok: false; message: string };

export interface SignalHostRequest {
  /** Interface to listen on: 127.0.0.1 (this computer only), 0.0.0.0 / :: (the whole LAN) or one address. */
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export type SignalStatus =
  | { running: false; error?: string }
  | {
      running: true;
      host: string;
      port: number;
      /** The address as bound, e.g. ws://0.0.0.0:4444. */
      address: string;
      /** What teammates put in their signaling list: one ws:// address per LAN interface. */
      shareAddresses: string[];
      connections: number;
    };

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

// Records keyed by channel make the compiler insist every channel is listed exactly once.
const INVOKE_CHANNEL_SET: Record<InvokeChannel, true> = {
  'app:info': true,
  'file:save-text': true,
  'pdf:print-brief': true,
  'file:save-binary': true,
  'file:open-binary': true,
  'backup:write': true,
  'backup:forget': true,
  'signal:host': true,
  'signal:stop': true,
  'signal:status': true,
};
const EVENT_CHANNEL_SET: Record<EventChannel, true> = {
  'menu:command': true,
  'deep-link:join': true,
};

/** Every invoke channel; the preload forwards only these. */
export const INVOKE_CHANNELS = Object.freeze(
  Object.keys(INVOKE_CHANNEL_SET),
) as readonly InvokeChannel[];
/** Every event channel; the preload subscribes only to these. */
export const EVENT_CHANNELS = Object.freeze(
  Object.keys(EVENT_CHANNEL_SET),
) as readonly EventChannel[];
