import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const TOKEN_RE = /^[A-Za-z0-9_-]{22,128}$/;

/**
 * The hosted signaling endpoint's access token, read from `file` or made (144 random bits,
 * base64url) and kept there, so addresses already in invites keep working after a restart.
 */
export function signalingToken(file: string): string {
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (TOKEN_RE.test(stored)) return stored;
  } catch {
    // No token yet: make one below.
  }
  const token = randomBytes(18).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}
