import { describe, expect, it } from 'vitest';
import { withPdfInfo } from '../../../shared/brief';

// A minimal one-page PDF with a classic cross-reference table, as Chromium writes them.
function tinyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    '<< /Title (Old) /Producer (Skia/PDF) >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R\n/Info 4 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(body);
}

const hex = (s: string) =>
  'FEFF' + [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('');

describe('PDF document information', () => {
  it('adds title and author in an update that points back to the original', () => {
    const src = tinyPdf();
    const out = withPdfInfo(src, { title: 'Harbour linen — brief v2', author: 'Harbour & Thread' });
    const text = new TextDecoder('latin1').decode(out);
    expect(text.startsWith(new TextDecoder('latin1').decode(src))).toBe(true);
    expect(text).toContain(`/Author <${hex('Harbour & Thread')}>`);
    expect(text).toContain(`/Title <${hex('Harbour linen — brief v2')}>`);
    const trailer = text.slice(text.lastIndexOf('trailer'));
    expect(trailer).toMatch(/\/Size 6 \/Root 1 0 R \/Info 5 0 R \/Prev \d+/);
    // The new xref entry points at the new object.
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const objAt = Number(/5 1\n(\d{10}) 00000 n/.exec(text.slice(xrefAt))![1]);
    expect(text.slice(objAt, objAt + 7)).toBe('5 0 obj');
  });

  it('refuses a file without a trailer, with a message', () => {
    expect(() =>
      withPdfInfo(new TextEncoder().encode('hello'), { title: 't', author: 'a' }),
    ).toThrow(/no trailer/);
  });
});
