import type {
  DesktopBridge,
  FileFilter,
  MenuCommand,
  PrintBriefRequest,
  SaveResult,
  SignalHostRequest,
  SignalStatus,
} from '../../../shared/ipc/contract';
import { desktopPlatform } from './desktop';
import { webPlatform } from './web';

/** A file the person picked to open. */
export interface PickedFile {
  name: string;
  data: Uint8Array;
}

/** What printing a brief did: saved a PDF (desktop), opened the print view (browser), … */
export type PrintOutcome =
  | { kind: 'saved'; path: string }
  | { kind: 'printed' }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/**
 * What the UI needs from wherever it runs: the desktop app or a plain browser. This is the
 * renderer's only way to the desktop: nothing else reads `window.cadence` (an ESLint rule).
 */
export interface Platform {
  kind: 'desktop' | 'web';
  /** Saves a text file: a save dialog on the desktop, a download in the browser. */
  saveText(defaultName: string, content: string, mimeType?: string): Promise<SaveResult>;
  /** Asks for a file to open (a file dialog on the desktop, a file input in the browser); null when cancelled. */
  openFile(title: string, extensions: string[]): Promise<File | null>;
  /** Saves bytes (a workspace file): a save dialog on the desktop, a download in the browser. */
  saveBinary(defaultName: string, data: Uint8Array, filters: FileFilter[]): Promise<SaveResult>;
  /** Asks for a file and returns its bytes; null when cancelled; throws when unreadable. */
  openBinary(title: string, filters: FileFilter[]): Promise<PickedFile | null>;
  /**
   * Prints a brief to PDF: on the desktop main prints its print view in a hidden window and
   * asks where to save; in a browser `printViewUrl` opens in a new tab with the print dialog.
   */
  printBrief(req: PrintBriefRequest, printViewUrl: string): Promise<PrintOutcome>;
  /** Rolling backups of workspaces in the user-data folder (desktop only; null in a browser). */
  backups: {
    write(workspaceId: string, file: Uint8Array): Promise<void>;
    /** Removes every rolling backup of a forgotten workspace. */
    forget(workspaceId: string): Promise<void>;
  } | null;
  /** Hosting the team's signaling endpoint in this app (desktop only; null in a browser). */
  signalingHost: {
    status(): Promise<SignalStatus>;
    start(req: SignalHostRequest): Promise<SignalStatus>;
    stop(): Promise<SignalStatus>;
  } | null;
  /** Invite links: `cadence://join/…` on the desktop, `#/join/<code>` in a browser tab. */
  onJoinLink(listener: (code: string) => void): () => void;
  /** Menu commands from the application menu (none in the browser). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the preload in the desktop app; absent in the browser. */
    cadence?: DesktopBridge;
  }
}

export { extensionOf } from './fileNames';

let current: Platform | null = null;

/** The platform this renderer runs on (decided once). */
export function platform(): Platform {
  if (!current) {
    const bridge = typeof window !== 'undefined' ? window.cadence : undefined;
    current = bridge ? desktopPlatform(bridge) : webPlatform();
  }
  return current;
}

/** True on macOS, where shortcuts use ⌘ instead of Ctrl. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
