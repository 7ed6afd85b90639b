import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCsp } from './csp';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')] as const;
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only from our own origin in the app', () => {
    const csp = directives(contentSecurityPolicy('app'));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
  });

  it('never allows eval, and inline scripts only for the dev server', () => {
    expect(contentSecurityPolicy('app')).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('dev')).not.toContain('unsafe-eval');
    expect(directives(contentSecurityPolicy('app')).get('script-src')).not.toContain(
      'unsafe-inline',
    );
    expect(directives(contentSecurityPolicy('dev')).get('script-src')).toContain('unsafe-inline');
  });

  it('lets the team reach signaling servers over WebSockets', () => {
    expect(directives(contentSecurityPolicy('app')).get('connect-src')).toMatch(/ws: wss:/);
  });
});

describe('withCsp', () => {
  it('replaces a CSP header the response carried, whatever its case', () => {
    const out = withCsp(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'none'",
    );
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['Content-Security-Policy']).toEqual(["default-src 'none'"]);
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it('adds the CSP when there were no headers', () => {
    expect(withCsp(undefined, 'x')['Content-Security-Policy']).toEqual(['x']);
  });
});
