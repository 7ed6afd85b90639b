import { parseUrl, type TrustedOrigin, isTrustedUrl } from './origin';

const MAX_EXTERNAL_URL_LENGTH = 2048;
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/**
 * A link the user may open in the system browser or mail client: http(s) with a host and no
 * embedded credentials, or mailto. Everything else (file:, javascript:, custom schemes that
 * would launch other apps) is refused.
 */
export function safeExternalUrl(raw: string): string | null {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  const url = parseUrl(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

export type RequestDecision = 'allow' | 'block';

/**
 * No remote content: a page may load only from our origin, data:/blob:, devtools, and open
 * WebSockets (y-webrtc signaling). Any other http(s), file: or unknown request is blocked.
 */
export function decideRequest(url: string, origin: TrustedOrigin): RequestDecision {
  if (isTrustedUrl(url, origin)) return 'allow';
  const parsed = parseUrl(url);
  if (!parsed) return 'block';
  switch (parsed.protocol) {
    case 'data:':
    case 'blob:':
    case 'devtools:':
    case 'ws:':
    case 'wss:':
      return 'allow';
    default:
      return 'block';
  }
}

/**
 * Permissions we grant, to our own pages only: copying an invite code to the clipboard, and
 * persistent storage (IndexedDB holds every workspace; the browser must never evict it).
 */
const GRANTED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'persistent-storage']);

export function decidePermission(
  permission: string,
  requestingUrl: string | undefined,
  origin: TrustedOrigin,
): boolean {
  if (!GRANTED_PERMISSIONS.has(permission)) return false;
  return requestingUrl !== undefined && isTrustedUrl(requestingUrl, origin);
}
