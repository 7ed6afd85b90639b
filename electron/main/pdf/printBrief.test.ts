import { describe, expect, it, vi } from 'vitest';
import type { PrintBriefRequest } from '../../../shared/ipc/contract';
import { minimalPdf } from './fixtures';
import {
  pdfFileName,
  pdfInfoFor,
  pdfOptions,
  printBrief,
  printBriefUrl,
  readDocumentInfo,
  type PrintPage,
} from './printBrief';

const request: PrintBriefRequest = {
  workspaceId: 'w_k3j2h1',
  dropId: 'd_9x8y7z',
  pageSize: 'Letter',
  version: 3,
  defaultName: 'Maison Linen-Summer Linen-brief-v3.pdf',
};

function page(readyAfter: number, opts: { printFails?: boolean } = {}) {
  let checks = 0;
  const p = {
    isReady: vi.fn(async () => ++checks > readyAfter),
    documentInfo: vi.fn(async () => ({
      title: 'Summer Linen — creator brief v3',
      author: 'Maison Linen',
      subject: 'Creator brief for Summer Linen · Ana Lima · launch Sat 14 Mar 2026',
    })),
    print: vi.fn(async (): Promise<Uint8Array> => {
      if (opts.printFails) throw new Error('Printing failed');
      return new Uint8Array([37, 80, 68, 70, 45]);
    }),
    close: vi.fn(),
  } satisfies PrintPage;
  return p;
}

function deps(p: PrintPage, chosen: string | null = '/home/ana/Documents/brief.pdf') {
  let clock = 0;
  return {
    entryUrl: 'app://cadence/index.html',
    open: vi.fn(async () => p),
    save: {
      chooseSavePath: vi.fn(async () => chosen ?? undefined),
      writeFile: vi.fn(async () => undefined),
      defaultDir: '/home/ana/Documents',
    },
    timeoutMs: 1000,
    pause: async () => {
      clock += 100;
    },
    now: () => clock,
  };
}

describe('printBriefUrl', () => {
  it('addresses the print view of the brief in the app itself', () => {
    expect(printBriefUrl('app://cadence/index.html', request)).toBe(
      'app://cadence/index.html#/print/brief/w_k3j2h1/d_9x8y7z?size=Letter&v=3',
    );
    expect(printBriefUrl('http://localhost:5173/#/board', request)).toBe(
      'http://localhost:5173/#/print/brief/w_k3j2h1/d_9x8y7z?size=Letter&v=3',
    );
  });
});

describe('pdfFileName', () => {
  it('keeps the brand-drop-brief-version name, safe and ending in .pdf', () => {
    expect(pdfFileName('maison-linen-summer-linen-brief-v3.pdf')).toBe(
      'maison-linen-summer-linen-brief-v3.pdf',
    );
    expect(pdfFileName('Maison/Linen: "Summer"')).toBe('Maison-Linen- -Summer.pdf');
    expect(pdfFileName('.pdf')).toBe('brief.pdf');
    expect(pdfFileName('x'.repeat(300)).length).toBeLessThanOrEqual(120);
  });
});

describe("the print view's document info", () => {
  it('is read from <title> and its meta tags, checked and cut to length', () => {
    expect(readDocumentInfo({ title: ' Brief ', author: 'Maison', subject: 'For Ana' })).toEqual({
      title: 'Brief',
      author: 'Maison',
      subject: 'For Ana',
    });
    expect(readDocumentInfo({ title: 7, author: null })).toEqual({
      title: '',
      author: '',
      subject: '',
    });
    expect(readDocumentInfo(undefined).title).toBe('');
    expect(readDocumentInfo({ subject: 'x'.repeat(1000) }).subject).toHaveLength(300);
    expect(pdfInfoFor({ title: 'T', author: '', subject: 'S' })).toEqual({
      title: 'T',
      author: undefined,
      subject: 'S',
      creator: 'Cadence',
    });
  });

  it('asks for a tagged PDF with an outline', () => {
    expect(pdfOptions(request)).toMatchObject({
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
  });
});

describe('printBrief', () => {
  it('waits for the print view, prints with its @page size, and saves where the user chose', async () => {
    const p = page(3);
    const d = deps(p);
    const result = await printBrief(request, d);
    expect(d.open).toHaveBeenCalledWith(
      'app://cadence/index.html#/print/brief/w_k3j2h1/d_9x8y7z?size=Letter&v=3',
    );
    expect(p.isReady).toHaveBeenCalledTimes(4);
    expect(p.print).toHaveBeenCalledWith(pdfOptions(request));
    expect(pdfOptions(request)).toMatchObject({
      pageSize: 'Letter',
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(d.save.chooseSavePath).toHaveBeenCalledWith({
      defaultPath: '/home/ana/Documents/Maison Linen-Summer Linen-brief-v3.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(d.save.writeFile).toHaveBeenCalledWith(
      '/home/ana/Documents/brief.pdf',
      new Uint8Array([37, 80, 68, 70, 45]),
    );
    expect(result).toEqual({ ok: true, path: '/home/ana/Documents/brief.pdf' });
    expect(p.close).toHaveBeenCalled();
  });

  it('sets the brief title, the brand as author and the subject in the saved PDF', async () => {
    const p = page(0);
    p.print.mockResolvedValueOnce(minimalPdf());
    const d = deps(p);
    await printBrief(request, d);
    const saved = (d.save.writeFile.mock.calls[0] as unknown as [string, Uint8Array])[1];
    const tail = new TextDecoder('latin1').decode(saved.subarray(minimalPdf().length));
    expect(tail).toContain('/Author <FEFF004D00610069');
    expect(tail).toContain('/Subject <FEFF0043007200650061');
    expect(tail).toContain('/Creator <FEFF');
    expect(tail).toMatch(/startxref\n\d+\n%%EOF\n$/);
  });

  it('gives up with a clear message when the view never becomes ready, and closes the window', async () => {
    const p = page(Infinity);
    const d = deps(p);
    const result = await printBrief(request, d);
    expect(result).toEqual({
      ok: false,
      reason: 'error',
      message: 'The brief did not finish rendering within 1 s, so no PDF was made.',
    });
    expect(p.print).not.toHaveBeenCalled();
    expect(d.save.chooseSavePath).not.toHaveBeenCalled();
    expect(p.close).toHaveBeenCalled();
  });

  it('reports a printing failure without asking where to save', async () => {
    const p = page(0, { printFails: true });
    const d = deps(p);
    expect(await printBrief(request, d)).toEqual({
      ok: false,
      reason: 'error',
      message: 'The PDF could not be made: Printing failed',
    });
    expect(d.save.chooseSavePath).not.toHaveBeenCalled();
    expect(p.close).toHaveBeenCalled();
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const p = page(0);
    const d = deps(p, null);
    expect(await printBrief(request, d)).toEqual({ ok: false, reason: 'cancelled' });
    expect(d.save.writeFile).not.toHaveBeenCalled();
  });
});
