import type { DesktopBridge, MenuCommand, SaveResult } from '../../../shared/ipc/contract';
import { MENU_COMMANDS } from '../../../shared/ipc/contract';

/** What the UI needs from wherever it runs: the desktop app or a plain browser. */
export interface Platform {
  kind: 'desktop' | 'web';
  /** Saves a text file: a save dialog on the desktop, a download in the browser. */
  saveText(defaultName: string, content: string, mimeType?: string): Promise<SaveResult>;
  /** Menu commands from the application menu (none in the browser). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    /** Exposed by the preload in the desktop app; absent in the browser. */
    cadence?: DesktopBridge;
  }
}

/** The file name's extension, or 'txt' when it has none (the dialog's filter needs one). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return /^[a-z0-9]{1,10}$/.test(ext) ? ext : 'txt';
}

function desktopPlatform(bridge: DesktopBridge): Platform {
  return {
    kind: 'desktop',
    saveText: (defaultName, content) =>
      bridge.invoke('file:save-text', {
        defaultName,
        content,
        filters: [{ name: 'Text', extensions: [extensionOf(defaultName)] }],
      }),
    onMenuCommand: (listener) =>
      bridge.on('menu:command', (command) => {
        // The bridge is typed, but a command from a newer main process is ignored, not run.
        if ((MENU_COMMANDS as readonly string[]).includes(command)) listener(command);
      }),
  };
}

function webPlatform(): Platform {
  return {
    kind: 'web',
    async saveText(defaultName, content, mimeType = 'text/plain') {
      const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = defaultName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { ok: true, path: defaultName };
    },
    onMenuCommand: () => () => {},
  };
}

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
