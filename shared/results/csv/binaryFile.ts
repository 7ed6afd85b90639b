/**
 * What a file that is not a text export is, from its first bytes: a spreadsheet workbook (an
 * .xlsx or .numbers is a zip, an .xls an OLE compound file), or other binary data (a NUL byte,
 * which text never holds unless it is UTF-16, named by its byte-order mark). Null for text.
 * Read as CSV, such a file offered its bytes as column names to map.
 */
export function binaryFileKind(bytes: Uint8Array): 'workbook' | 'binary' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return 'workbook';
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return null;
  return bytes.includes(0) ? 'binary' : null;
}
