// The Content-Security-Policy every renderer page gets, as a response header.

/**
 * Strict by default: scripts only from our own origin, no plugins, no framing, no forms.
 * Styles allow inline (React style props and the rich-text editor set them); images and fonts
 * allow data:/blob: (pasted brief images live in the document); connections allow ws:/wss:
 * because the team's signaling addresses are chosen by the user.
 * The dev server additionally needs inline scripts (Vite's React refresh preamble).
 */
export function contentSecurityPolicy(mode: 'app' | 'dev'): string {
  const scriptSrc = mode === 'dev' ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'none'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob: data: ws: wss:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers with our CSP in place of any the response carried (whatever its letter case). */
export function withCsp(
  headers: Record<string, string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== 'content-security-policy') out[key] = value;
  }
  out['Content-Security-Policy'] = [csp];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}
