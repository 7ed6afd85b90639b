/**
 * The text of an export file from its bytes. A byte-order mark names the encoding (UTF-8,
 * UTF-16 LE or BE, as Excel's "Unicode text" writes); without one the file is read as UTF-8
 * and, if it is not valid UTF-8, as Windows-1252 (what spreadsheets on Windows save as "CSV").
 * The whole file is decoded at once: decoding it in slices, as a streaming parser reads a
 * file, cut characters that straddled a slice's edge in two, silently (`josé` became `jos��`).
 *
 * `partial`: the bytes are the start of a longer file (its header row), which may end inside
 * a character.
 */
export function decodeExportBytes(bytes: Uint8Array, partial = false): string {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xff && b1 === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes, { stream: partial });
  if (b0 === 0xfe && b1 === 0xff)
    return new TextDecoder('utf-16be').decode(bytes, { stream: partial });
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  try {
    // The decoder drops a leading BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    if (bom) return new TextDecoder('utf-8').decode(bytes, { stream: partial });
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
