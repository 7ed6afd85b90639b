// What a person types into the link field, as the link's address: a web address with or
// without https://, or an email address with or without mailto:. An email address typed bare
// used to become "https://zoe@atelier.example", which the link extension refused: nothing was
// linked and nothing was said.

const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
// A scheme before the first colon ("javascript:", "file:"), not a host and port ("shop:8080").
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;

/** The address `typed` links to, or null when it is no web or email address. */
export function linkAddress(typed: string): string | null {
  const text = typed.trim();
  if (!text || /\s/.test(text)) return null;
  if (EMAIL.test(text)) return `mailto:${text}`;
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'mailto') return EMAIL.test(text.slice('mailto:'.length)) ? text : null;
  if (scheme && scheme !== 'http' && scheme !== 'https') return null;
  const href = scheme ? text : `https://${text}`;
  try {
    const url = new URL(href);
    // A host with a dot: "https://atelier" is a slip, not a shop.
    return url.hostname.includes('.') ? href : null;
  } catch {
    return null;
  }
}
