import { useCallback, useEffect, useRef, useState } from 'react';
import { isInitialised, renameWorkspace } from '../../../shared/model';
import { messageOf } from '../state';
import type { BoardPreview } from '../../../shared/store/boardPreview';
import { platform } from '../platform/platform';
import { seedForJoined } from '../sync/joining';
import { startWorkspaceSync } from '../sync/startWorkspaceSync';
import type { WorkspaceSync } from '../sync/WorkspaceSync';
import {
  appStorage,
  createFromSample,
  createWorkspaceRecord,
  ensureSampleOnFirstLaunch,
  forgetWorkspace,
  getWorkspaceRecord,
  initialWorkspaceId,
  leaveWorkspace,
  listRecentlyLeft,
  listWorkspaces,
  onForgetWorkspace,
  openWorkspace,
  purgeExpiredLeft,
  readBoardPreview,
  renameWorkspaceRecord,
  restoreLeftWorkspace,
  touchWorkspace,
  type LeftWorkspace,
  type OpenWorkspace,
  type WorkspaceRecord,
} from '../workspace';

export type LoadState =
  /** `preview`: the board as last stored, shown read-only until the document has loaded. */
  | { kind: 'loading'; preview?: BoardPreview }
  | { kind: 'ready'; ws: OpenWorkspace<WorkspaceSync> }
  | { kind: 'none' }
  | { kind: 'error'; message: string };

/** What a new workspace starts with: nothing, the sample's drops, or the sample itself. */
export type StartFrom = 'empty' | 'sample' | 'the-sample';

/** Keeps `?ws=<id>` in the address so a reload reopens the same workspace. */
function rememberInUrl(id: string | null): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set('ws', id);
  else url.searchParams.delete('ws');
  window.history.replaceState(null, '', url);
}

// The desktop app's rolling backups go with everything else a forgotten workspace kept.
onForgetWorkspace(async (id) => platform().backups?.forget(id));

// At most this long for the preview to paint (a hidden window paints no frames).
const PREVIEW_PAINT_WAIT_MS = 400;

// Above this many drops, decoding the document blocks the page long enough that its preview
// paints first. A smaller board loads in about the time a preview takes to paint: its
// preview shows only when the document has not loaded this long after it was asked for.
const LARGE_BOARD_DROPS = 500;
const SMALL_BOARD_PREVIEW_AFTER_MS = 120;

const previewDrops = (preview: BoardPreview) => preview.stages.reduce((n, s) => n + s.count, 0);

/**
 * The list of workspaces and the one that is open, with create/rename/switch/delete/leave,
 * and the recently left ones that can still be restored.
 */
