/**
 * Sets a PDF's document information (title, author, subject, creator) by appending an
 * incremental update: Chromium's printToPDF writes the title from <title> but no author.
 * The original bytes are kept as they are; readers use the newest trailer's /Info.
 */
export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  creator?: string;
}

const latin1 = (bytes: Uint8Array, from: number) => {
  let s = '';
  for (let i = from; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

// A PDF text string: UTF-16BE with a byte-order mark, as hex (safe for any character).
function pdfText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++)
    hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/** Returns the PDF with its info dictionary replaced; throws when the file has no classic trailer. */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo, now = new Date()): Uint8Array {
  // Only the tail is needed: the last trailer and startxref sit within the final kilobytes.
  const tailStart = Math.max(0, pdf.length - 4096);
  const tail = latin1(pdf, tailStart);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!startxref || trailerAt < 0) throw new Error('Not a PDF this app can label (no trailer).');
  const trailer = tail.slice(trailerAt);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!Number.isInteger(size) || !root)
    throw new Error('Not a PDF this app can label (bad trailer).');

  const id = size;
  const fields = [
    `/Title ${pdfText(info.title)}`,
    `/Author ${pdfText(info.author)}`,
    ...(info.subject ? [`/Subject ${pdfText(info.subject)}`] : []),
    `/Creator ${pdfText(info.creator ?? 'Cadence')}`,
    `/Producer (Cadence with Skia/PDF)`,
    `/CreationDate ${pdfDate(now)}`,
    `/ModDate ${pdfDate(now)}`,
  ];
  const head = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objOffset = pdf.length + head.length;
  const obj = `${id} 0 obj\n<< ${fields.join(' ')} >>\nendobj\n`;
  const xrefOffset = objOffset + obj.length;
  const update =
    head +
    obj +
    `xref\n0 1\n0000000000 65535 f \n${id} 1\n${String(objOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${id + 1} /Root ${root} /Info ${id} 0 R /Prev ${startxref[1]} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  for (let i = 0; i < update.length; i++) out[pdf.length + i] = update.charCodeAt(i);
  return out;
}
