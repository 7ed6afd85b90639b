import type { PrintBriefRequest, SaveResult } from '../../../../shared/ipc/contract';

export type { PrintBriefRequest };

/**
 * The desktop's brief-to-PDF export (`pdf:print-brief`), or null in a browser, which prints
 * the view itself. Main loads `#/print/brief/<workspaceId>/<dropId>?size=…&v=…` in a hidden
 * window, waits for `data-print-ready` on <html>, prints and asks where to save.
 */
export function desktopPrintBrief(): ((req: PrintBriefRequest) => Promise<SaveResult>) | null {
  const bridge = typeof window !== 'undefined' ? window.cadence : undefined;
  if (!bridge) return null;
  return async (req) => {
    try {
      return await bridge.invoke('pdf:print-brief', req);
    } catch (err) {
      return {
        ok: false,
        reason: 'error',
        message: `The PDF could not be made (${err instanceof Error ? err.message : String(err)}).`,
      };
    }
  };
}
