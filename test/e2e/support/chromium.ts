import { accessSync, constants } from 'node:fs';

/** Where Debian's Chromium lives; CHROMIUM_PATH overrides it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Throws a clear, actionable error when Chromium is missing: e2e tests never skip silently. */
export function assertChromium(): string {
  const path = chromiumPath();
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${path}: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a Chromium binary). End-to-end tests cannot run without it.',
    );
  }
  return path;
}
