import type * as Y from 'yjs';
import type { DropId } from '../model/ids';
import { readCreators } from '../model/creator';
import { recordAt, root, transactLocal } from '../model/schema';
import { fragmentToBlocks, type Block } from './body';
import {
  BriefValidationError,
  ensureBriefRecord,
  readDropCurrency,
  readStatus,
  resolveBrief,
  type BriefErrors,
  type ResolvedBrief,
} from './brief';
import {
  diffBrief,
  hasChanges,
  snapshotBrief,
  type BriefChanges,
  type BriefSnapshot,
} from './content';
import { briefIssues } from './validate';

/** When and which version was exported, with what it said. */
export interface SentRecord {
  at: number;
  version: number;
  fileName: string;
  snapshot: BriefSnapshot;
}

/** draft → ready → sent → changed (computed: the content differs from what was sent). */
export type BriefDisplayStatus = 'draft' | 'ready' | 'sent' | 'changed';

export const STATUS_LABELS: Record<BriefDisplayStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  sent: 'Sent',
  changed: 'Changed since sent',
};

function readSentValue(value: unknown): SentRecord | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<SentRecord>;
  const snap = v.snapshot as Partial<BriefSnapshot> | undefined;
  if (typeof v.at !== 'number' || typeof v.version !== 'number') return null;
  if (!snap || typeof snap.fields !== 'object' || !Array.isArray(snap.body)) return null;
  return {
    at: v.at,
    version: v.version,
    fileName: typeof v.fileName === 'string' ? v.fileName : '',
    snapshot: { fields: snap.fields as Record<string, string>, body: snap.body.map(String) },
  };
}

/** The last export of a drop's brief, or null. */
export function readSent(doc: Y.Doc, dropId: DropId): SentRecord | null {
  return readSentValue(recordAt(root.briefs(doc), dropId)?.get('sent'));
}

/** Everything the editor and the print view need about one brief, read in one go. */
export interface BriefState {
  brief: ResolvedBrief;
  body: Block[];
  status: BriefDisplayStatus;
  sent: SentRecord | null;
  /** Changes since the last export (null when never sent). */
  changes: BriefChanges | null;
  issues: BriefErrors;
  /** The version the next export will carry. */
  nextVersion: number;
}

/** Reads a brief's content, status and changes since it was sent; null when the drop is gone. */
export function readBriefState(doc: Y.Doc, dropId: DropId): BriefState | null {
  const brief = resolveBrief(doc, dropId);
  if (!brief) return null;
  const body = fragmentToBlocks(root.briefBody(doc, dropId));
  const sent = readSent(doc, dropId);
  const changes = sent ? diffBrief(sent.snapshot, snapshotBrief(brief, body)) : null;
  const issues = briefIssues(brief, readCreators(doc));
  let status: BriefDisplayStatus = brief.status;
  if (brief.status === 'sent' && sent) status = changes && hasChanges(changes) ? 'changed' : 'sent';
  if (brief.status === 'sent' && !sent) status = 'ready';
  // Ready means it could go out as it is: a problem found since (a teammate emptied the
  // narrative) makes it a draft again until it is fixed.
  if (status === 'ready' && Object.keys(issues).length) status = 'draft';
  return {
    brief,
    body,
    status,
    sent,
    changes,
    issues,
    nextVersion: (sent?.version ?? 0) + 1,
  };
}

/** Marks a brief ready to send; refuses (with the messages) while it has issues. */
export function markBriefReady(doc: Y.Doc, dropId: DropId): void {
  const state = readBriefState(doc, dropId);
  if (!state) throw new Error('That drop was deleted.');
  if (Object.keys(state.issues).length) throw new BriefValidationError(state.issues);
  transactLocal(doc, () => ensureBriefRecord(doc, dropId).set('status', 'ready'));
}

/** Back to draft (e.g. to rework a brief that was ready or sent). */
export function markBriefDraft(doc: Y.Doc, dropId: DropId): void {
  transactLocal(doc, () => {
    const rec = ensureBriefRecord(doc, dropId);
    if (readStatus(rec) !== 'draft') rec.set('status', 'draft');
  });
}

/** The snapshot to record when an export succeeds: take it before printing. */
export function snapshotForExport(doc: Y.Doc, dropId: DropId): BriefSnapshot | null {
  const state = readBriefState(doc, dropId);
  return state ? snapshotBrief(state.brief, state.body) : null;
}

/**
 * Records an export: status 'sent', when, which version, the file name and what it said.
 * Returns the version. Call once the PDF is written (a cancelled save sends nothing).
 */
export function markBriefSent(
  doc: Y.Doc,
  dropId: DropId,
  opts: { snapshot?: BriefSnapshot; fileName?: string; now?: number; version?: number } = {},
): number {
  const state = readBriefState(doc, dropId);
  if (!state) throw new Error('That drop was deleted.');
  // A brief that breaks the playbook's rules (no story, a gifted post without #ad) is not sent.
  if (Object.keys(state.issues).length) throw new BriefValidationError(state.issues);
  const snapshot = opts.snapshot ?? snapshotBrief(state.brief, state.body);
  return transactLocal(doc, () => {
    const rec = ensureBriefRecord(doc, dropId);
    const previous = readSentValue(rec.get('sent'));
    const version = opts.version ?? (previous?.version ?? 0) + 1;
    const record: SentRecord = {
      at: opts.now ?? Date.now(),
      version,
      fileName: opts.fileName ?? '',
      snapshot,
    };
    rec.set('sent', record);
    rec.set('status', 'sent');
    // What was sent is in a currency: a later change of the workspace's must not re-label the
    // fee the creator agreed to, so the brief keeps its currency as its own from now on.
    if (rec.get('currency') === undefined) rec.set('currency', readDropCurrency(doc, dropId));
    return version;
  });
}
