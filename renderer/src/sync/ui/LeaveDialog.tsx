import { useMemo, useState } from 'react';
import { encodeBackup } from '../../../../shared/sync/backupFile';
import { useOpenWorkspace, useWorkspace } from '../../state';
import { Dialog } from '../../ui/Dialog';
import { LEFT_KEPT_DAYS } from '../../workspace';
import { saveWorkspaceFile } from './workspaceFile';
import { leaveLoss, removalDate } from './leaveLoss';
import { useSync } from '../../state/SyncContext';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Confirms leaving the open workspace: names the work that has not reached a teammate, offers
 * a backup file first, and keeps the local copy restorable unless the person removes it now.
 */
export function LeaveDialog(props: { onClose: () => void; onLeft: () => void }) {
  const ws = useOpenWorkspace();
  const { workspaceId, snapshot, leave, onMessage } = useSync();
  const name = useWorkspace((s) => s.meta.name);
  const drops = useWorkspace((s) => s.drops);
  const [keep, setKeep] = useState(true);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loss = useMemo(
    () =>
      leaveLoss({
        lastSyncedAt: snapshot.lastSyncedAt,
        unsent: snapshot.unsent,
        unsentDropIds: snapshot.unsentDropIds,
        drops,
      }),
    [snapshot.lastSyncedAt, snapshot.unsent, snapshot.unsentDropIds, drops],
  );
  // The date shown is the one stored: both come from the moment the dialog opened.
  const [openedAt] = useState(() => Date.now());
  const until = removalDate(openedAt + LEFT_KEPT_DAYS * DAY_MS);

  const exportFile = async () => {
    setError(null);
    try {
      const file = await encodeBackup(ws.doc, { workspaceId });
      const safe = name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'workspace';
      const path = await saveWorkspaceFile(`${safe}.cadence`, file);
      if (path) setExported(path);
    } catch (e) {
      setError(`Could not export: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const left = await leave(keep);
      props.onLeft();
      onMessage(
        left
          ? `Left “${name}”. Its copy stays on this computer until ${removalDate(left.removeAt)}: restore it from Recently left in the workspace menu.`
          : `Left “${name}” and removed it from this computer.`,
      );
    } catch (e) {
      setBusy(false);
      setError(`Could not leave: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <Dialog
      title={`Leave “${name}”?`}
      onClose={props.onClose}
      onSubmit={() => void confirm()}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose} autoFocus={!loss.atRisk}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            {keep ? 'Leave workspace' : 'Leave and remove now'}
          </button>
        </>
      }
    >
      <p>
        This computer stops syncing it and takes it off your workspace list. Teammates keep their
        copies.
      </p>
      <div className={loss.atRisk ? 'leave-loss sync-warning' : 'leave-loss'} role="note">
        <p className="leave-loss-headline">{loss.headline}</p>
        {loss.titles.length > 0 && (
          <ul className="leave-loss-list">
            {loss.titles.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
            {loss.more > 0 && <li>and {loss.more} more</li>}
          </ul>
        )}
      </div>
      <div className="sync-row">
        <button
          type="button"
          className={loss.atRisk ? 'button button-primary' : 'button'}
          onClick={() => void exportFile()}
          autoFocus={loss.atRisk}
        >
          Export a backup first…
        </button>
        {exported && (
          <span className="sync-muted" role="status">
            Saved {exported}.
          </span>
        )}
      </div>
      <fieldset className="leave-choice">
        <legend className="field-label">The copy on this computer</legend>
        <label className="leave-option">
          <input type="radio" name="leave-copy" checked={keep} onChange={() => setKeep(true)} />
          <span>
            Keep it until <strong>{until}</strong>. Restore it any time before then from Recently
            left in the workspace menu.
          </span>
        </label>
        <label className="leave-option">
          <input type="radio" name="leave-copy" checked={!keep} onChange={() => setKeep(false)} />
          <span>Remove it now. This cannot be undone.</span>
        </label>
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
