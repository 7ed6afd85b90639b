import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { isInitialised, readMeta, validateDropPatch, type DropId } from '../../../shared/model';
import { encodeBackup } from '../../../shared/sync/backupFile';
import { restoreDropsFromSnapshot } from '../../../shared/history/restore';
import {
  restoreDeletedDrops,
  watchRemoteDropDeletions,
} from '../../../shared/sync/remoteDeletions';
import {
  putBackOverwritten,
  watchConcurrentOverwrites,
} from '../../../shared/sync/remoteOverwrites';
import { overwrittenWhileApart, putBackMessage, recordLabel } from './overwriteMessages';
import { asOwnUndoStep } from '../../../shared/model/undo';
import {
  ensureSyncSettings,
  rotatePassword as rotated,
  saveSyncSettings,
  type SyncSettings,
} from '../../../shared/sync/settings';
import {
  appStorage,
  renameWorkspaceRecord,
  type LeftWorkspace,
  type OpenWorkspace,
} from '../workspace';
import { loadLocalUser, randomColour, saveLocalUser, type LocalUser } from '../sync/localUser';
import type { SyncNotice, SyncSnapshot, WorkspaceSync } from '../sync/WorkspaceSync';
import { platform } from '../platform/platform';
import { isAwaitingFirstSync, markFirstSyncDone } from '../sync/joining';
import type { NoticeAction } from './noticeAction';

const OFF: SyncSnapshot = {
  state: 'off',
  peers: [],
  signaling: [],
  lastSyncedAt: null,
  unsent: false,
  unsentSince: null,
  unsentDropIds: new Set(),
  notices: [],
  server: null,
};

export interface SyncContextValue {
  workspaceId: string;
  /** Presence, for collaborative carets in the brief editor (null while sync is not running). */
  awareness: WorkspaceSync['awareness'] | null;
  snapshot: SyncSnapshot;
  settings: SyncSettings;
  /** Validates, stores and applies new settings; throws with a message for the field. */
  saveSettings(next: SyncSettings): void;
  /** Null until the person has told us their name. */
  user: LocalUser | null;
  displayUser: LocalUser;
  saveUser(user: LocalUser): void;
  rotatePassword(): void;
  /**
   * Stops syncing and takes the workspace off this computer's list (teammates keep theirs).
   * With `keep`, the local copy stays restorable for a while (returned); otherwise it is
   * forgotten at once.
   */
  leave(keep: boolean): Promise<LeftWorkspace | null>;
  setOpenDrop(dropId: string | null): void;
  /**
   * Words typed into an open drop's title or narrative and not yet saved (null: none), kept
   * so that a teammate's deletion of the drop can be undone with them (`Restore it`).
   */
  noteUnsaved(dropId: string, field: UnsavedField, draft: string | null): void;
  dismissNotice(kind: SyncNotice['kind']): void;
  /** Reads connection types from WebRTC stats (the panel calls it while open). */
  refreshConnections(): void;
  /** True while a joined workspace waits for a teammate to send its board. */
  awaitingFirstSync: boolean;
  openWorkspace(id: string): Promise<void>;
  onMessage(message: string, action?: NoticeAction): void;
}

/** The drop panel's fields whose unsaved words a teammate's deletion would take. */
export type UnsavedField = 'title' | 'narrative';

const SyncCtx = createContext<SyncContextValue | null>(null);
// The running sync itself, stable while a workspace is open: per-card hooks subscribe to it
// directly so a card re-renders only when its own mark changes.
const SyncInstanceCtx = createContext<WorkspaceSync | null>(null);

const ROLLING_BACKUP_MS = 5 * 60_000;

