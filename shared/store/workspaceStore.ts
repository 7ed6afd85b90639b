import type * as Y from 'yjs';
import { buildBoard, type Column } from '../model/board';
import { readCreators, type Creator } from '../model/creator';
import { readDropRecord, type Drop } from '../model/drop';
import { compareRanked } from '../model/rank';
import type { DropId } from '../model/ids';
import { root } from '../model/schema';
import { readStages, type Stage } from '../model/stage';
import { isReadOnlyFor, readMeta, type WorkspaceMeta } from '../model/workspace';

/** An immutable view of a workspace document, rebuilt incrementally after each transaction. */
export interface WorkspaceSnapshot {
  meta: WorkspaceMeta;
  stages: Stage[];
  drops: ReadonlyMap<DropId, Drop>;
  board: Column[];
  /** The creator directory, sorted by name. */
  creators: Creator[];
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

type Listener = () => void;

/**
 * Subscribes to a Y.Doc and keeps one snapshot with structural sharing: a drop that did not
 * change keeps its object identity, and so does a column whose cards did not change, so
 * memoised UI re-renders only what moved.
 */
export class WorkspaceStore {
  private snapshot: WorkspaceSnapshot;
  private readonly listeners = new Set<Listener>();
  private readonly dirtyDrops = new Set<string>();
  private allDropsDirty = false;
  private stagesDirty = false;
  private metaDirty = false;
  private creatorsDirty = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly doc: Y.Doc,
    readonly undoManager?: Y.UndoManager,
  ) {
    this.snapshot = this.fullSnapshot();
    const drops = root.drops(doc);
    const onDrops = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === drops) {
          for (const key of event.changes.keys.keys()) this.dirtyDrops.add(key);
        } else {
          const key = event.path[0];
          if (typeof key === 'string') this.dirtyDrops.add(key);
          else this.allDropsDirty = true;
        }
      }
    };
    const onStages = () => (this.stagesDirty = true);
    const onMeta = () => (this.metaDirty = true);
    const onCreators = () => (this.creatorsDirty = true);
    const onAfter = () => this.flush();
    drops.observeDeep(onDrops);
    root.stages(doc).observeDeep(onStages);
    root.meta(doc).observe(onMeta);
    root.creators(doc).observeDeep(onCreators);
    doc.on('afterTransaction', onAfter);
    this.cleanups.push(
      () => drops.unobserveDeep(onDrops),
      () => root.stages(doc).unobserveDeep(onStages),
      () => root.meta(doc).unobserve(onMeta),
      () => root.creators(doc).unobserveDeep(onCreators),
      () => doc.off('afterTransaction', onAfter),
    );
    if (undoManager) {
      const onStack = () => this.updateUndoState();
      for (const ev of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
        undoManager.on(ev, onStack);
        this.cleanups.push(() => undoManager.off(ev, onStack));
      }
    }
  }

  getSnapshot = (): WorkspaceSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    for (const c of this.cleanups) c();
    this.listeners.clear();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }

  private undoFlags() {
    return {
      canUndo: (this.undoManager?.undoStack.length ?? 0) > 0,
      canRedo: (this.undoManager?.redoStack.length ?? 0) > 0,
    };
  }

  private updateUndoState(): void {
    const { canUndo, canRedo } = this.undoFlags();
    if (canUndo === this.snapshot.canUndo && canRedo === this.snapshot.canRedo) return;
    this.snapshot = { ...this.snapshot, canUndo, canRedo };
    this.emit();
  }

  private fullSnapshot(): WorkspaceSnapshot {
    const drops = new Map<DropId, Drop>();
    root.drops(this.doc).forEach((rec, id) => {
      const d = readDropRecord(id, rec);
      if (d) drops.set(d.id, d);
    });
    const stages = readStages(this.doc);
    return {
      meta: readMeta(this.doc),
      stages,
      drops,
      board: buildBoard(stages, drops.values()),
      creators: readCreators(this.doc),
      readOnly: isReadOnlyFor(this.doc),
      ...this.undoFlags(),
    };
  }

  private flush(): void {
    const dropsChanged = this.allDropsDirty || this.dirtyDrops.size > 0;
    if (!dropsChanged && !this.stagesDirty && !this.metaDirty && !this.creatorsDirty) return;
    const prev = this.snapshot;
    let drops = prev.drops;
    if (this.allDropsDirty) {
      drops = this.fullSnapshot().drops;
    } else if (this.dirtyDrops.size > 0) {
      const next = new Map(prev.drops);
      const map = root.drops(this.doc);
      for (const key of this.dirtyDrops) {
        const rec = map.get(key);
        const d = rec ? readDropRecord(key, rec) : null;
        if (d) next.set(d.id, d);
        else next.delete(key as DropId);
      }
      drops = next;
    }
    const stages = this.stagesDirty ? readStages(this.doc) : prev.stages;
    const meta = this.metaDirty ? readMeta(this.doc) : prev.meta;
    let board = prev.board;
    if (this.stagesDirty || this.allDropsDirty) {
      board = reuseColumns(prev.board, buildBoard(stages, drops.values()));
    } else if (dropsChanged) {
      // Only the columns the changed drops left or joined are rebuilt.
      board = patchColumns(prev.board, prev.drops, drops, this.dirtyDrops);
    }
    this.snapshot = {
      meta,
      stages,
      drops,
      board,
      creators: this.creatorsDirty ? readCreators(this.doc) : prev.creators,
      readOnly: isReadOnlyFor(this.doc),
      ...this.undoFlags(),
    };
    this.dirtyDrops.clear();
    this.allDropsDirty = this.stagesDirty = this.metaDirty = this.creatorsDirty = false;
    this.emit();
  }
}

