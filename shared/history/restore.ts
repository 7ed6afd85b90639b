import * as Y from 'yjs';
import { rankBetween } from '../model/rank';
import { recordAt, root, transactLocal, type YRecord } from '../model/schema';
import type { DropId } from '../model/ids';
import { isLiveStage, readStages, removedStageDestination } from '../model/stage';
import { readFactsByDrop, replaceDropFacts } from '../results/dropFacts';

/** What a restore of chosen drops did. */
export interface RestoreResult {
  /** Drops put back as they were in the snapshot (brought back or repaired). */
  restored: DropId[];
  /** Drops that did not exist in the snapshot, so restoring them removed them. */
  removed: DropId[];
  /** Creators brought back because a restored drop names them. */
  creators: string[];
}

/**
 * Puts chosen drops, with their briefs and their recorded facts (Results), back the way they
 * were in `snapshot`: as new edits in one undoable local transaction, so they sync to teammates
 * like any change. A drop that was deleted since comes back with its id; a drop added since is
 * removed, with what was recorded for it; a drop whose stage was removed since goes where that
 * stage's drops went (the end of the first stage when that is not known); a creator it names
 * that was removed comes back. Imported orders and interest
 * events belong to the workspace, not to a drop: a restore of drops leaves them as they are.
 */
export function restoreDropsFromSnapshot(
  doc: Y.Doc,
  snapshot: Y.Doc,
  dropIds: readonly string[],
): RestoreResult {
  const result: RestoreResult = { restored: [], removed: [], creators: [] };
  const factsThen = readFactsByDrop(snapshot);
  const none: ReadonlyMap<string, unknown> = new Map();
  transactLocal(doc, () => {
    for (const id of new Set(dropIds)) {
      const was = recordAt(root.drops(snapshot), id);
      if (!was) {
        if (recordAt(root.drops(doc), id)) {
          root.drops(doc).delete(id);
          root.briefs(doc).delete(id);
          replaceDropFacts(doc, id, none);
          result.removed.push(id as DropId);
        }
        continue;
      }
      const fields = plainEntries(was);
      fields.set('pos', placeFor(doc, id, fields.get('pos')));
      const creatorId = fields.get('creatorId');
      if (typeof creatorId === 'string' && !recordAt(root.creators(doc), creatorId)) {
        const creator = recordAt(root.creators(snapshot), creatorId);
        if (creator) {
          root.creators(doc).set(creatorId, newRecord(plainEntries(creator)));
          result.creators.push(creatorId);
        } else fields.set('creatorId', null);
      }
      syncRecord(root.drops(doc), id, fields);
      syncRecord(root.briefs(doc), id, plainEntries(recordAt(root.briefs(snapshot), id)));
      copyBody(root.briefBody(snapshot, id), root.briefBody(doc, id));
      replaceDropFacts(doc, id, factsThen.get(id) ?? none);
      result.restored.push(id as DropId);
    }
  });
  return result;
}

/** Every key of a record as plain values (records hold JSON values; a nested type is copied as JSON). */
function plainEntries(rec: YRecord | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  rec?.forEach((value, key) => {
    const v = value as { toJSON?: () => unknown } | null;
    out.set(
      key,
      v instanceof Y.AbstractType && typeof v.toJSON === 'function' ? v.toJSON() : value,
    );
  });
  return out;
}

function newRecord(fields: Map<string, unknown>): YRecord {
  const rec = new Y.Map<unknown>();
  for (const [k, v] of fields) rec.set(k, v);
  return rec;
}

// Writes only what differs, so an unchanged field never overrides a teammate's concurrent edit.
function syncRecord(parent: Y.Map<YRecord>, id: string, fields: Map<string, unknown>): void {
  const current = recordAt(parent, id);
  if (!current) {
    parent.set(id, newRecord(fields));
    return;
  }
  for (const key of [...current.keys()]) if (!fields.has(key)) current.delete(key);
  for (const [k, v] of fields)
    if (JSON.stringify(current.get(k)) !== JSON.stringify(v)) current.set(k, v);
}

type Place = { stageId?: unknown; rank?: unknown } | undefined;

/**
 * The snapshot's place when its stage is still on the board. When that stage was removed since,
 * the stage its drops went to (following later removals; a drop already there, as the removal
 * put it, keeps its place), else the end of the first stage.
 */
export function placeFor(doc: Y.Doc, id: string, pos: unknown): unknown {
  const p = pos as Place;
  if (
    p &&
    typeof p.stageId === 'string' &&
    typeof p.rank === 'string' &&
    isLiveStage(doc, p.stageId)
  )
    return { stageId: p.stageId, rank: p.rank };
  const removedInto =
    typeof p?.stageId === 'string' ? removedStageDestination(doc, p.stageId)?.stageId : undefined;
  const target = removedInto ?? readStages(doc)[0]?.id;
  if (!target) return pos;
  const now = recordAt(root.drops(doc), id)?.get('pos') as Place;
  if (now?.stageId === target && typeof now.rank === 'string')
    return { stageId: target, rank: now.rank };
  let last: string | null = null;
  root.drops(doc).forEach((rec) => {
    const q = rec?.get?.('pos') as Place;
    if (q?.stageId === target && typeof q.rank === 'string' && (last === null || q.rank > last))
      last = q.rank;
  });
  return { stageId: target, rank: rankBetween(last, null) };
}

// The brief's rich text: replaced by copies of the snapshot's nodes only when it differs.
function copyBody(from: Y.XmlFragment, to: Y.XmlFragment): void {
  if (from.toString() === to.toString()) return;
  if (to.length > 0) to.delete(0, to.length);
  // The editor writes elements and text only (hooks are not part of a brief).
  const nodes = from
    .toArray()
    .filter((n): n is Y.XmlElement | Y.XmlText => !(n instanceof Y.XmlHook))
    .map((n) => n.clone());
  if (nodes.length > 0) to.insert(0, nodes);
}
