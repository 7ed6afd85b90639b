import { describe, expect, it } from 'vitest';
import { binaryFileKind, decodeExportBytes } from '../../../shared/results';

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

describe('a file that is not text', () => {
  it('is a workbook (xlsx, xls) or binary data; text in any encoding is not', () => {
    expect(binaryFileKind(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('workbook');
    expect(
      binaryFileKind(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00])),
    ).toBe('workbook');
    expect(binaryFileKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))).toBe('binary');
    expect(binaryFileKind(utf8('Name,Email\r\n#1,josé@example.com\r\n'))).toBeNull();
    expect(binaryFileKind(Uint8Array.from([0x6a, 0x6f, 0x73, 0xe9]))).toBeNull();
    // UTF-16 text has a zero byte in every ASCII letter.
    expect(binaryFileKind(utf16('Name\tEmail\r\n', true))).toBeNull();
    expect(binaryFileKind(utf16('Name\tEmail\r\n', false))).toBeNull();
    expect(binaryFileKind(new Uint8Array())).toBeNull();
  });
});
