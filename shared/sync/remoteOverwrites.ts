import * as Y from 'yjs';
import { FIELD_LABELS } from '../brief/fields';
import { recordAt, root, transactLocal } from '../model/schema';

/** Where an overwritten value lived: a drop (with its brief), a creator, a stage, the workspace. */
export type OverwrittenKind = 'drop' | 'creator' | 'stage' | 'workspace';

/** One field whose value here a teammate's concurrent value replaced. */
export interface OverwrittenField {
  /** The map it is in: a drop's own fields and its brief's are both the drop's. */
  record: 'drop' | 'brief' | 'creator' | 'stage' | 'workspace';
  key: string;
  /** The value here before the teammate's change arrived. */
  mine: unknown;
}

/** The fields of one record that a change from elsewhere replaced without having seen them. */
export interface OverwrittenRecord {
  kind: OverwrittenKind;
  /** The drop's, creator's or stage's id; `workspace` for the workspace's own settings. */
  id: string;
  fields: OverwrittenField[];
}

/** The id that stands for the workspace's own settings. */
export const WORKSPACE_RECORD = 'workspace';

// A drop's, creator's or stage's place and birth are not words a person typed: concurrent
// moves are the board's own business (see architecture.md, "A card's place is one value").
const IGNORED_KEYS: Record<'drop' | 'creator' | 'stage', ReadonlySet<string>> = {
  drop: new Set(['pos', 'createdAt']),
  creator: new Set(['createdAt']),
  stage: new Set(['rank']),
};

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

const CREATOR_FIELD_WORDS: Record<string, string> = {
  name: 'name',
  platform: 'platform',
  email: 'email',
  region: 'region',
  revenueSharePct: 'revenue share',
  discountCode: 'discount code',
  trackingLink: 'tracking link',
  notes: 'notes',
};
// A creator's handles are one field each (`handle:tiktok`).
const HANDLE_PLATFORM_WORDS: Record<string, string> = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  pinterest: 'Pinterest',
  youtube: 'YouTube',
};

const STAGE_FIELD_WORDS: Record<string, string> = { name: 'name' };

// The workspace's settings a person sets; its bookkeeping (schema version, birth) is not.
const WORKSPACE_FIELD_WORDS: Record<string, string> = {
  name: 'name',
  cadence: 'cadence',
  timezone: 'time zone',
};
const TEMPLATE_KEY = 'briefTemplate:';

/** The words for a field in a sentence ("title", "why this creator", "shot list"). */
export function fieldWords(field: Pick<OverwrittenField, 'record' | 'key'>): string {
  switch (field.record) {
    case 'drop':
      return DROP_FIELD_WORDS[field.key] ?? field.key;
    case 'creator':
      if (field.key.startsWith('handle:')) {
        const platform = field.key.slice('handle:'.length);
        return `${HANDLE_PLATFORM_WORDS[platform] ?? platform} handle`;
      }
      return CREATOR_FIELD_WORDS[field.key] ?? field.key;
    case 'stage':
      return STAGE_FIELD_WORDS[field.key] ?? field.key;
    case 'workspace':
      return field.key.startsWith(TEMPLATE_KEY)
        ? 'brief template'
        : (WORKSPACE_FIELD_WORDS[field.key] ?? field.key);
    case 'brief':
      break;
  }
  if (field.key.startsWith('deliverable:')) return FIELD_LABELS.deliverables.toLowerCase();
  if (field.key === 'status' || field.key === 'sent') return 'brief status';
  const label = (FIELD_LABELS as Record<string, string>)[field.key];
  return label ? label.toLowerCase() : field.key;
}

/** Whether a key of this kind of record holds something a person wrote. */
function isPersonsField(record: OverwrittenField['record'], key: string): boolean {
  if (record === 'brief') return true;
  if (record === 'workspace') return key in WORKSPACE_FIELD_WORDS || key.startsWith(TEMPLATE_KEY);
  return !IGNORED_KEYS[record].has(key);
}

