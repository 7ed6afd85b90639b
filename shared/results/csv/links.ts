/** Query parameters that carry a creator's tracking reference. */
export const LINK_PARAMS = [
  'ref',
  'via',
  'aff',
  'affiliate',
  'creator',
  'utm_source',
  'utm_campaign',
  'utm_content',
  'utm_term',
] as const;

// A full URL, or a path on the shop's own site (`/pages/ana`, `/products/x?ref=ana`: Shopify's
// landing site is written without the host).
const URLISH = /(?:https?:\/\/[^\s"'<>,]+)|(?:(?:^|[\s:=])\/[^\s"'<>,]*)/gi;

function paramTokens(query: string, into: Set<string>): void {
  for (const part of query.split('&')) {
    const [k, v = ''] = part.split('=');
    const token = paramToken(k ?? '', v);
    if (token) into.add(token);
  }
}

/**
 * The token of one link parameter and its value as written in a URL (`utm_source`, `lena`
 * → `utm_source=lena`), or null when the key is not a tracking parameter or the value is empty.
 */
export function paramToken(rawKey: string, rawValue: string): string | null {
  const key = decodeSafe(rawKey).trim().toLowerCase();
  const value = decodeSafe(rawValue).trim().toLowerCase();
  return value && (LINK_PARAMS as readonly string[]).includes(key) ? `${key}=${value}` : null;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** `host/path` of a URL, lower case, without `www.` or a trailing slash. */
function hostPath(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?([^/?#]+)([^?#]*)/i.exec(url);
  if (!m) return null;
  return `${m[1]!.toLowerCase()}${m[2]!.replace(/\/+$/, '').toLowerCase()}`;
}

/** A path on the shop's site as a token: `*` then the path, lower case, no trailing slash. */
function sitePath(path: string): string | null {
  const p = path.split(/[?#]/)[0]!.replace(/\/+$/, '').toLowerCase();
  return p ? `*${p}` : null;
}

/**
 * The token a link's `host/path` token also matches as a path on the shop's own site (an order
 * whose landing site was written without the host), or null for a ref/utm token or a bare host.
 */
export function sitePathOf(token: string): string | null {
  if (token.includes('=')) return null;
  const slash = token.indexOf('/');
  return slash > 0 ? `*${token.slice(slash)}` : null;
}

/**
 * The tracking traces in free text (landing site, referrer, note attributes): full URLs as
 * `host/path`, paths on the shop's site as `*` and the path, and ref/utm values as `key=value`. Nothing
 * else of the text is kept.
 */
export function extractLinkTokens(text: string): string[] {
  const out = new Set<string>();
  if (!text) return [];
  for (const raw of text.match(URLISH) ?? []) {
    const url = raw.trim().replace(/^[:=]/, '').trim();
    const q = url.indexOf('?');
    if (q >= 0) paramTokens(url.slice(q + 1).split('#')[0]!, out);
    if (url.startsWith('/')) {
      const path = sitePath(url);
      if (path) out.add(path);
    } else {
      const hp = hostPath(url);
      if (hp) out.add(hp);
    }
  }
  // "ref: ana" or "utm_source=ana" written as an attribute line.
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_]+)\s*[:=]\s*([^\s/?&]+)\s*$/.exec(line);
    if (m) paramTokens(`${m[1]}=${m[2]}`, out);
  }
  return [...out].slice(0, 20);
}

/**
 * How an order is matched to a creator's tracking link: by its ref/utm values when the link
 * has any (`?ref=ana`), else by the link's own host and path (`shop.com/ana`).
 */
export function trackingLinkTokens(link: string): string[] {
  const trimmed = link.trim();
  if (!trimmed) return [];
  const params = new Set<string>();
  const q = trimmed.indexOf('?');
  if (q >= 0) paramTokens(trimmed.slice(q + 1).split('#')[0]!, params);
  if (params.size) return [...params];
  const hp = hostPath(trimmed);
  return hp ? [hp] : [];
}
