// cadence://join/<invite code> links, opened from a browser, a chat or a mail.
// Main only checks the link's shape and forwards the code; shared/sync decodes and validates it.

export const DEEP_LINK_SCHEME = 'cadence';
const JOIN_PREFIX = /^cadence:\/\/join\/+/i;
const MAX_CODE_LENGTH = 8192;
// Invite codes are URL-safe text (base64url and the like); '+', '/', '=' tolerate plain base64.
const CODE_CHARS = /^[A-Za-z0-9._~+/=-]+$/;

/** The invite code in a `cadence://join/<code>` link, or null for anything else. */
export function parseJoinLink(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_CODE_LENGTH + 64) return null;
  const trimmed = raw.trim();
  if (!JOIN_PREFIX.test(trimmed)) return null;
  let code = trimmed.replace(JOIN_PREFIX, '').replace(/\/+$/, '');
  // Some launchers percent-encode the link; decode once, and refuse a broken encoding.
  if (code.includes('%')) {
    try {
      code = decodeURIComponent(code);
    } catch {
      return null;
    }
  }
  if (code.length === 0 || code.length > MAX_CODE_LENGTH || !CODE_CHARS.test(code)) return null;
  return code;
}

/** The first join link among a process's arguments (Windows and Linux pass links this way). */
export function findJoinLinkInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const code = parseJoinLink(arg);
    if (code !== null) return code;
  }
  return null;
}

/**
 * Holds invite codes that arrive before the window can receive them (a link can start the
 * app), and hands them over once the renderer has loaded.
 */
export class PendingDeepLinks {
  private readonly pending: string[] = [];
  private deliver: ((code: string) => void) | null = null;

  push(code: string): void {
    if (this.deliver) this.deliver(code);
    else if (!this.pending.includes(code)) this.pending.push(code);
  }

  /** The renderer is ready: deliver what waited, then deliver new codes at once. */
  attach(deliver: (code: string) => void): void {
    this.deliver = deliver;
    for (const code of this.pending.splice(0)) deliver(code);
  }

  /** The window went away (or is reloading): hold codes again. */
  detach(): void {
    this.deliver = null;
  }
}
