import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs scripts/start-electron.mjs for real, in a scratch project whose node_modules/electron
// is a stand-in: one whose installer fails like it does offline, one whose installer works.

const script = path.resolve(__dirname, '..', 'scripts', 'start-electron.mjs');

function scratchProject(installer: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cadence-start-'));
  for (const sub of ['scripts', 'dist', 'dist-electron', 'node_modules/electron']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  copyFileSync(script, path.join(dir, 'scripts', 'start-electron.mjs'));
  writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html>');
  writeFileSync(path.join(dir, 'dist-electron', 'main.js'), '');
  writeFileSync(path.join(dir, 'node_modules', 'electron', 'install.js'), installer);
  return dir;
}

function start(dir: string, args: string[] = []) {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [path.join(dir, 'scripts', 'start-electron.mjs'), ...args], {
    encoding: 'utf8',
    env,
    timeout: 30_000,
  });
}

describe('npm start without the Electron binary', () => {
  it('tries the download once, then points to the browser build, without a stack trace', () => {
    const dir = scratchProject(
      `console.error(new TypeError('fetch failed').stack); process.exit(1);`,
    );
    const result = start(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('trying to download it once');
    expect(result.stderr).toContain('the desktop binary (Electron) could not be downloaded');
    expect(result.stderr).toContain('Reason: TypeError: fetch failed');
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('runs Electron on the app once the installer provides it', () => {
    // The stand-in "binary" prints its arguments and exits with a code of its own.
    const installer = `
      const fs = require('fs'); const path = require('path');
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      const bin = path.join(__dirname, 'dist', 'electron');
      fs.writeFileSync(bin, '#!/bin/sh\\necho "electron $@"\\nexit 7\\n');
      fs.chmodSync(bin, 0o755);
      fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
    const dir = scratchProject(installer);
    const result = start(dir, ['--inspect']);
    expect(result.stdout).toContain(`electron ${dir} --inspect`);
    expect(result.status).toBe(7);
  });

  it('asks for a build when the app has not been built', () => {
    const dir = scratchProject('process.exit(1);');
    rmSync(path.join(dir, 'dist', 'index.html'));
    const started = start(dir);
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('dist/index.html is missing');
    expect(started.stderr).toContain('npm run build');
  });
});
