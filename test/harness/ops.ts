import type * as Y from 'yjs';
import { CHANNELS } from '../../shared/model/channels';
import {
  createDrop,
  deleteDrop,
  DropValidationError,
  dropsInStage,
  moveDrop,
  readDrops,
  setDropArchived,
  updateDrop,
  type DropFields,
} from '../../shared/model/drop';
import {
  addStage,
  moveStage,
  readStages,
  removeStage,
  renameStage,
} from '../../shared/model/stage';
import { undoOrRedo } from '../../shared/model/undo';
import type { Prng } from './prng';

export type OpKind =
  | 'create'
  | 'edit'
  | 'badEdit'
  | 'move'
  | 'moveWithin'
  | 'archive'
  | 'delete'
  | 'addStage'
  | 'renameStage'
  | 'moveStage'
  | 'removeStage'
  | 'undo'
  | 'redo';

/** How often each operation is chosen; stage churn and undo vary per profile. */
export type OpWeights = Record<OpKind, number>;

export const DEFAULT_WEIGHTS: OpWeights = {
  create: 12,
  edit: 10,
  badEdit: 2,
  move: 14,
  moveWithin: 8,
  archive: 3,
  delete: 3,
  addStage: 2,
  renameStage: 2,
  moveStage: 2,
  removeStage: 2,
  undo: 0,
  redo: 0,
};

const TITLES = [
  'Harbour linen',
  'Rooftop knit',
  'Café denim',
  'Beach hour tee',
  'Night market jacket',
  'Tram stop scarf',
];
const STAGE_NAMES = ['Restock', 'Sample approval', 'Creator picks', 'Pop-up', 'Wrap-up'];

// Refusals a person can meet when acting on a stale view; anything else is a bug.
const EXPECTED_REFUSALS = new Set([
  'That drop was deleted.',
  'That stage no longer exists.',
  'A board needs at least one stage.',
  'Choose another stage for its drops.',
  'The target stage no longer exists.',
]);

/** A random, valid edit of a few fields. */
function randomPatch(rng: Prng): Partial<DropFields> {
  const patch: Partial<DropFields> = {};
  if (rng.bool(0.4)) patch.title = `${rng.pick(TITLES)} ${rng.int(100)}`;
  if (rng.bool(0.3)) patch.narrative = `One story, take ${rng.int(1000)}.`;
  if (rng.bool(0.3)) patch.inventory = rng.int(500);
  if (rng.bool(0.2)) patch.reservePct = rng.int(101);
  if (rng.bool(0.2)) patch.adBudget = rng.int(2000);
  if (rng.bool(0.3)) patch.channels = CHANNELS.filter(() => rng.bool(0.4));
  if (rng.bool(0.3)) {
    const day = 1 + rng.int(20);
    patch.shootDate = `2026-03-${String(day).padStart(2, '0')}`;
    patch.publishDate = `2026-03-${String(day + rng.int(9)).padStart(2, '0')}`;
  }
  if (Object.keys(patch).length === 0) patch.inventory = rng.int(500);
  return patch;
}

function invalidPatch(rng: Prng): Partial<DropFields> {
  return rng.pick<Partial<DropFields>>([
    { title: '   ' },
    { inventory: -3 },
    { reservePct: 140 },
    { shootDate: '2026-02-30' },
    { shootDate: '2026-03-10', publishDate: '2026-03-01' },
    { color: 'teal' },
  ]);
}

export interface Peer {
  doc: Y.Doc;
  undo?: Y.UndoManager;
}

export interface OpResult {
  kind: OpKind;
  /** A stale view made the model refuse the action (with a message); nothing changed. */
  refused: boolean;
  created?: string;
  deleted?: string;
}

/** Runs one random board operation on `peer`, as a person looking at that peer's board would. */
export function randomOp(rng: Prng, peer: Peer, weights: OpWeights, now: number): OpResult {
  const { doc } = peer;
  const kind = rng.weighted(weights);
  const stages = readStages(doc);
  const drops = readDrops(doc);
  const result: OpResult = { kind, refused: false };
  if (process.env.CADENCE_SYNC_TRACE) console.log('op', kind, 'on client', doc.clientID);
  try {
    switch (kind) {
      case 'create': {
        if (stages.length === 0) break;
        const stageId = rng.pick(stages).id;
        const column = dropsInStage(doc, stageId);
        const at =
          column.length > 0 && rng.bool(0.4)
            ? { afterId: rng.pick(column).id }
            : rng.pick(['start', 'end'] as const);
        result.created = createDrop(doc, { stageId, at, title: rng.pick(TITLES) }, now);
        break;
      }
      case 'edit':
        if (drops.length > 0) updateDrop(doc, rng.pick(drops).id, randomPatch(rng));
        break;
      case 'badEdit':
        if (drops.length > 0) updateDrop(doc, rng.pick(drops).id, invalidPatch(rng));
        break;
      case 'move': {
        if (drops.length === 0 || stages.length === 0) break;
        const stageId = rng.pick(stages).id;
        const size = dropsInStage(doc, stageId).length;
        moveDrop(doc, rng.pick(drops).id, stageId, rng.int(size + 2));
        break;
      }
      case 'moveWithin': {
        const live = drops.filter((d) => !d.archived && stages.some((s) => s.id === d.pos.stageId));
        if (live.length === 0) break;
        const drop = rng.pick(live);
        const size = dropsInStage(doc, drop.pos.stageId).length;
        moveDrop(doc, drop.id, drop.pos.stageId, rng.int(size));
        break;
      }
      case 'archive':
        if (drops.length > 0) {
          const drop = rng.pick(drops);
          setDropArchived(doc, drop.id, !drop.archived);
        }
        break;
      case 'delete':
        if (drops.length > 0) {
          result.deleted = rng.pick(drops).id;
          deleteDrop(doc, result.deleted as never);
        }
        break;
      case 'addStage':
        addStage(
          doc,
          rng.pick(STAGE_NAMES),
          stages.length && rng.bool() ? rng.pick(stages).id : undefined,
        );
        break;
      case 'renameStage':
        if (stages.length > 0) renameStage(doc, rng.pick(stages).id, rng.pick(STAGE_NAMES));
        break;
      case 'moveStage':
        if (stages.length > 0) moveStage(doc, rng.pick(stages).id, rng.int(stages.length + 1));
        break;
      case 'removeStage': {
        if (stages.length < 2) break;
        const gone = rng.pick(stages);
        const target = rng.pick(stages.filter((s) => s.id !== gone.id));
        removeStage(doc, gone.id, target.id);
        break;
      }
      // Through the app's own undo (undoOrRedo), which leaves a step that would delete a
      // teammate's work.
      case 'undo':
        if (peer.undo) undoOrRedo(peer.undo, 'undo');
        break;
      case 'redo':
        if (peer.undo) undoOrRedo(peer.undo, 'redo');
        break;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A stage name another stage already has is refused, as the app refuses it.
    const takenName = /^There is already a stage called “.+”\.$/.test(message);
    if (!(error instanceof DropValidationError) && !EXPECTED_REFUSALS.has(message) && !takenName)
      throw error;
    result.refused = true;
    delete result.created;
    delete result.deleted;
  }
  return result;
}
