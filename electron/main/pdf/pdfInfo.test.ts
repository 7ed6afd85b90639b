import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalPdf } from './fixtures';
import { pdfTextString, readTrailer, setPdfInfo } from './pdfInfo';

function poppler(tool: string, pdf: Uint8Array, args: string[] = []) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cadence-pdf-')), 'brief.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
    encoding: 'utf8',
  });
  if (result.error)
    throw new Error(`${tool} is needed for this test (apt-get install -y poppler-utils).`);
  return result;
}

describe('setPdfInfo', () => {
  it('sets title and author, keeps the creation date, and leaves the pages as printed', () => {
    const before = minimalPdf();
    const after = setPdfInfo(before, {
      title: 'Winter Pier Scarf — creator brief v1',
      author: 'Saltmarsh Studio',
      creator: 'Cadence',
    });
    expect(after.subarray(0, before.length)).toEqual(before);
    const info = poppler('pdfinfo', after);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Title:\s+Winter Pier Scarf — creator brief v1/);
    expect(info.stdout).toMatch(/Author:\s+Saltmarsh Studio/);
    expect(info.stdout).toMatch(/Creator:\s+Cadence/);
    expect(info.stdout).toMatch(/Producer:\s+Skia\/PDF m156/);
    expect(info.stdout).toMatch(/CreationDate:\s+Sat Nov 21 23:56:22 2026/);
    expect(info.stdout).toMatch(/Pages:\s+1/);
    expect(poppler('pdftotext', after).stdout).toContain('Winter Pier Scarf');
  });

  it('can be applied twice (each update points back to the previous one)', () => {
    const once = setPdfInfo(minimalPdf(), { author: 'First' });
    const twice = setPdfInfo(once, { author: 'Saltmarsh Studio', title: 'Brief' });
    expect(readTrailer(twice)).toMatchObject({ size: 9, info: '8 0 R' });
    const info = poppler('pdfinfo', twice);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Author:\s+Saltmarsh Studio/);
  });

  it('leaves a file it cannot safely update as it is', () => {
    const notPdf = new TextEncoder().encode('hello');
    expect(setPdfInfo(notPdf, { author: 'x' })).toBe(notPdf);
    const encrypted = new TextEncoder().encode(
      '%PDF-1.4\ntrailer\n<< /Size 3 /Root 1 0 R /Encrypt 2 0 R >>\nstartxref\n9\n%%EOF\n',
    );
    expect(setPdfInfo(encrypted, { author: 'x' })).toBe(encrypted);
  });

  it('writes any text safely, accents and brackets included', () => {
    expect(pdfTextString('Élodie (Paris)')).toBe(
      '<FEFF00C9006C006F00640069006500200028005000610072006900730029>',
    );
  });
});
