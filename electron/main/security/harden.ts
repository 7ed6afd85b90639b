import type { Session, WebContents } from 'electron';
import { withCsp } from './csp';
import { decidePermission, decideRequest, safeExternalUrl } from './navigation';
import { isTrustedUrl, type TrustedOrigin } from './origin';

export interface HardenDeps {
  origin: TrustedOrigin;
  /** Opens a validated http(s)/mailto link outside the app (shell.openExternal). */
  openExternal: (url: string) => void;
  log: (message: string) => void;
}

/** Opens a link in the system browser if it is safe; never inside the app. */
function openOutside(url: string, deps: HardenDeps): void {
  const safe = safeExternalUrl(url);
  if (safe) deps.openExternal(safe);
  else deps.log(`Refused to open ${url.slice(0, 200)}`);
}

/**
 * Locks one webContents: no new windows (links go to the system browser), no navigation away
 * from our origin, no <webview>. Applied to every webContents from `web-contents-created`.
 */
export function hardenWebContents(contents: WebContents, deps: HardenDeps): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, deps);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, deps.origin)) return;
    event.preventDefault();
    openOutside(event.url, deps);
  });
  contents.on('will-redirect', (event) => {
    if (isTrustedUrl(event.url, deps.origin)) return;
    event.preventDefault();
    deps.log(`Blocked a redirect to ${event.url.slice(0, 200)}`);
  });
  // Cadence uses no <webview>; refusing them all is simpler than securing their preferences.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log('Blocked a <webview>');
  });
}

/**
 * Locks a session: permission requests and checks denied (but clipboard writes from our own
 * pages), no remote content, and our CSP on every response from our origin.
 */
export function hardenSession(session: Session, deps: HardenDeps, csp: string): void {
  const { origin } = deps;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = decidePermission(permission, details.requestingUrl, origin);
    if (!granted) deps.log(`Denied permission "${permission}"`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, origin),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = decideRequest(details.url, origin) === 'block';
    if (cancel) deps.log(`Blocked remote content ${details.url.slice(0, 200)}`);
    callback({ cancel });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isTrustedUrl(details.url, origin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
