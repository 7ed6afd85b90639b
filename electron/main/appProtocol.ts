import path from 'node:path';

// Serves the built renderer (dist/) under app://cadence/.
//
// Why a privileged custom scheme and not file://: IndexedDB (y-indexeddb keeps every workspace
// there) needs a stable, real origin. Every file:// page shares one opaque-ish origin, and a
// page on file:// may read any other local file; app://cadence is its own secure origin whose
// pages can reach only the files in dist/, and it lets us attach CSP headers to every response.

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that an app:// URL names, or null when the URL is for another host or
 * tries to leave `root` (../, encoded slashes, absolute paths, NUL bytes).
 */
export function resolveAppFile(url: string, root: string, host: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== host) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, `.${pathname}`);
  const relative = path.relative(resolvedRoot, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export interface AppProtocolDeps {
  root: string;
  host: string;
  csp: string;
  readFile: (file: string) => Promise<Uint8Array>;
}

/** A `protocol.handle` handler: GET/HEAD of files in dist/, each with our CSP. */
export function createAppProtocolHandler(
  deps: AppProtocolDeps,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveAppFile(request.url, deps.root, deps.host);
    if (!file) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const headers = {
      'Content-Type': mimeTypeFor(file),
      'Content-Security-Policy': deps.csp,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), {
      status: 200,
      headers,
    });
  };
}
