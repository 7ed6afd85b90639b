// RFC 5545 text rules: escaping (3.3.11), line folding at 75 octets (3.1), CRLF line ends.

const encoder = new TextEncoder();

// RFC 5545 3.1 and 3.3.11: a content line may hold no CONTROL character but HTAB. Line breaks in
// a value are written as the two characters "\n"; every other control character (C0, DEL, and
// C1, which some readers treat as line ends) is dropped, so no value can end a line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;
// A lone UTF-16 surrogate cannot be written as UTF-8; it becomes U+FFFD like TextEncoder does.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops the control characters RFC 5545 forbids in a content line (HTAB stays). */
export function stripControls(value: string): string {
  return value.replace(FORBIDDEN_CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Escapes a TEXT value: backslash, semicolon, comma and line breaks (as "\n"); other control
 * characters are dropped.
 */
export function escapeText(value: string): string {
  return stripControls(
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, '\\n'),
  );
}

const UID_SAFE = /^[A-Za-z0-9_.~-]$/;

/**
 * A document value (a drop id) made safe for a UID: characters outside A–Z, a–z, 0–9 and
 * `_.~-` are percent-encoded as UTF-8, so ordinary ids stay as they are and no id can carry a
 * separator, a line break or a control character into the file.
 */
export function uidPart(value: string): string {
  let out = '';
  for (const ch of value.replace(LONE_SURROGATE, '\uFFFD')) {
    if (UID_SAFE.test(ch)) out += ch;
    else
      for (const b of encoder.encode(ch))
        out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Folds a content line so no line exceeds 75 octets (UTF-8), never splitting a character;
 * continuation lines start with one space.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines hold 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * Joins content lines into a calendar file: folded, CRLF-terminated. Each line is stripped of
 * control characters first, a last guard so that no value, escaped or not, can start a line.
 */
export function joinLines(lines: string[]): string {
  return lines.map((line) => foldLine(stripControls(line))).join('\r\n') + '\r\n';
}

/** `yyyy-MM-dd` → `yyyyMMdd` (a DATE value). */
export function icsDate(day: string): string {
  return day.replace(/-/g, '');
}

/** An instant as a UTC DATE-TIME value, e.g. 20260314T170000Z. */
export function icsUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
