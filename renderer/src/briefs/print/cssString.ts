// The PDF's running footer must be CSS (`@page` margin boxes take no HTML), and it shows the
// brand and drop title, which any teammate can write. Every code point outside a small safe set
// is written as a CSS hex escape ("\\1F600 ", CSS Syntax 3 §4.3.7), so no character can end the
// string, the declaration or the rule: a `\r`, `\f` or `\n` (string enders), quotes, braces,
// backslashes and semicolons all come out as escapes.
const SAFE = /^[A-Za-z0-9 ]$/;

/** `text` as a double-quoted CSS string that can only ever be read back as that text. */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (SAFE.test(ch)) out += ch;
    // Control characters print nothing useful; a space keeps the words apart.
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += ' ';
    // A lone surrogate (and NUL, above) cannot be escaped to itself: CSS reads it as U+FFFD.
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\FFFD ';
    // The space ends the escape, so a following hex digit or space is read as itself.
    else out += `\\${cp.toString(16).toUpperCase()} `;
  }
  return `${out}"`;
}
