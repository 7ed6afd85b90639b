import type * as Y from 'yjs';
import { readDrops, type Drop } from '../model/drop';
import type { DropId } from '../model/ids';
import { briefBodyName, dropOfBriefBody, recordAt, root } from '../model/schema';
import { fragmentToBlocks, isBodyEmpty } from './body';

/** How many drops to plan after the first one (the guide's third step). */
export const NEXT_DROPS_TO_PLAN = 3;

/**
 * How far a workspace has come on the playbook's first steps: a first drop, its brief written,
 * the next three drops planned on dates. Read from the document alone, so it ticks the same
 * for an edit made here or by a teammate.
 */
export interface StartProgress {
  /** The first drop made (the oldest live one), or null before there is one. */
  firstDropId: DropId | null;
  /** A drop's brief has words: its narrative, its rich text or one of its written fields. */
  briefWritten: boolean;
  /** Drops besides the first that have a drop date (capped at NEXT_DROPS_TO_PLAN). */
  planned: number;
}

// The brief's own free-text fields: typing in any of them counts as writing the brief.
const BRIEF_TEXT_FIELDS = ['whyCreator', 'goal', 'mustMentions', 'doNots'] as const;

/** The brief record or body of `dropId` has words (the narrative is checked by the caller). */
function briefHasText(doc: Y.Doc, dropId: DropId): boolean {
  const rec = recordAt(root.briefs(doc), dropId);
  for (const key of BRIEF_TEXT_FIELDS) {
    const value = rec?.get(key);
    if (typeof value === 'string' && value.trim() !== '') return true;
  }
  // Only a body that exists is read: naming a missing one would add an empty root type.
  if (!doc.share.has(briefBodyName(dropId))) return false;
  return !isBodyEmpty(fragmentToBlocks(root.briefBody(doc, dropId)));
}

/**
 * Reads how far the workspace is on its first drop, its brief and the next three drops.
 * `drops` are the workspace's drops when the caller already holds them (the store's snapshot):
 * reading every record again costs more than the rest at thousands of drops. One pass, and only
 * the drops that have a brief record or body are looked at for words.
 */
export function readStartProgress(doc: Y.Doc, drops?: Iterable<Drop>): StartProgress {
  let first: Drop | null = null;
  let dated = 0;
  let briefWritten = false;
  const live = new Set<DropId>();
  for (const d of drops ?? readDrops(doc)) {
    if (d.archived) continue;
    live.add(d.id);
    if (d.dropDate !== null) dated++;
    // The narrative is the brief's first field (shared with the drop).
    if (!briefWritten && d.narrative.trim() !== '') briefWritten = true;
    if (
      !first ||
      d.createdAt < first.createdAt ||
      (d.createdAt === first.createdAt && d.id < first.id)
    )
      first = d;
  }
  if (!briefWritten) {
    const withBrief = new Set<DropId>();
    root.briefs(doc).forEach((_, id) => withBrief.add(id as DropId));
    for (const name of doc.share.keys()) {
      const dropId = dropOfBriefBody(name);
      if (dropId) withBrief.add(dropId as DropId);
    }
    for (const id of withBrief) {
      if (live.has(id) && briefHasText(doc, id)) {
        briefWritten = true;
        break;
      }
    }
  }
  const planned = dated - (first !== null && first.dropDate !== null ? 1 : 0);
  return {
    firstDropId: first?.id ?? null,
    briefWritten,
    planned: Math.min(planned, NEXT_DROPS_TO_PLAN),
  };
}

/** True when every first step is done. */
export function startComplete(p: StartProgress): boolean {
  return p.firstDropId !== null && p.briefWritten && p.planned >= NEXT_DROPS_TO_PLAN;
}
