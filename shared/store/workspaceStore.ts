import type * as Y from 'yjs';
import type { BriefState } from '../brief/status';
import { readBriefTemplate, type BriefTemplate } from '../brief/template';
import { buildBoard, type Column } from '../model/board';
import { readCreators, type Creator } from '../model/creator';
import { readDropRecord, type Drop } from '../model/drop';
import { compareRanked } from '../model/rank';
import type { DropId } from '../model/ids';
import { root } from '../model/schema';
import { readStages, type Stage } from '../model/stage';
import { isReadOnlyFor, readMeta, type WorkspaceMeta } from '../model/workspace';
import { Atom, selectStable, type Source } from './atom';
import { BriefSource } from './briefSource';
import { ResultsSource } from './resultsSource';

/** An immutable view of a workspace document, rebuilt incrementally after each transaction. */
export interface WorkspaceSnapshot {
  meta: WorkspaceMeta;
  stages: Stage[];
  drops: ReadonlyMap<DropId, Drop>;
  board: Column[];
  /** The creator directory, sorted by name. */
  creators: Creator[];
  /** Creator id → name, derived once per change of the directory (cards, calendar, .ics). */
  creatorNames: ReadonlyMap<string, string>;
  /** The workspace's brief template (it lives in meta); the same object while it is unchanged. */
  template: BriefTemplate;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The document handle the renderer passes on to `shared/` functions (and to the editor
 * binding); only `shared/`, the editor binding, the sync transport and `renderer/src/workspace`
 * read it (an ESLint rule keeps Yjs out of the rest of the renderer).
 */
export type WorkspaceDoc = Y.Doc;

/** Which brief view this window shows: session state, not in the document. */
export type BriefView =
  | { kind: 'none' }
  | { kind: 'brief'; dropId: DropId }
  | { kind: 'creators'; back: DropId | null }
  | { kind: 'template'; back: DropId | null };

export interface WorkspaceStoreOptions {
  /**
   * Run every selector twice and throw when it returns a new value for the same snapshot
   * (development builds and tests; see `select`).
   */
  strictSelectors?: boolean;
}

type Listener = () => void;

/**
 * The one reactive store over a workspace document. It subscribes to the Y.Doc and keeps one
 * snapshot with structural sharing: a drop that did not change keeps its object identity, and
 * so does a column whose cards did not change, so memoised UI re-renders only what moved.
 * Derived values (the board, creator names, the brief template) are built here once per change,
 * a brief's state and the results are watched `Source`s computed when read, and `briefView`
 * holds which brief view is open.
 */
export class WorkspaceStore {
  /** Which brief view is open in this window (session state; not in the document). */
  readonly briefView = new Atom<BriefView>({ kind: 'none' });
  /**
   * Every drop's results, derived from the drops, briefs and imported orders: computed on the
   * first read (the board's Review cards, the Results view) and after a change they read.
   */
  readonly results: ResultsSource;
  private snapshot: WorkspaceSnapshot;
  private readonly strict: boolean;
  /** Counts transactions that changed something, so an unwatched brief knows it is stale. */
  private transactions = 0;
  private readonly briefs = new Map<string, BriefSource>();
  private readonly watchedBriefs = new Set<BriefSource>();
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
    options: WorkspaceStoreOptions = {},
  ) {
    this.strict = options.strictSelectors ?? false;
    this.results = new ResultsSource(doc);
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
    const onAfter = (transaction: Y.Transaction) => {
      this.flush();
      if (transaction.changed.size === 0) return;
      this.transactions++;
      for (const brief of this.watchedBriefs) brief.changed(transaction);
    };
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

  /**
   * Reads part of the snapshot. A selector must return something the snapshot holds (or a
   * primitive), never an object built on each call; with `strictSelectors` such a selector throws.
   */
  select<T>(selector: (snapshot: WorkspaceSnapshot) => T): T {
    return selectStable(this.snapshot, selector, this.strict);
  }

  /** A brief's state, kept current while watched; the same source for the same drop. */
  brief(dropId: DropId): Source<BriefState | null> {
    let source = this.briefs.get(dropId);
    if (!source) {
      source = new BriefSource(
        this.doc,
        dropId,
        () => this.transactions,
        (s, watched) => {
          if (watched) {
            this.watchedBriefs.add(s);
            this.briefs.set(dropId, s);
          } else {
            this.watchedBriefs.delete(s);
            if (this.briefs.get(dropId) === s) this.briefs.delete(dropId);
          }
        },
      );
      this.briefs.set(dropId, source);
    }
    return source;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Calls `listener` after every update of the document, local or remote, also where the
   * snapshot holds nothing (brief texts, results): for work such as backups.
   */
  onDocumentUpdate(listener: Listener): () => void {
    const on = () => listener();
    this.doc.on('update', on);
    return () => this.doc.off('update', on);
  }

  destroy(): void {
    for (const c of this.cleanups) c();
    this.results.destroy();
    for (const brief of this.briefs.values()) brief.cancel();
    this.watchedBriefs.clear();
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
    const creators = readCreators(this.doc);
    return {
      meta: readMeta(this.doc),
      stages,
      drops,
      board: buildBoard(stages, drops.values()),
      creators,
      creatorNames: namesOf(creators),
      template: readBriefTemplate(this.doc),
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
    const creators = this.creatorsDirty ? readCreators(this.doc) : prev.creators;
    this.snapshot = {
      meta,
      stages,
      drops,
      board,
      creators,
      creatorNames: creators === prev.creators ? prev.creatorNames : namesOf(creators),
      template: this.metaDirty ? sameOr(prev.template, readBriefTemplate(this.doc)) : prev.template,
      readOnly: isReadOnlyFor(this.doc),
      ...this.undoFlags(),
    };
    this.dirtyDrops.clear();
    this.allDropsDirty = this.stagesDirty = this.metaDirty = this.creatorsDirty = false;
    this.emit();
  }
}

function namesOf(creators: readonly Creator[]): ReadonlyMap<string, string> {
  return new Map(creators.map((c) => [c.id as string, c.name]));
}

// Meta also holds the name, cadence and settings: an edit of those keeps the template object.
function sameOr<T>(prev: T, next: T): T {
  return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
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
