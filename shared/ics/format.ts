// RFC 5545 text rules: escaping (3.3.11), line folding at 75 octets (3.1), CRLF line ends.

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

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

/** Joins content lines into a calendar file: folded, CRLF-terminated. */
export function joinLines(lines: string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n';
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
