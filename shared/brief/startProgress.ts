import type * as Y from 'yjs';
import { readDrops, type Drop } from '../model/drop';
import type { DropId } from '../model/ids';
import { recordAt, root } from '../model/schema';
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

function briefHasText(doc: Y.Doc, drop: Drop): boolean {
  // The narrative is the brief's first field (shared with the drop).
  if (drop.narrative.trim() !== '') return true;
  const dropId = drop.id;
  const rec = recordAt(root.briefs(doc), dropId);
  for (const key of BRIEF_TEXT_FIELDS) {
    const value = rec?.get(key);
    if (typeof value === 'string' && value.trim() !== '') return true;
  }
  // Only a body that exists is read: naming a missing one would add an empty root type.
  if (!doc.share.has(`brief:${dropId}`)) return false;
  return !isBodyEmpty(fragmentToBlocks(root.briefBody(doc, dropId)));
}

/** Reads how far the workspace is on its first drop, its brief and the next three drops. */
export function readStartProgress(doc: Y.Doc): StartProgress {
  const live = readDrops(doc)
    .filter((d) => !d.archived)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const first: Drop | undefined = live[0];
  const briefWritten = live.some((d) => briefHasText(doc, d));
  const planned = live.slice(1).filter((d) => d.dropDate !== null).length;
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
