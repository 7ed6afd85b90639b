import type { WebPreferences } from 'electron';

/**
 * The renderer's preferences, the Electron security checklist in one place: isolated, sandboxed,
 * no Node, web security on, no <webview>, no drag-and-drop navigation. `preload` is omitted
 * for windows that must not reach the bridge at all (the hidden PDF window).
 */
export function secureWebPreferences(opts: {
  preload?: string;
  isDev: boolean;
  platform: NodeJS.Platform;
}): WebPreferences {
  return {
    ...(opts.preload ? { preload: opts.preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: opts.isDev,
    // Spell checking downloads dictionaries from Google on Windows and Linux; macOS checks
    // natively. Nothing leaves the machine unless the user adds a server.
    spellcheck: opts.platform === 'darwin',
  };
}
