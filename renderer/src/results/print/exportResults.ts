import { platform } from '../../platform/platform';
import { resultsPrintHash } from './route';
import { fileNameSlug } from '../../../../shared/fileNameSlug';

/** `<brand>-<drop>-results.pdf`, made safe for file systems, every letter kept. */
export function resultsFileName(brand: string, title: string): string {
  const slug = (s: string) => fileNameSlug(s, 40, 'drop');
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
  // The browser's print view (the desktop's main process builds its own address).
  const printViewUrl = `${location.pathname}${location.search}${resultsPrintHash({ workspaceId: opts.workspaceId, dropId: opts.dropId, size: 'A4', autoprint: true })}`;
  const outcome = await platform().printBrief(
    {
      workspaceId: opts.workspaceId,
      dropId: opts.dropId,
      pageSize: 'A4',
      version: 1,
      defaultName: resultsFileName(opts.brand, opts.title),
      view: 'results',
    },
    printViewUrl,
  );
  if (outcome.kind === 'saved') return outcome.path;
  if (outcome.kind === 'error') throw new Error(outcome.message);
  return null;
}
