import { desktopPrintBrief } from '../../briefs/print/desktopPdf';
import { resultsPrintHash } from './route';

/** `<brand>-<drop>-results.pdf`, made safe for file systems. */
export function resultsFileName(brand: string, title: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 40) || 'drop';
  return `${slug(brand)}-${slug(title)}-results.pdf`;
}

/**
 * Exports a drop's one-page results report through the brief's print pipeline: on the desktop
 * main prints the print view in a hidden window and asks where to save; in a browser the view
 * opens in a new tab with the print dialog.
 */
export async function printDropResults(opts: {
  workspaceId: string;
  dropId: string;
  brand: string;
  title: string;
}): Promise<string | null> {
  const desktop = desktopPrintBrief();
  if (desktop) {
    const r = await desktop({
      workspaceId: opts.workspaceId,
      dropId: opts.dropId,
      pageSize: 'A4',
      version: 1,
      defaultName: resultsFileName(opts.brand, opts.title),
      view: 'results',
    });
    if (r.ok) return r.path;
    if (r.reason === 'cancelled') return null;
    throw new Error(r.message ?? 'The PDF could not be written.');
  }
  const url = `${location.pathname}${location.search}${resultsPrintHash({ workspaceId: opts.workspaceId, dropId: opts.dropId, size: 'A4', autoprint: true })}`;
  if (!window.open(url, '_blank')) {
    throw new Error(
      'The browser blocked the print tab: allow pop-ups for Cadence and export again.',
    );
  }
  return null;
}
