import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder flips Electron's fuses in the packaged binary from `electronFuses` in
// electron-builder.yml. Read that block as electron-builder does (a YAML map of booleans).
function fusesConfig(): Record<string, boolean> {
  const yml = readFileSync(path.resolve(__dirname, '../../../electron-builder.yml'), 'utf8');
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThanOrEqual(0);
  const out: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+(\w+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (m) out[m[1]!] = m[2] === 'true';
    else if (line.trim() !== '' && !line.trim().startsWith('#')) {
      throw new Error(`Unreadable fuse line: ${line}`);
    }
  }
  return out;
}

describe('Electron fuses of the packaged app', () => {
  it('switch off running as Node, NODE_OPTIONS and inspector flags; keep the app in a checked asar', () => {
    expect(fusesConfig()).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('package the app as an asar (the integrity check needs one)', () => {
    const yml = readFileSync(path.resolve(__dirname, '../../../electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^asar: true$/m);
  });
});
