import { Doc, type UndoManager } from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import {
  createUndoManager,
  initWorkspace,
  isInitialised,
  keepDropsPlaced,
  type PlacedDrop,
} from '../../../shared/model';
import { WorkspaceStore } from '../../../shared/store/workspaceStore';
import { isValidTimeZone } from '../../../shared/cadence';
import { encodeBoardPreview, type BoardPreview } from '../../../shared/store/boardPreview';
import { writeBoardPreview } from './boardPreviewCache';
import { compactPersistence, COMPACT_ABOVE } from './compaction';
import { workspaceDbName } from './localKeys';

/** Something started with a workspace that must stop before its document goes (its sync). */
export interface StartedWithWorkspace {
  destroy(): Promise<void>;
}

/** An open workspace: its document, undo history and the store the UI reads. */
export interface OpenWorkspace<Sync extends StartedWithWorkspace = StartedWithWorkspace> {
  id: string;
  doc: Doc;
  undoManager: UndoManager;
  store: WorkspaceStore;
  /**
   * The workspace's sync with teammates, started as it opened and stopped by `destroy`; absent
   * when it was opened without (`OpenOptions.sync`).
   */
  sync?: Sync;
  /** Resolves when the on-open compaction has finished (entries left in the database). */
  compacted: Promise<number>;
  /**
   * Hears of drops this person moved into a stage that a teammate removed at the same moment,
   * once they sit where the remover sent that stage's drops. Returns a function that stops.
   */
  onMovedByRemoval?(listener: (placed: PlacedDrop[]) => void): () => void;
  destroy(): Promise<void>;
}

export interface OpenOptions<Sync extends StartedWithWorkspace = StartedWithWorkspace> {
  /** Name for a workspace whose document is still empty. */
  name?: string;
  /** Initialises a brand-new document instead (e.g. the sample), before undo history starts. */
  seed?: (doc: Doc) => void;
  compactAbove?: number;
  /**
   * Wait before compacting, so merging the database never competes with the first paint.
   * Defaults to 3 s in a window, 0 elsewhere (tests).
   */
  compactDelayMs?: number;
  /** Wait after the last change before storing the board preview (default 1 s). */
  previewDelayMs?: number;
  /** The board preview stored for this workspace, read before opening (null: none). */
  storedPreview?: BoardPreview | null;
  /**
   * Starts the workspace's sync once its document is ready (the app passes
   * `startWorkspaceSync` from renderer/src/sync). Without it the workspace stays on this
   * machine: tests, the sample created at first launch, benchmarks.
   */
  sync?: (id: string, doc: Doc) => Sync;
}

/**
 * Opens a workspace's document from its own IndexedDB database. A new document gets the
 * playbook's stages. Undo starts empty: opening is not an edit.
 */
