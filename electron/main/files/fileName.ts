// File names that every OS accepts, built from user text (brand, drop titles).

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** A safe file name: no path separators or reserved characters, not empty, at most 120 chars. */
export function sanitizeFileName(raw: string, fallback = 'untitled'): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what we strip
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, '-')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  let name = cleaned.slice(0, 120).trim();
  if (!name) name = fallback;
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return name;
}
