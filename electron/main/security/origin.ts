// Where the renderer comes from, and how main recognises it.

/** The privileged scheme that serves the built renderer (dist/) in the desktop app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cadence';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Scheme + host of the only pages allowed to use the bridge. */
export interface TrustedOrigin {
  protocol: string; // with the colon, as URL#protocol gives it: 'app:' or 'http:'
  host: string; // host[:port]
}

export type RendererSource =
  | { kind: 'app'; entryUrl: string; origin: TrustedOrigin }
  | { kind: 'dev'; entryUrl: string; origin: TrustedOrigin };

const APP_SOURCE: RendererSource = {
  kind: 'app',
  entryUrl: APP_ENTRY_URL,
  origin: { protocol: `${APP_SCHEME}:`, host: APP_HOST },
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The built renderer, or a Vite dev server on loopback when CADENCE_DEV_URL is set in an
 * unpackaged build. A packaged app never loads anything but its own files.
 */
export function resolveRendererSource(
  devUrl: string | undefined,
  isPackaged: boolean,
): { source: RendererSource; warning?: string } {
  if (!devUrl) return { source: APP_SOURCE };
  if (isPackaged) {
    return { source: APP_SOURCE, warning: 'CADENCE_DEV_URL is ignored in a packaged app.' };
  }
  const url = parseUrl(devUrl);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    return {
      source: APP_SOURCE,
      warning: `CADENCE_DEV_URL must be an http:// address on this machine (got "${devUrl}"); loading the built app instead.`,
    };
  }
  return {
    source: { kind: 'dev', entryUrl: url.href, origin: { protocol: url.protocol, host: url.host } },
  };
}

/** True when `url` is a page of our renderer (same scheme and host). */
export function isTrustedUrl(url: string, origin: TrustedOrigin): boolean {
  const parsed = parseUrl(url);
  // Compare scheme and host, not URL#origin: Node reports "null" as the origin of custom schemes.
  return parsed !== null && parsed.protocol === origin.protocol && parsed.host === origin.host;
}

/** The shape of an IPC event main needs to judge who sent it. */
export interface IpcSenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Only the top frame of our own renderer may use the bridge: not an iframe, not a page that
 * somehow navigated elsewhere, not a frame that has gone away.
 */
export function isTrustedSender(event: IpcSenderLike, origin: TrustedOrigin): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url, origin);
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