/** Runs one workspace's sync while it is open and gives the sync UI its state. */
export function SyncProvider(props: {
  ws: OpenWorkspace<WorkspaceSync>;
  onOpenWorkspace: (id: string) => Promise<void>;
  onLeaveWorkspace: (id: string, keep: boolean) => Promise<LeftWorkspace | null>;
  onMessage: (message: string, action?: NoticeAction) => void;
  children: ReactNode;
}) {
  const { ws, onOpenWorkspace, onLeaveWorkspace, onMessage, children } = props;
  const storage = appStorage();
  const [settings, setSettings] = useState(() => ensureSyncSettings(storage, ws.id));
  const [user, setUser] = useState(() => loadLocalUser(storage));
  const [guest] = useState<LocalUser>(() => ({ name: 'Teammate', colour: randomColour() }));
  // Started by openWorkspace with the document and stopped with it (never by a render).
  const sync = ws.sync ?? null;
  const [awaiting, setAwaiting] = useState(() => isAwaitingFirstSync(storage, ws.id));
  // Until the person gives a name, the one sync shows teammates ("Teammate", its colour).
  const displayUser = user ?? sync?.currentUser ?? guest;

  // A joined workspace stops waiting once a teammate's document has arrived.
  useEffect(() => {
    if (!awaiting) return;
    const check = () => {
      if (isInitialised(ws.doc)) {
        markFirstSyncDone(appStorage(), ws.id);
        setAwaiting(false);
        // The registry showed the invite's name until the board arrived; the document's wins.
        try {
          renameWorkspaceRecord(ws.id, readMeta(ws.doc).name);
        } catch {
          // A name the registry refuses keeps the invite's.
        }
        // Replaces the join's toast: what it waited for is here.
        onMessage(`The board of “${readMeta(ws.doc).name}” has arrived from your teammates.`);
      }
    };
    check();
    return ws.store.onDocumentUpdate(check);
  }, [ws, awaiting, onMessage]);

  // A teammate's deletion of a drop changed here while it was not shared takes those changes
  // with it: the person is told which, and how to get it back, instead of finding it gone.
  // A copy of those drops is kept before each change from elsewhere, so Restore puts them back
  // as they were here (one undoable edit, which teammates receive).
  useEffect(() => {
    if (!sync) return;
    return watchRemoteDropDeletions(
      ws.doc,
      ({ dropIds, kept, keptIds, values }) => {
        // Still the snapshot from before this change: the titles are there.
        const drops = ws.store.getSnapshot().drops;
        // The drop this person has open went from under them: they are told, and can put it
        // back as it was just before (its brief's text and recorded facts were not deleted).
        const open = sync.openDrop;
        if (open && dropIds.includes(open) && !keptIds.includes(open)) {
          const title = drops.get(open as DropId)?.title ?? 'A drop';
          // What they were typing goes back with it.
          const typed = validUnsaved(unsaved.current.get(open));
          const was = values
            .filter((v) => v.dropId === open)
            .map((v) => ({ ...v, drop: { ...v.drop, ...typed } }));
          const withTyping = Object.keys(typed).length > 0;
          onMessage(deletedWhileOpen(title, withTyping), {
            label: 'Restore it',
            run: () => {
              const count = asOwnUndoStep(ws.undoManager, () => restoreDeletedDrops(ws.doc, was));
              onMessage(
                count
                  ? `Restored “${title}”${withTyping ? ' with what you were typing' : ''}. Teammates get it back too.`
                  : `“${title}” is back already.`,
              );
            },
          });
        }
        if (!kept || !keptIds.length) return;
        const titles = keptIds.map((id) => drops.get(id as DropId)?.title ?? 'A drop');
        onMessage(deletedWhileChanged(titles), {
          label: keptIds.length === 1 ? 'Restore it' : 'Restore them',
          run: () => {
            const { restored } = restoreDropsFromSnapshot(ws.doc, kept, keptIds);
            onMessage(
              restoredAsChanged(restored.length === 1 ? titles[0]! : null, restored.length),
            );
          },
        });
      },
      () => sync.dropsChangedHereUnseen(),
    );
  }, [ws, sync, onMessage]);

  // Two people who changed the same field while apart: Yjs keeps one value, and the person
  // whose value went is told which, with the way to put theirs back (one undoable edit, which
  // teammates receive), instead of finding their words gone.
  useEffect(() => {
    if (!sync) return;
    return watchConcurrentOverwrites(
      ws.doc,
      (overwritten) => {
        const snapshot = ws.store.getSnapshot();
        const labels = overwritten.map((o) => recordLabel(o, snapshot));
        onMessage(overwrittenWhileApart(overwritten, labels), {
          label: 'Use mine',
          run: () => {
            const count = asOwnUndoStep(ws.undoManager, () =>
              putBackOverwritten(ws.doc, overwritten),
            );
            onMessage(putBackMessage(count));
          },
        });
      },
      () => sync.dropsChangedHereUnseen(),
    );
  }, [ws, sync, onMessage]);

  // The desktop app keeps rolling backups of each workspace in its user-data folder.
  useEffect(() => {
    const backups = platform().backups;
    if (!backups) return;
    let dirty = true;
    const mark = () => (dirty = true);
    const write = () => {
      if (!dirty || !isInitialised(ws.doc)) return;
      dirty = false;
      void encodeBackup(ws.doc, { workspaceId: ws.id })
        .then((file) => backups.write(ws.id, file))
        .catch(() => (dirty = true));
    };
    const stopMarking = ws.store.onDocumentUpdate(mark);
    const timer = setInterval(write, ROLLING_BACKUP_MS);
    const first = setTimeout(write, 5_000);
    return () => {
      stopMarking();
      clearInterval(timer);
      clearTimeout(first);
      write();
    };
  }, [ws]);

  const snapshot = useSyncExternalStore(
    sync?.subscribe ?? noSubscribe,
    sync?.getSnapshot ?? offSnapshot,
  );

  const saveSettings = useCallback(
    (next: SyncSettings) => {
      const clean = saveSyncSettings(appStorage(), ws.id, next);
      setSettings(clean);
      sync?.updateSettings(clean);
    },
    [ws, sync],
  );

  const refreshConnections = useCallback(() => void sync?.refreshConnectionTypes(), [sync]);
  // Stable while the workspace is open: the presence reporter publishes only when the drop changes.
  const setOpenDrop = useCallback((id: string | null) => sync?.setOpenDrop(id), [sync]);
  const unsaved = useRef(new Map<string, Partial<Record<UnsavedField, string>>>());
  const noteUnsaved = useCallback((dropId: string, field: UnsavedField, draft: string | null) => {
    const words = { ...unsaved.current.get(dropId) };
    if (draft === null) delete words[field];
    else words[field] = draft;
    if (Object.keys(words).length) unsaved.current.set(dropId, words);
    else unsaved.current.delete(dropId);
  }, []);

  const value = useMemo<SyncContextValue>(
    () => ({
      workspaceId: ws.id,
      awareness: sync?.awareness ?? null,
      snapshot,
      settings,
      saveSettings,
      user,
      displayUser,
      saveUser: (next) => {
        const clean = saveLocalUser(appStorage(), next);
        setUser(clean);
        sync?.setUser(clean);
      },
      rotatePassword: () => saveSettings(rotated(settings)),
      leave: async (keep) => {
        await sync?.destroy();
        return onLeaveWorkspace(ws.id, keep);
      },
      setOpenDrop,
      noteUnsaved,
      dismissNotice: (kind) => sync?.dismissNotice(kind),
      refreshConnections,
      awaitingFirstSync: awaiting,
      openWorkspace: onOpenWorkspace,
      onMessage,
    }),
    [
      ws,
      snapshot,
      settings,
      saveSettings,
      user,
      displayUser,
      sync,
      awaiting,
      refreshConnections,
      setOpenDrop,
      noteUnsaved,
      onOpenWorkspace,
      onLeaveWorkspace,
      onMessage,
    ],
  );
  return (
    <SyncInstanceCtx.Provider value={sync}>
      <SyncCtx.Provider value={value}>{children}</SyncCtx.Provider>
    </SyncInstanceCtx.Provider>
  );
}

