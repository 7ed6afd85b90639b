import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './webPreferences';

describe('secureWebPreferences', () => {
  it('follows the Electron security checklist', () => {
    const prefs = secureWebPreferences({
      preload: '/app/preload.cjs',
      isDev: false,
      platform: 'linux',
    });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
  });

  it('gives a window without a bridge no preload at all', () => {
    expect(secureWebPreferences({ isDev: false, platform: 'linux' })).not.toHaveProperty('preload');
  });

  it('spell-checks only where it needs no download', () => {
    expect(secureWebPreferences({ isDev: false, platform: 'darwin' }).spellcheck).toBe(true);
    expect(secureWebPreferences({ isDev: false, platform: 'win32' }).spellcheck).toBe(false);
  });

  it('opens developer tools only in development', () => {
    expect(secureWebPreferences({ isDev: true, platform: 'linux' }).devTools).toBe(true);
  });
});
