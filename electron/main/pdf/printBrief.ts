import type { PrintBriefRequest, SaveResult } from '../../../shared/ipc/contract';
import { sanitizeFileName } from '../files/fileName';
import { messageOf, saveWithDialog, type SaveDeps } from '../files/saveWithDialog';
import { setPdfInfo, type PdfInfo } from './pdfInfo';

export { PRINT_READY_ATTRIBUTE } from '../../../shared/ipc/contract';
export const PRINT_TIMEOUT_MS = 20_000;

/** The app's print view of one brief, at the same origin as the main window. */
export function printBriefUrl(entryUrl: string, req: PrintBriefRequest): string {
  const base = entryUrl.split('#')[0]!;
  const params = new URLSearchParams({ size: req.pageSize, v: String(req.version) });
  const ws = encodeURIComponent(req.workspaceId);
  const drop = encodeURIComponent(req.dropId);
  return `${base}#/print/${req.view ?? 'brief'}/${ws}/${drop}?${params.toString()}`;
}

/** A safe file name that ends in .pdf. */
export function pdfFileName(defaultName: string): string {
  const name = sanitizeFileName(defaultName.replace(/\.pdf$/i, ''), 'brief');
  return `${name.slice(0, 116)}.pdf`;
}

/** Options for Chromium's printer: the page's own @page size and margins, backgrounds on. */
export function pdfOptions(req: PrintBriefRequest) {
  return {
    pageSize: req.pageSize,
    printBackground: true,
    preferCSSPageSize: true,
    // Page numbers come from the print view's @page margin boxes, not Chromium's header.
    displayHeaderFooter: false,
    // A tagged PDF (structure for screen readers and reflow) with an outline from the headings.
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  } as const;
}

/** What the print view says about itself: <title>, the brand and a one-line subject. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
}

/** Run in the print view: its <title>, <meta name="author"> and <meta name="description">. */
export const DOCUMENT_INFO_SCRIPT = `({
  title: document.title,
  author: document.querySelector('meta[name="author"]')?.content ?? '',
  subject: document.querySelector('meta[name="description"]')?.content ?? '',
})`;

/** The print view's answer to DOCUMENT_INFO_SCRIPT, checked and cut to a sane length. */
export function readDocumentInfo(raw: unknown): DocumentInfo {
  const r = (raw ?? {}) as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
  return { title: text(r.title, 300), author: text(r.author, 200), subject: text(r.subject, 300) };
}

/**
 * The PDF's properties. Chromium writes the title from <title> but has no way to set an
 * author or subject, so they are added after printing (setPdfInfo).
 */
export function pdfInfoFor(info: DocumentInfo): PdfInfo {
  return {
    title: info.title || undefined,
    author: info.author || undefined,
    subject: info.subject || undefined,
    creator: 'Cadence',
  };
}

/** A page loaded in a hidden window. */
export interface PrintPage {
  isReady(): Promise<boolean>;
  /** The page's title, author (the brand) and subject, for the PDF's properties. */
  documentInfo(): Promise<DocumentInfo>;
  print(options: ReturnType<typeof pdfOptions>): Promise<Uint8Array>;
  close(): void;
}

export interface PrintDeps {
  entryUrl: string;
  open(url: string): Promise<PrintPage>;
  save: SaveDeps;
  timeoutMs?: number;
  /** Waits between readiness checks (injected so tests need no clock). */
  pause?: () => Promise<void>;
  now?: () => number;
}

/** Polls `check` until it says yes or the time is up. */
export async function waitUntil(
  check: () => Promise<boolean>,
  opts: { timeoutMs: number; pause: () => Promise<void>; now: () => number },
): Promise<boolean> {
  const deadline = opts.now() + opts.timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (opts.now() >= deadline) return false;
    await opts.pause();
  }
}

/**
 * Prints a brief to PDF: renders its print view in a hidden window, waits until the view says
 * it is ready, prints, closes the window, then asks where to save. Every failure comes back as
 * a message; the hidden window is always closed.
 */
export async function printBrief(req: PrintBriefRequest, deps: PrintDeps): Promise<SaveResult> {
  const timeoutMs = deps.timeoutMs ?? PRINT_TIMEOUT_MS;
  let page: PrintPage | null = null;
  let pdf: Uint8Array;
  try {
    page = await deps.open(printBriefUrl(deps.entryUrl, req));
    const current = page;
    const ready = await waitUntil(() => current.isReady(), {
      timeoutMs,
      pause: deps.pause ?? (() => new Promise((resolve) => setTimeout(resolve, 100))),
      now: deps.now ?? Date.now,
    });
    if (!ready) {
      return {
        ok: false,
        reason: 'error',
        message: `The brief did not finish rendering within ${Math.round(timeoutMs / 1000)} s, so no PDF was made.`,
      };
    }
    const info = await page.documentInfo().catch(() => readDocumentInfo(null));
    pdf = setPdfInfo(await page.print(pdfOptions(req)), pdfInfoFor(info));
  } catch (error) {
    return {
      ok: false,
      reason: 'error',
      message: `The PDF could not be made: ${messageOf(error)}`,
    };
  } finally {
    page?.close();
  }
  return saveWithDialog(
    {
      defaultName: pdfFileName(req.defaultName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      data: pdf,
    },
    deps.save,
  );
}