/**
 * Rebuilds the columns that changed drops left or joined (same rules as buildBoard: archived
 * drops are off the board, a drop whose stage is gone shows in the first column).
 */
function patchColumns(
  board: Column[],
  before: ReadonlyMap<DropId, Drop>,
  after: ReadonlyMap<DropId, Drop>,
  dirty: ReadonlySet<string>,
): Column[] {
  const first = board[0]?.stage.id;
  if (first === undefined) return board;
  const known = new Set<string>(board.map((c) => c.stage.id));
  const columnOf = (d: Drop) => (known.has(d.pos.stageId) ? d.pos.stageId : first);
  const affected = new Set<string>();
  for (const key of dirty) {
    const was = before.get(key as DropId);
    const now = after.get(key as DropId);
    if (was) affected.add(columnOf(was));
    if (now) affected.add(columnOf(now));
  }
  return board.map((col) => {
    if (!affected.has(col.stage.id)) return col;
    const drops = col.drops.filter((d) => !dirty.has(d.id));
    for (const key of dirty) {
      const d = after.get(key as DropId);
      if (d && !d.archived && columnOf(d) === col.stage.id) drops.push(d);
    }
    drops.sort((a, b) =>
      compareRanked({ id: a.id, rank: a.pos.rank }, { id: b.id, rank: b.pos.rank }),
    );
    const same = drops.length === col.drops.length && drops.every((d, i) => d === col.drops[i]);
    return same ? col : { stage: col.stage, drops };
  });
}

/** Keeps the previous column object when its stage and cards are the same objects. */
function reuseColumns(prev: Column[], next: Column[]): Column[] {
  const byStage = new Map(prev.map((c) => [c.stage.id as string, c]));
  return next.map((col) => {
    const old = byStage.get(col.stage.id);
    if (!old) return col;
    const sameStage = old.stage.name === col.stage.name && old.stage.rank === col.stage.rank;
    const sameDrops =
      old.drops.length === col.drops.length && old.drops.every((d, i) => d === col.drops[i]);
    if (sameStage && sameDrops) return old;
    return { stage: sameStage ? old.stage : col.stage, drops: sameDrops ? old.drops : col.drops };
  });
}
