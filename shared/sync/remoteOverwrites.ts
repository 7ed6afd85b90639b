import * as Y from 'yjs';
import { FIELD_LABELS } from '../brief/fields';
import { recordAt, root, transactLocal } from '../model/schema';

/** One field of a drop (or of its brief) whose value here a teammate's concurrent value replaced. */
export interface OverwrittenField {
  record: 'drop' | 'brief';
  key: string;
  /** The value here before the teammate's change arrived. */
  mine: unknown;
}

/** The fields of one drop that a change from elsewhere replaced without having seen them. */
export interface OverwrittenDrop {
  dropId: string;
  fields: OverwrittenField[];
}

// A drop's place and birth are not words a person typed: concurrent moves are the board's own
// business (see architecture.md, "A card's place is one value").
const IGNORED_DROP_KEYS = new Set(['pos', 'createdAt']);

const DROP_FIELD_WORDS: Record<string, string> = {
  title: 'title',
  narrative: 'narrative',
  shootDate: 'shoot date',
  publishDate: 'publish date',
  dropDate: 'launch date',
  launchTime: 'launch time',
  creatorId: 'creator',
  channels: 'channels',
  inventory: 'inventory',
  reservePct: 'reserve',
  adBudget: 'retargeting ad budget',
  color: 'colour',
  archived: 'archiving',
};

/** The words for a field in a sentence ("title", "why this creator", "shot list"). */
export function fieldWords(field: Pick<OverwrittenField, 'record' | 'key'>): string {
  if (field.record === 'drop') return DROP_FIELD_WORDS[field.key] ?? field.key;
  if (field.key.startsWith('deliverable:')) return FIELD_LABELS.deliverables.toLowerCase();
  if (field.key === 'status' || field.key === 'sent') return 'brief status';
  const label = (FIELD_LABELS as Record<string, string>)[field.key];
  return label ? label.toLowerCase() : field.key;
}

/**
 * Calls `onOverwritten` when a change from elsewhere (a teammate's, through sync or a merged
 * file) replaces a value of a drop or brief field that was written here and that the teammate
 * had not seen: both wrote the field while apart, and Yjs kept theirs. (A teammate who saw the
 * value here and changed it replaced it knowingly: that is not reported.) A value counts as
 * written here when this document's client wrote it, or, for values written in an earlier
 * session, when `changedHere` names its drop (the "not yet shared" marks outlive a restart).
 * Returns a function that stops.
 */
export function watchConcurrentOverwrites(
  doc: Y.Doc,
  onOverwritten: (drops: OverwrittenDrop[]) => void,
  changedHere: () => Iterable<string> = () => [],
): () => void {
  const drops = root.drops(doc);
  const briefs = root.briefs(doc);
  const afterTransaction = (tr: Y.Transaction): void => {
    if (tr.local) return;
    let here: Set<string> | null = null;
    const found = new Map<string, OverwrittenField[]>();
    for (const [type, keys] of tr.changed) {
      const item = type._item;
      if (!item || item.deleted || typeof item.parentSub !== 'string') continue;
      const record = item.parent === drops ? 'drop' : item.parent === briefs ? 'brief' : null;
      if (!record) continue;
      const dropId = item.parentSub;
      for (const key of keys) {
        if (typeof key !== 'string' || (record === 'drop' && IGNORED_DROP_KEYS.has(key))) continue;
        const now = type._map.get(key);
        const before = now?.left;
        if (!now || now.deleted || !(before instanceof Y.Item) || !before.deleted) continue;
        if (now.id.client === doc.clientID || now.id.client === before.id.client) continue;
        // Written after seeing the value here: its origin is that value.
        if (now.origin && Y.compareIDs(now.origin, before.lastId)) continue;
        if (before.id.client !== doc.clientID) {
          here ??= new Set(changedHere());
          if (!here.has(dropId)) continue;
        }
        const [mine] = before.content.getContent() as unknown[];
        const [theirs] = now.content.getContent() as unknown[];
        if (mine instanceof Y.AbstractType || JSON.stringify(mine) === JSON.stringify(theirs))
          continue;
        const list = found.get(dropId) ?? [];
        list.push({ record, key, mine });
        found.set(dropId, list);
      }
    }
    if (found.size > 0) onOverwritten([...found].map(([dropId, fields]) => ({ dropId, fields })));
  };
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}

/**
 * Writes these values back (one local edit, which teammates receive); a drop deleted since is
 * skipped. Returns how many drops got theirs back.
 */
export function putBackOverwritten(doc: Y.Doc, overwritten: readonly OverwrittenDrop[]): number {
  return transactLocal(doc, () => {
    let count = 0;
    for (const { dropId, fields } of overwritten) {
      const drop = recordAt(root.drops(doc), dropId);
      if (!drop) continue;
      for (const { record, key, mine } of fields) {
        const target = record === 'drop' ? drop : recordAt(root.briefs(doc), dropId);
        if (!target || JSON.stringify(target.get(key)) === JSON.stringify(mine)) continue;
        target.set(key, mine);
      }
      count++;
    }
    return count;
  });
}
