import type { SaveResult } from '../../../../shared/ipc/contract';
import type { PageSize } from '../../../../shared/brief';

/**
 * What the desktop's `pdf:print-brief` call receives. The main process loads the print view
 * `#/print/brief/<workspaceId>/<dropId>?size=<pageSize>&v=<version>` in a hidden window, waits
 * for `data-print-ready` on <html>, prints it with `webContents.printToPDF`
 * (preferCSSPageSize, printBackground), sets the PDF's title and author with `withPdfInfo`
 * from shared/brief (printToPDF writes no author) and writes it through a save dialog named
 * `defaultName`.
 */
export interface PrintBriefRequest {
  workspaceId: string;
  dropId: string;
  pageSize: PageSize;
  version: number;
  defaultName: string;
  /** PDF document information. */
  title: string;
  author: string;
}

/** The desktop's brief-to-PDF export, or null in a browser (which prints the view itself). */
export function desktopPrintBrief(): ((req: PrintBriefRequest) => Promise<SaveResult>) | null {
  const bridge = typeof window !== 'undefined' ? window.cadence : undefined;
  if (!bridge) return null;
  // Typed by name at run time: the channel is declared in shared/ipc/contract.ts by the
  // desktop build; an older main process answers with an error that is shown as is.
  const invoke = bridge.invoke as unknown as (
    channel: string,
    req: PrintBriefRequest,
  ) => Promise<SaveResult>;
  return async (req) => {
    try {
      return await invoke('pdf:print-brief', req);
    } catch (err) {
      return {
        ok: false,
        reason: 'error',
        message: `This version of the desktop app could not export the PDF (${err instanceof Error ? err.message : String(err)}).`,
      };
    }
  };
}