/**
 * Calls `onOverwritten` when a change from elsewhere (a teammate's, through sync or a merged
 * file) replaces a value that was written here and that the teammate had not seen: both wrote
 * the field while apart, and Yjs kept theirs. Drops and their briefs, creators, stage names and
 * the workspace's settings are watched. (A teammate who saw the value here and changed it
 * replaced it knowingly: that is not reported.) A value counts as written here when this
 * document's client wrote it, or, for a drop's values written in an earlier session, when
 * `changedHere` names the drop (the "not yet shared" marks outlive a restart; nothing marks a
 * creator, stage or setting across a restart). Returns a function that stops.
 */
export function watchConcurrentOverwrites(
  doc: Y.Doc,
  onOverwritten: (records: OverwrittenRecord[]) => void,
  changedHere: () => Iterable<string> = () => [],
): () => void {
  // Keyed by identity: the four root maps.
  const parents = new Map<unknown, OverwrittenField['record']>([
    [root.drops(doc), 'drop'],
    [root.briefs(doc), 'brief'],
    [root.creators(doc), 'creator'],
    [root.stages(doc), 'stage'],
  ]);
  const meta = root.meta(doc);
  const afterTransaction = (tr: Y.Transaction): void => {
    if (tr.local) return;
    let here: Set<string> | null = null;
    const found = new Map<string, OverwrittenRecord>();
    for (const [type, keys] of tr.changed) {
      let record: OverwrittenField['record'] | undefined;
      let id: string;
      if ((type as unknown) === meta) {
        record = 'workspace';
        id = WORKSPACE_RECORD;
      } else {
        const item = type._item;
        if (!item || item.deleted || typeof item.parentSub !== 'string') continue;
        record = parents.get(item.parent);
        id = item.parentSub;
      }
      if (!record) continue;
      const kind: OverwrittenKind = record === 'brief' ? 'drop' : record;
      for (const key of keys) {
        if (typeof key !== 'string' || !isPersonsField(record, key)) continue;
        const now = type._map.get(key);
        const before = now?.left;
        if (!now || now.deleted || !(before instanceof Y.Item) || !before.deleted) continue;
        if (now.id.client === doc.clientID || now.id.client === before.id.client) continue;
        // Written after seeing the value here: its origin is that value.
        if (now.origin && Y.compareIDs(now.origin, before.lastId)) continue;
        if (before.id.client !== doc.clientID) {
          if (kind !== 'drop') continue;
          here ??= new Set(changedHere());
          if (!here.has(id)) continue;
        }
        const [mine] = before.content.getContent() as unknown[];
        const [theirs] = now.content.getContent() as unknown[];
        if (mine instanceof Y.AbstractType || JSON.stringify(mine) === JSON.stringify(theirs))
          continue;
        const at = `${kind}:${id}`;
        const entry = found.get(at) ?? { kind, id, fields: [] };
        entry.fields.push({ record, key, mine });
        found.set(at, entry);
      }
    }
    if (found.size > 0) onOverwritten([...found.values()]);
  };
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}

/** The map a field of `overwritten` lives in now, or undefined when its record was deleted. */
function mapFor(
  doc: Y.Doc,
  overwritten: OverwrittenRecord,
  field: OverwrittenField,
): Y.Map<unknown> | undefined {
  switch (field.record) {
    case 'workspace':
      return root.meta(doc);
    case 'drop':
      return recordAt(root.drops(doc), overwritten.id);
    case 'brief':
      // A brief whose drop went stays in the document, but is no one's to put words back in.
      return recordAt(root.drops(doc), overwritten.id)
        ? recordAt(root.briefs(doc), overwritten.id)
        : undefined;
    case 'creator':
      return recordAt(root.creators(doc), overwritten.id);
    case 'stage':
      return recordAt(root.stages(doc), overwritten.id);
  }
}

/**
 * Writes these values back (one local edit, which teammates receive); a drop, creator or stage
 * deleted since is skipped. Returns how many records got theirs back.
 */
export function putBackOverwritten(doc: Y.Doc, overwritten: readonly OverwrittenRecord[]): number {
  return transactLocal(doc, () => {
    let count = 0;
    for (const record of overwritten) {
      let putBack = false;
      for (const field of record.fields) {
        const target = mapFor(doc, record, field);
        if (!target) continue;
        putBack = true;
        if (JSON.stringify(target.get(field.key)) !== JSON.stringify(field.mine))
          target.set(field.key, field.mine);
      }
      if (putBack) count++;
    }
    return count;
  });
}
