import { describe, expect, it } from 'vitest';
import { decodeExportBytes } from '../../../shared/results';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
  return out;
}

describe('the text of an export file', () => {
  const csv = 'Email,Time\r\njosé@example.com,2026-04-05 10:00\r\n';

  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeExportBytes(utf8(csv))).toBe(csv);
    expect(decodeExportBytes(utf8(`\uFEFF${csv}`))).toBe(csv);
  });

  it('reads UTF-16 in either byte order by its mark', () => {
    expect(decodeExportBytes(utf16(csv, true))).toBe(csv);
    expect(decodeExportBytes(utf16(csv, false))).toBe(csv);
  });

  it('reads a file that is not UTF-8 as Windows-1252', () => {
    // "josé" as a spreadsheet on Windows saves it: é is the single byte 0xE9.
    const bytes = Uint8Array.from([...utf8('jos'), 0xe9, ...utf8('@example.com')]);
    expect(decodeExportBytes(bytes)).toBe('josé@example.com');
  });

  it('the start of a file may end inside a character', () => {
    const bytes = utf8('Email,Name\r\nx@y.z,José');
    expect(decodeExportBytes(bytes.slice(0, bytes.length - 1), true)).toBe(
      'Email,Name\r\nx@y.z,Jos',
    );
  });
});
