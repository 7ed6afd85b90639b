// Sets a PDF's document information (title, author) after Chromium has printed it: Chromium
// takes the title from <title> but has no way to set an author. The change is appended as a
// PDF incremental update (a new Info object, a new cross-reference section and trailer that
// point back to the old ones), so not one byte of the printed document is rewritten.

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  creator?: string;
}

const latin1 = new TextDecoder('latin1');

/** The last trailer of a classic-xref PDF, or null for what we will not touch. */
export function readTrailer(pdf: Uint8Array): {
  size: number;
  root: string;
  info: string | null;
  id: string | null;
  startxref: number;
} | null {
  // The tail holds startxref and, for classic cross-reference tables, the trailer.
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 4096)));
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) return null;
  const trailerAt = tail.lastIndexOf('trailer');
  if (trailerAt < 0) return null; // cross-reference streams: leave the file as printed
  const dict = tail.slice(trailerAt, start.index);
  if (/\/Encrypt\b/.test(dict)) return null;
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!size || !root) return null;
  return {
    size: Number(size[1]),
    root: root[1]!,
    info: /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1] ?? null,
    id: /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1] ?? null,
    startxref: Number(start[1]),
  };
}

/** A PDF text string: UTF-16BE with a byte-order mark, written in hex (any character is safe). */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++)
    hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** The creation date of the old Info dictionary, kept so the document keeps its birth date. */
function oldDates(pdf: Uint8Array, info: string | null): string {
  if (!info) return '';
  const [num, gen] = info.split(/\s+/);
  const text = latin1.decode(pdf);
  const obj = new RegExp(`(?:^|[\\r\\n\\s])${num}\\s+${gen}\\s+obj([\\s\\S]*?)endobj`).exec(text);
  if (!obj) return '';
  const created = /\/CreationDate\s*(\([^)]*\))/.exec(obj[1]!)?.[1];
  const producer = /\/Producer\s*(\([^)]*\))/.exec(obj[1]!)?.[1];
  return `${created ? ` /CreationDate ${created}` : ''}${producer ? ` /Producer ${producer}` : ''}`;
}

/** The PDF with its document information replaced; unchanged if it is not a PDF we can update. */
export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const trailer = readTrailer(pdf);
  if (!trailer) return pdf;
  const entries = [
    info.title ? `/Title ${pdfTextString(info.title)}` : '',
    info.author ? `/Author ${pdfTextString(info.author)}` : '',
    info.subject ? `/Subject ${pdfTextString(info.subject)}` : '',
    info.creator ? `/Creator ${pdfTextString(info.creator)}` : '',
  ].filter(Boolean);
  const objectNumber = trailer.size;
  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const object = `${objectNumber} 0 obj\n<< ${entries.join(' ')}${oldDates(pdf, trailer.info)} >>\nendobj\n`;
  const objectOffset = pdf.length + lead.length;
  const xrefOffset = objectOffset + object.length;
  const update =
    lead +
    object +
    `xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${objectNumber + 1} /Root ${trailer.root} /Info ${objectNumber} 0 R` +
    `${trailer.id ? ` /ID ${trailer.id}` : ''} /Prev ${trailer.startxref} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  // Everything appended is ASCII, so one character is one byte.
  const tail = new Uint8Array(update.length);
  for (let i = 0; i < update.length; i++) tail[i] = update.charCodeAt(i);
  const out = new Uint8Array(pdf.length + tail.length);
  out.set(pdf, 0);
  out.set(tail, pdf.length);
  return out;
}
