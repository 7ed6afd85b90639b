import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { readMeta } from '../../../shared/model';
import { dateTime } from '../ui/dates';
import { SNAPSHOT_BUDGET } from '../../../shared/history/budget';
import { diffWorkspaces, isUnchanged, type WorkspaceDiff } from '../../../shared/history/diff';
import { sizeWords } from '../../../shared/history/words';
import { isMac } from '../platform/platform';
import { useOpenWorkspace, useWorkspace } from '../state';
import { Dialog } from '../ui/Dialog';
import {
  deleteSnapshot,
  listSnapshots,
  openSnapshot,
  readSnapshotState,
  takeSnapshot,
  type SnapshotInfo,
} from '../workspace';
import { createWorkspaceFromState } from '../workspace/copy';
import { DiffList } from './DiffList';
import { KIND_LABELS, restoreChosenDrops } from './restoreChosen';
import { useDocumentChanges } from './useDocumentChanges';
import './history.css';

/** When a snapshot was taken, as the list shows it. */
export const whenWords = (at: number) => dateTime(at);

type Compared =
  | { state: 'loading'; id: string }
  | { state: 'ready'; id: string; diff: WorkspaceDiff }
  | { state: 'error'; id: string; message: string };

/**
 * The workspace's history: snapshots kept on this computer, what changed between one and now,
 * and restoring from it (chosen drops into this workspace, or the whole snapshot as a copy).
 */
