import type { DesktopBridge, MenuCommand, SaveResult } from '../../../shared/ipc/contract';
import { MENU_COMMANDS } from '../../../shared/ipc/contract';

/** What the UI needs from wherever it runs: the desktop app or a plain browser. */
export interface Platform {
  kind: 'desktop' | 'web';
  /** Saves a text file: a save dialog on the desktop, a download in the browser. */
  saveText(defaultName: string, content: string, mimeType?: string): Promise<SaveResult>;
  /** Asks for a file to open (a file dialog on the desktop, a file input in the browser); null when cancelled. */
  openFile(title: string, extensions: string[]): Promise<File | null>;
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
    openFile: async (title, extensions) => {
      const r = await bridge.invoke('file:open-binary', {
        title,
        filters: [{ name: extensions.join(', ').toUpperCase(), extensions }],
      });
      if (!r.ok) {
        if (r.reason === 'cancelled') return null;
        throw new Error(r.message ?? 'The file could not be opened.');
      }
      return new File([r.data as Uint8Array<ArrayBuffer>], r.name);
    },
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
    openFile: (_title, extensions) =>
      new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = extensions.map((e) => `.${e}`).join(',');
        input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
        input.addEventListener('cancel', () => resolve(null));
        input.click();
      }),
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
