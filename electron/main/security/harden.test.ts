import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from './harden';

const origin = { protocol: 'app:', host: 'cadence' };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
  });
  return {
    contents: contents as unknown as WebContents,
    open: (url: string) => openHandler!({ url }),
    emit(event: string, url?: string) {
      const e = {
        url,
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      emitter.emit(event, e);
      return e.defaultPrevented;
    },
  };
}

function deps() {
  return { origin, openExternal: vi.fn(), log: vi.fn() };
}

describe('hardenWebContents', () => {
  it('never opens a new app window; safe links go to the system browser', () => {
    const f = fakeContents();
    const d = deps();
    hardenWebContents(f.contents, d);
    expect(f.open('https://www.tiktok.com/@creator')).toEqual({ action: 'deny' });
    expect(d.openExternal).toHaveBeenCalledWith('https://www.tiktok.com/@creator');
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(d.openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation away from the app', () => {
    const f = fakeContents();
    const d = deps();
    hardenWebContents(f.contents, d);
    expect(f.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(d.openExternal).toHaveBeenCalledWith('https://evil.example/');
    expect(f.emit('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(d.openExternal).toHaveBeenCalledTimes(1);
    expect(f.emit('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('lets a page of the app move within the app', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, deps());
    expect(f.emit('will-navigate', 'app://cadence/index.html#/calendar')).toBe(false);
  });

  it('refuses every <webview>', () => {
    const f = fakeContents();
    hardenWebContents(f.contents, deps());
    expect(f.emit('will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    // Loosely typed on purpose: each test calls the handler Electron would call.
    type Handler = (...args: unknown[]) => unknown;
    const handlers: Record<string, Handler> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      webRequest: {
        onBeforeRequest: (h: never) => (handlers.before = h),
        onHeadersReceived: (h: never) => (handlers.headers = h),
      },
    };
    return {
      session: session as unknown as Session,
      handlers,
    };
  }

  it('denies permission requests and checks, but our clipboard write', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, deps(), 'csp');
    const callback = vi.fn();
    handlers.request!(null, 'media', callback, { requestingUrl: 'app://cadence/index.html' });
    expect(callback).toHaveBeenLastCalledWith(false);
    handlers.request!(null, 'clipboard-sanitized-write', callback, {
      requestingUrl: 'app://cadence/index.html',
    });
    expect(callback).toHaveBeenLastCalledWith(true);
    expect(handlers.check!(null, 'geolocation', 'app://cadence')).toBe(false);
  });

  it('cancels remote requests', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, deps(), 'csp');
    const callback = vi.fn();
    handlers.before!({ url: 'https://tracker.example/pixel.gif' }, callback);
    expect(callback).toHaveBeenLastCalledWith({ cancel: true });
    handlers.before!({ url: 'app://cadence/assets/app.js' }, callback);
    expect(callback).toHaveBeenLastCalledWith({ cancel: false });
  });

  it('puts our CSP on responses from our origin only', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, deps(), "default-src 'none'");
    const callback = vi.fn();
    handlers.headers!({ url: 'app://cadence/index.html', responseHeaders: {} }, callback);
    expect(callback.mock.lastCall![0].responseHeaders['Content-Security-Policy']).toEqual([
      "default-src 'none'",
    ]);
    handlers.headers!({ url: 'wss://signal.example/', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenLastCalledWith({});
  });
});
