import type { WorkspaceDoc } from '../../../../shared/store/workspaceStore';
import {
  briefFileName,
  readBriefState,
  snapshotForExport,
  type BriefSnapshot,
  type PageSize,
} from '../../../../shared/brief';
import type { DropId } from '../../../../shared/model';
import { platform } from '../../platform/platform';
import { printHash } from './route';

/** What to record as "sent" once the PDF exists. */
export interface SentDraft {
  snapshot: BriefSnapshot;
  fileName: string;
  version: number;
}

export type ExportOutcome =
  | { kind: 'saved'; path: string; record: SentDraft }
  /** Browser: the print dialog was opened; only the person knows whether a PDF was saved. */
  | { kind: 'printed'; record: SentDraft }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/**
 * Exports a brief as a PDF of its print view. On the desktop the main process prints the view
 * in a hidden window and asks where to save; in a browser the view opens in a new tab with the
 * print dialog. The snapshot is taken before printing, so "changed since sent" compares with
 * exactly what the creator got.
 */
export async function exportBrief(opts: {
  doc: WorkspaceDoc;
  workspaceId: string;
  dropId: DropId;
  pageSize: PageSize;
}): Promise<ExportOutcome> {
  const state = readBriefState(opts.doc, opts.dropId);
  const snapshot = snapshotForExport(opts.doc, opts.dropId);
  if (!state || !snapshot) return { kind: 'error', message: 'That drop was deleted.' };
  const version = state.nextVersion;
  const fileName = briefFileName(state.brief.brand, state.brief.drop.title, version);
  const record = { snapshot, fileName, version };
  // The browser's print view (the desktop's main process builds its own address).
  const printViewUrl = `${location.pathname}${location.search}${printHash({
    workspaceId: opts.workspaceId,
    dropId: opts.dropId,
    size: opts.pageSize,
    version,
    autoprint: true,
  })}`;
  const outcome = await platform().printBrief(
    {
      workspaceId: opts.workspaceId,
      dropId: opts.dropId,
      pageSize: opts.pageSize,
      version,
      defaultName: fileName,
    },
    printViewUrl,
  );
  if (outcome.kind === 'saved') return { ...outcome, record };
  if (outcome.kind === 'printed') return { kind: 'printed', record };
  return outcome;
}