const noSubscribe = () => () => {};
const offSnapshot = () => OFF;

/** The open workspace's sync state and actions. */
export function useSync(): SyncContextValue {
  const ctx = useContext(SyncCtx);
  if (!ctx) throw new Error('useSync needs a SyncProvider.');
  return ctx;
}

/** What a person is told when a teammate deleted drops they had changed while not shared. */
export function deletedWhileChanged(titles: readonly string[]): string {
  if (titles.length === 1)
    return `A teammate deleted “${titles[0]}”, which you had changed here while it was not shared.`;
  return `A teammate deleted ${titles.length} drops you had changed here while they were not shared: ${titles
    .map((t) => `“${t}”`)
    .join(', ')}.`;
}

/** A teammate deleted the drop this person has open (perhaps with words typed in it). */
export function deletedWhileOpen(title: string, withTyping = false): string {
  const typing = withTyping ? ' Restore it keeps what you were typing.' : '';
  return `A teammate deleted “${title}” while you had it open.${typing}`;
}

/** The unsaved words that could be saved as they are (an empty title could not). */
function validUnsaved(words: Partial<Record<UnsavedField, string>> | undefined) {
  const valid: Partial<Record<UnsavedField, string>> = {};
  for (const [field, draft] of Object.entries(words ?? {}) as [UnsavedField, string][]) {
    const checked = validateDropPatch({ [field]: draft });
    if (checked.ok && typeof checked.value[field] === 'string') valid[field] = checked.value[field];
  }
  return valid;
}

/** After Restore: what came back (one drop by its title). */
export function restoredAsChanged(title: string | null, count: number): string {
  if (title !== null) return `Restored “${title}” as you had it. Teammates get it back too.`;
  return `Restored ${count} drops as you had them. Teammates get them back too.`;
}

/** Like useSync, but null outside a SyncProvider (components that also render without sync). */
export function useOptionalSync(): SyncContextValue | null {
  return useContext(SyncCtx);
}

/** True while this drop has changes no peer has received yet (false outside a SyncProvider). */
export function useIsUnsent(dropId: string): boolean {
  const sync = useContext(SyncInstanceCtx);
  return useSyncExternalStore(sync?.subscribe ?? noSubscribe, () =>
    sync ? hasUnsharedChange(sync.getSnapshot(), dropId) : false,
  );
}

/**
 * True when a change is on this device only while the workspace has been shared before: a
 * workspace never shared has no teammates to be behind, so nothing is marked.
 */
export function hasUnsharedChange(snapshot: SyncSnapshot, dropId?: string): boolean {
  if (snapshot.lastSyncedAt === null) return false;
  return dropId === undefined ? snapshot.unsent : snapshot.unsentDropIds.has(dropId);
}