export function HistoryDialog(props: {
  onClose: () => void;
  onMessage: (message: string) => void;
  /** Opens another workspace (the restored copy). */
  onOpenWorkspace: (id: string) => Promise<void>;
}) {
  const { onClose, onMessage, onOpenWorkspace } = props;
  const ws = useOpenWorkspace();
  const readOnly = useWorkspace((s) => s.readOnly);
  const workspaceName = useWorkspace((s) => s.meta.name);
  // The comparison follows the workspace as it changes (a teammate's edit, brief text included,
  // a restore, a fact recorded or an import in Results).
  const drops = useWorkspace((s) => s.drops);
  const changes = useDocumentChanges(ws.store);
  const [list, setList] = useState<SnapshotInfo[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [compared, setCompared] = useState<Compared | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Deleting a snapshot cannot be taken back: the button asks first (the snapshot it asks about).
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const reload = useCallback(async () => {
    try {
      const next = await listSnapshots(ws.id);
      setList(next);
      setSelectedId((id) => (id && next.some((s) => s.id === id) ? id : (next[0]?.id ?? null)));
    } catch (e) {
      setList([]);
      setError(messageOf(e));
    }
  }, [ws.id]);

  useEffect(() => void reload(), [reload]);

  useEffect(() => {
    if (!selectedId) return setCompared(null);
    let live = true;
    setCompared((c) => (c?.id === selectedId ? c : { state: 'loading', id: selectedId }));
    void openSnapshot(selectedId).then(
      (snap) => {
        if (live)
          setCompared({ state: 'ready', id: selectedId, diff: diffWorkspaces(snap, ws.doc) });
        snap.destroy();
      },
      (e: unknown) =>
        live && setCompared({ state: 'error', id: selectedId, message: messageOf(e) }),
    );
    return () => {
      live = false;
    };
  }, [selectedId, ws.doc, drops, changes]);

  // A new selection starts with nothing chosen and nothing being deleted.
  useEffect(() => {
    setChosen(new Set());
    setConfirmingDelete(null);
  }, [selectedId]);

  const selected = list?.find((s) => s.id === selectedId) ?? null;
  const diff = compared?.state === 'ready' && compared.id === selectedId ? compared.diff : null;
  const chosenNow = useMemo(
    () => new Set([...chosen].filter((id) => diff?.drops.some((d) => d.id === id))),
    [chosen, diff],
  );

  const run = async (label: string, job: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await job();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const takeNamed = () =>
    void run('Taking a snapshot…', async () => {
      const clean = name.replace(/\s+/g, ' ').trim();
      if (!clean) throw new Error('Give the snapshot a name, e.g. “Before the June plan”.');
      if (clean.length > 80) throw new Error('Keep the name under 80 characters.');
      const info = await takeSnapshot(ws.id, ws.doc, 'named', clean);
      setName('');
      await reload();
      if (info) setSelectedId(info.id);
      onMessage(`Snapshot “${clean}” saved.`);
    });

  const restoreChosen = () => {
    if (!selected) return;
    void run('Restoring…', async () => {
      const summary = await restoreChosenDrops(ws, selected, [...chosenNow]);
      setChosen(new Set());
      await reload();
      onMessage(`${summary} Undo with ${isMac() ? '⌘Z' : 'Ctrl+Z'}.`);
    });
  };

  const restoreCopy = () => {
    if (!selected) return;
    void run('Creating the copy…', async () => {
      const state = await readSnapshotState(selected.id);
      if (!state) throw new Error('This snapshot is no longer on this computer.');
      // Named as the workspace was then (a name changed since is part of what the copy undoes).
      const snap = await openSnapshot(selected.id);
      const nameThen = readMeta(snap).name;
      snap.destroy();
      const copyName = `${nameThen || workspaceName} (${dateTime(selected.createdAt, false)})`;
      const record = await createWorkspaceFromState(state, copyName);
      onClose();
      await onOpenWorkspace(record.id);
      onMessage(`Opened “${record.name}”: a copy of the snapshot “${selected.name}”.`);
    });
  };

  const remove = () => {
    if (!selected) return;
    setConfirmingDelete(null);
    void run('Deleting…', async () => {
      await deleteSnapshot(selected.id);
      setSelectedId(null);
      await reload();
      onMessage(`Snapshot “${selected.name}” deleted.`);
    });
  };

  // Up and down move through the list, like a list box.
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!list || list.length === 0 || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const i = list.findIndex((s) => s.id === selectedId);
    const next = list[Math.max(0, Math.min(list.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    setSelectedId(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-snapshot-id="${next.id}"]`)?.focus();
  };

  const restorable = diff?.drops.length ?? 0;
  return (
    <Dialog
      title="History"
      onClose={onClose}
      onSubmit={takeNamed}
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="history">
        <div className="history-take">
          <label className="field history-grow">
            <span className="field-label">Name a snapshot of the workspace as it is now</span>
            <input
              className="input"
              value={name}
              placeholder="e.g. Before the June plan"
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={busy !== null}>
            Take snapshot
          </button>
        </div>
        <p className="sync-muted history-budget">
          Cadence also takes a snapshot every day you work and before every import or restore, and
          keeps the last {SNAPSHOT_BUDGET.automatic} of those, within{' '}
          {SNAPSHOT_BUDGET.bytes / (1024 * 1024)} MB. Named snapshots stay until you delete them.
          Snapshots stay on this computer.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {busy && (
          <p className="history-busy" role="status">
            <span className="spinner" aria-hidden="true" /> {busy}
          </p>
        )}
        {list === null ? (
          <p className="history-busy" role="status">
            <span className="spinner" aria-hidden="true" /> Reading the history…
          </p>
        ) : list.length === 0 ? (
          <div className="history-empty">
            <strong>No snapshots yet.</strong>
            <p>
              Cadence takes the first one within a minute of opening the workspace, then one a day.
              Name one above before a big change, so you can compare and bring drops back later.
            </p>
          </div>
        ) : (
          <div className="history-split">
            <ul ref={listRef} className="history-list" aria-label="Snapshots" onKeyDown={onListKey}>
              {list.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="history-item"
                    data-snapshot-id={s.id}
                    aria-current={s.id === selectedId ? 'true' : undefined}
                    tabIndex={s.id === selectedId || (!selectedId && s === list[0]) ? 0 : -1}
                    onClick={() => setSelectedId(s.id)}
                  >
                    <span className="history-item-name">{s.name}</span>
                    <span className="history-item-meta">
                      {whenWords(s.createdAt)} · {sizeWords(s.size)} · {s.dropCount}{' '}
                      {s.dropCount === 1 ? 'drop' : 'drops'}
                    </span>
                    <span className={`badge history-kind history-kind-${s.kind}`}>
                      {KIND_LABELS[s.kind]}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <section className="history-detail" aria-label="Changes since this snapshot">
              {selected && (
                <h3 className="history-detail-title">
                  Since “{selected.name}” · {whenWords(selected.createdAt)}
                </h3>
              )}
              {compared?.state === 'loading' && (
                <p className="history-busy" role="status">
                  <span className="spinner" aria-hidden="true" /> Comparing with now…
                </p>
              )}
              {compared?.state === 'error' && (
                <p className="field-error" role="alert">
                  {compared.message}
                </p>
              )}
              {diff && isUnchanged(diff) && (
                <p className="history-same">Nothing has changed since this snapshot.</p>
              )}
              {diff && !isUnchanged(diff) && (
                <DiffList diff={diff} chosen={chosenNow} onChosen={setChosen} readOnly={readOnly} />
              )}
              {selected && confirmingDelete === selected.id && (
                <div
                  className="history-actions history-confirm"
                  role="group"
                  aria-label="Delete this snapshot?"
                >
                  <p className="history-confirm-text">
                    Delete “{selected.name}” from this computer? It cannot be brought back.
                  </p>
                  <button
                    type="button"
                    className="button"
                    autoFocus
                    onClick={() => setConfirmingDelete(null)}
                  >
                    Keep it
                  </button>
                  <button
                    type="button"
                    className="button button-danger"
                    disabled={busy !== null}
                    onClick={remove}
                  >
                    Delete for good
                  </button>
                </div>
              )}
              {selected && confirmingDelete !== selected.id && (
                <div className="history-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={readOnly || busy !== null || chosenNow.size === 0}
                    title={
                      readOnly
                        ? 'This workspace is read-only here.'
                        : restorable === 0
                          ? 'No drop differs from this snapshot.'
                          : undefined
                    }
                    onClick={restoreChosen}
                  >
                    Restore {chosenNow.size > 0 ? chosenNow.size : ''} chosen{' '}
                    {chosenNow.size === 1 ? 'drop' : 'drops'}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null}
                    onClick={restoreCopy}
                  >
                    Restore as a new workspace
                  </button>
                  <span className="history-spacer" />
                  <button
                    type="button"
                    className="button button-danger-quiet"
                    disabled={busy !== null}
                    onClick={() => setConfirmingDelete(selected.id)}
                  >
                    Delete snapshot…
                  </button>
                </div>
              )}
            </section>
          </div>
        )}
      </div>
    </Dialog>
  );
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
