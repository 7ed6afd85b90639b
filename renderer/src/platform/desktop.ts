import { MENU_COMMANDS, type DesktopBridge } from '../../../shared/ipc/contract';
import { extensionOf } from './fileNames';
import type { Platform } from './platform';

/** The desktop app: every call goes through the preload's typed bridge (`window.cadence`). */
export function desktopPlatform(bridge: DesktopBridge): Platform {
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
    saveBinary: (defaultName, data, filters) =>
      bridge.invoke('file:save-binary', { defaultName, data, filters }),
    async openBinary(title, filters) {
      const result = await bridge.invoke('file:open-binary', { title, filters });
      if (result.ok) return { name: result.name, data: result.data };
      if (result.reason === 'cancelled') return null;
      throw new Error(result.message ?? 'The file could not be read.');
    },
    async printBrief(req) {
      try {
        const result = await bridge.invoke('pdf:print-brief', req);
        if (result.ok) return { kind: 'saved', path: result.path };
        if (result.reason === 'cancelled') return { kind: 'cancelled' };
        return { kind: 'error', message: result.message ?? 'The PDF could not be written.' };
      } catch (err) {
        return {
          kind: 'error',
          message: `The PDF could not be made (${err instanceof Error ? err.message : String(err)}).`,
        };
      }
    },
    backups: {
      async write(workspaceId, file) {
        await bridge.invoke('backup:write', { workspaceId, file });
      },
      async forget(workspaceId) {
        const result = await bridge.invoke('backup:forget', { workspaceId });
        if (!result.ok) throw new Error(result.message);
      },
    },
    signalingHost: {
      status: () => bridge.invoke('signal:status'),
      start: (req) => bridge.invoke('signal:host', req),
      stop: () => bridge.invoke('signal:stop'),
    },
    onJoinLink: (listener) => bridge.on('deep-link:join', listener),
    onMenuCommand: (listener) =>
      bridge.on('menu:command', (command) => {
        // The bridge is typed, but a command from a newer main process is ignored, not run.
        if ((MENU_COMMANDS as readonly string[]).includes(command)) listener(command);
      }),
  };
}