export async function openWorkspace<Sync extends StartedWithWorkspace = StartedWithWorkspace>(
  id: string,
  opts: OpenOptions<Sync> = {},
): Promise<OpenWorkspace<Sync>> {
  mark('cadence:open-start');
  const doc = new Doc();
  const persistence = new IndexeddbPersistence(workspaceDbName(id), doc);
  // IndexedDB reads the stored state on its own thread meanwhile. The first time-zone check in
  // a process loads the zone data (tens of milliseconds), and reading the workspace's settings
  // checks its zone: done now, it overlaps the read instead of following it.
  warmTimeZones();
  mark('cadence:zones-ready');
  await loadWithoutReencoding(persistence);
  mark('cadence:idb-synced');
  if (!isInitialised(doc)) {
    if (opts.seed) opts.seed(doc);
    else
      initWorkspace(doc, {
        name: opts.name ?? 'Untitled workspace',
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
  }
  // Before the undo manager exists: repairs are bookkeeping, not this person's edits.
  const movedListeners = new Set<(placed: PlacedDrop[]) => void>();
  const stopRepairs = keepDropsPlaced(doc, 300, (placed) => {
    for (const l of movedListeners) l(placed);
  });
  const undoManager = createUndoManager(doc);
  // Development builds and tests refuse a selector that builds a new object on each read.
  // (`env` is absent where a page is bundled without Vite, as the benchmark pages are.)
  const strictSelectors = import.meta.env?.DEV === true;
  const store = new WorkspaceStore(doc, undoManager, { strictSelectors });
  mark('cadence:store-ready');
  const preview = keepBoardPreview(id, store, opts.previewDelayMs ?? 1000, opts.storedPreview);
  // With the document, not with a component: it lives exactly as long as the open workspace.
  const sync = opts.sync?.(id, doc);
  mark('cadence:sync-started');
  // Compaction runs after the board has painted; failures only cost disk space.
  const delay = opts.compactDelayMs ?? (typeof window === 'undefined' ? 0 : 3000);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let skip: (() => void) | null = null;
  const compacted = new Promise<number>((resolve) => {
    skip = () => resolve(persistence._dbsize);
    timer = setTimeout(() => {
      timer = null;
      mark('cadence:compacting', persistence._dbsize);
      compactPersistence(persistence, opts.compactAbove ?? COMPACT_ABOVE)
        .catch(() => persistence._dbsize)
        .then((left) => {
          mark('cadence:compacted');
          resolve(left);
        });
    }, delay);
  });
  let destroyed = false;
  return {
    id,
    doc,
    undoManager,
    store,
    sync,
    compacted,
    onMovedByRemoval(listener) {
      movedListeners.add(listener);
      return () => movedListeners.delete(listener);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      // Teammates stop hearing from us before the document goes.
      await sync?.destroy();
      // Closed before the timer fired: the next open compacts instead.
      if (timer !== null) {
        clearTimeout(timer);
        skip?.();
      }
      await compacted;
      await preview.flush();
      stopRepairs();
      store.destroy();
      undoManager.destroy();
      await persistence.destroy();
      doc.destroy();
    },
  };
}

/**
 * Stores the board preview the next open paints first: after each change (debounced) and
 * once after opening, so a workspace opened before previews existed gets one. A preview the
 * same as the one last stored (`stored`, read before opening) is not written again: most
 * changes (a brief's text, a result) do not touch it, and rewriting an unchanged one a second
 * after every open could land over a newer one another window stored meanwhile.
 */
function keepBoardPreview(
  id: string,
  store: WorkspaceStore,
  delayMs: number,
  stored: BoardPreview | null | undefined,
): { flush(): Promise<void> } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = stored ? JSON.stringify(stored) : null;
  const write = async () => {
    timer = null;
    const preview = encodeBoardPreview(store.getSnapshot());
    const json = JSON.stringify(preview);
    if (json === last) return;
    last = json;
    await writeBoardPreview(id, preview);
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void write(), delayMs);
  };
  const unsubscribe = store.subscribe(schedule);
  schedule();
  return {
    async flush() {
      unsubscribe();
      if (timer === null) return;
      clearTimeout(timer);
      await write();
    },
  };
}

/**
 * Waits for y-indexeddb to load the stored state, without Yjs encoding it all again.
 *
 * y-indexeddb listens to the document's `update` events to store local edits, and Yjs encodes
 * every transaction as an update when anything listens, so loading used to decode the stored
 * state and then encode it once more, only for the listener to drop it (its origin is the
 * persistence itself): a third of the load at any size, more for a long-lived document.
 * Nothing else holds the document before it has loaded, so the listener waits until then.
 */
async function loadWithoutReencoding(persistence: IndexeddbPersistence): Promise<void> {
  const { doc } = persistence;
  doc.off('update', persistence._storeUpdate);
  try {
    await persistence.whenSynced;
  } finally {
    if (!persistence._destroyed) doc.on('update', persistence._storeUpdate);
  }
}

/** Checks this computer's zone (usually the workspace's) once, loading the zone data. */
function warmTimeZones(): void {
  try {
    isValidTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    // Only a head start: reading the settings checks the zone anyway.
  }
}

// Timeline marks for the benchmark (open → zone data → IndexedDB loaded → snapshot built → sync
// started → board painted).
function mark(name: string, detail?: unknown): void {
  globalThis.performance?.mark?.(name, { detail });
}
