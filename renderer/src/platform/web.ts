import { parseWebInviteLink } from '../../../shared/sync/invite';
import type { Platform } from './platform';

/** Hands bytes to the browser as a download (the browser's own save). */
function download(defaultName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = defaultName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A plain browser: downloads, a file input, the print dialog; no desktop-only features. */
export function webPlatform(): Platform {
  return {
    kind: 'web',
    async saveText(defaultName, content, mimeType = 'text/plain') {
      download(defaultName, new Blob([content], { type: mimeType }));
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
    async saveBinary(defaultName, data) {
      download(
        defaultName,
        new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      );
      return { ok: true, path: defaultName };
    },
    openBinary(_title, filters) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = [
          ...filters.flatMap((f) => f.extensions.map((e) => `.${e}`)),
          'application/octet-stream',
        ].join(',');
        input.onchange = async () => {
          const file = input.files?.[0];
          resolve(
            file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null,
          );
        };
        input.oncancel = () => resolve(null);
        input.click();
      });
    },
    async printBrief(_req, printViewUrl) {
      const tab = window.open(printViewUrl, '_blank');
      if (!tab) {
        return {
          kind: 'error',
          message: 'The browser blocked the print tab: allow pop-ups for Cadence and export again.',
        };
      }
      return { kind: 'printed' };
    },
    backups: null,
    signalingHost: null,
    // Invite links: the app's address with `#/join/<code>` (at load or later). The code is
    // taken out of the address at once, so it does not stay in the tab's history or a reload.
    onJoinLink(listener) {
      if (typeof window === 'undefined') return () => {};
      const read = () => {
        const code = parseWebInviteLink(window.location.hash);
        if (code === null) return;
        const url = new URL(window.location.href);
        url.hash = '';
        window.history.replaceState(null, '', url);
        listener(code);
      };
      read();
      window.addEventListener('hashchange', read);
      return () => window.removeEventListener('hashchange', read);
    },
    onMenuCommand: () => () => {},
  };
}