export function useWorkspaces() {
  const [records, setRecords] = useState<WorkspaceRecord[]>([]);
  const [recentlyLeft, setRecentlyLeft] = useState<LeftWorkspace[]>([]);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const current = useRef<OpenWorkspace<WorkspaceSync> | null>(null);
  const opening = useRef(0);
  const previewPainted = useRef<(() => void) | null>(null);
  /** The preview calls this once it is on screen. */
  const onPreviewPainted = useCallback(() => previewPainted.current?.(), []);

  const refresh = useCallback(() => {
    setRecords(listWorkspaces());
    setRecentlyLeft(listRecentlyLeft());
  }, []);

  const open = useCallback(
    async (id: string | null) => {
      const ticket = ++opening.current;
      const previous = current.current;
      current.current = null;
      if (!id) {
        setState({ kind: 'none' });
        rememberInUrl(null);
        await previous?.destroy();
        return;
      }
      performance.mark('cadence:open-requested');
      setState({ kind: 'loading' });
      await previous?.destroy();
      // The stored preview of a large board paints first: decoding a large document blocks the
      // page, so it starts only once the preview is on screen (a frame), or at once without one.
      const preview = await readBoardPreview(id);
      performance.mark('cadence:preview-read');
      if (ticket !== opening.current) return;
      const large = preview !== null && previewDrops(preview) > LARGE_BOARD_DROPS;
      if (preview && large) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, PREVIEW_PAINT_WAIT_MS);
          previewPainted.current = () => {
            clearTimeout(timer);
            resolve();
          };
          setState({ kind: 'loading', preview });
        });
        previewPainted.current = null;
        if (ticket !== opening.current) return;
      }
      try {
        const record = getWorkspaceRecord(id);
        const opened = openWorkspace(id, {
          name: record?.name ?? 'Untitled workspace',
          ...seedForJoined(appStorage(), id),
          sync: startWorkspaceSync,
          storedPreview: preview,
        });
        if (preview && !large) {
          // A smaller board usually loads before a preview could paint; painting one only to
          // replace it would delay the live board. It shows if the document is slow after all.
          const timer = setTimeout(() => {
            if (ticket === opening.current) setState({ kind: 'loading', preview });
          }, SMALL_BOARD_PREVIEW_AFTER_MS);
          const stop = () => clearTimeout(timer);
          opened.then(stop, stop);
        }
        const ws = await opened;
        if (ticket !== opening.current) return void ws.destroy();
        // The document's name wins (a teammate may have renamed it).
        const docName = ws.store.getSnapshot().meta.name;
        // (A joined workspace still waiting for its board keeps the invite's name.)
        if (record && record.name !== docName && isInitialised(ws.doc)) {
          renameWorkspaceRecord(id, docName);
        }
        touchWorkspace(id);
        current.current = ws;
        rememberInUrl(id);
        refresh();
        setState({ kind: 'ready', ws });
      } catch (err) {
        setState({ kind: 'error', message: `Could not open the workspace: ${messageOf(err)}` });
      }
    },
    [refresh],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        // Left workspaces whose time is up are removed for good before anything opens.
        await purgeExpiredLeft();
      } catch {
        // A copy that cannot be removed now is tried again at the next start.
      }
      try {
        await ensureSampleOnFirstLaunch();
      } catch {
        // The sample is a convenience: without it the empty state explains how to start.
      }
      if (cancelled) return;
      refresh();
      await open(initialWorkspaceId(window.location.search));
    })();
    return () => {
      cancelled = true;
    };
  }, [open, refresh]);

  useEffect(() => () => void current.current?.destroy(), []);

  // The document's name wins while it is open too: a teammate's rename shows in the switcher
  // as soon as it arrives.
  const openWs = state.kind === 'ready' ? state.ws : null;
  useEffect(() => {
    if (!openWs) return;
    let shown = openWs.store.getSnapshot().meta.name;
    return openWs.store.subscribe(() => {
      const name = openWs.store.getSnapshot().meta.name;
      if (name === shown || !isInitialised(openWs.doc)) return;
      shown = name;
      renameWorkspaceRecord(openWs.id, name);
      refresh();
    });
  }, [openWs, refresh]);

  /**
   * Creates a workspace and opens it: an empty board, a copy of the sample's drops under
   * `name` (`from: 'sample'`), or the sample itself back again (`from: 'the-sample'`).
   */
  const create = useCallback(
    async (name: string, from: StartFrom = 'empty') => {
      const record =
        from === 'empty'
          ? createWorkspaceRecord(name)
          : await createFromSample(from === 'the-sample' ? { sample: true } : { name });
      refresh();
      await open(record.id);
    },
    [open, refresh],
  );

  const rename = useCallback(
    (id: string, name: string) => {
      renameWorkspaceRecord(id, name);
      const ws = current.current;
      if (ws && ws.id === id && !ws.store.getSnapshot().readOnly) renameWorkspace(ws.doc, name);
      refresh();
    },
    [refresh],
  );

  // Closes the workspace if it is open, runs `change`, then opens the most recent one left.
  const closeAnd = useCallback(
    async <T>(id: string, change: () => Promise<T>): Promise<T> => {
      const wasOpen = current.current?.id === id;
      if (wasOpen) {
        setState({ kind: 'loading' });
        await current.current?.destroy();
        current.current = null;
      }
      const result = await change();
      refresh();
      if (wasOpen) await open(listWorkspaces()[0]?.id ?? null);
      return result;
    },
    [open, refresh],
  );

  /** Deletes a workspace from this computer: everything local is forgotten. */
  const remove = useCallback((id: string) => closeAnd(id, () => forgetWorkspace(id)), [closeAnd]);

  /** Leaves a workspace, keeping a restorable copy or not (see localState.ts). */
  const leave = useCallback(
    (id: string, keep: boolean) => closeAnd(id, () => leaveWorkspace(id, { keep })),
    [closeAnd],
  );

  /** Puts a recently left workspace back on the list and opens it. */
  const restore = useCallback(
    async (id: string) => {
      const record = restoreLeftWorkspace(id, appStorage());
      refresh();
      await open(record.id);
      return record;
    },
    [open, refresh],
  );

  /** Removes a recently left workspace's copy now instead of at its date. */
  const removeLeft = useCallback(
    async (id: string) => {
      await forgetWorkspace(id);
      refresh();
    },
    [refresh],
  );

  return {
    records,
    recentlyLeft,
    state,
    open,
    create,
    rename,
    remove,
    leave,
    restore,
    removeLeft,
    onPreviewPainted,
  };
}
