import { useState } from 'react';
import { decodeInvite } from '../../../../shared/sync/invite';
import { Dialog } from '../../ui/Dialog';
import { createWorkspaceRecord, getWorkspaceRecord } from '../../workspace';
import type { WorkspaceId } from '../../../../shared/model';
import { applyInvite } from './joining';
import { appStorage, useSync } from './SyncContext';

/** Paste an invite code (or link) to open a teammate's workspace, merging if it is here. */
export function JoinDialog(props: { onClose: () => void; initialCode?: string }) {
  const { openWorkspace, onMessage } = useSync();
  const [text, setText] = useState(props.initialCode ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async () => {
    const result = decodeInvite(text);
    if (!result.ok) return setError(result.message);
    const { invite } = result;
    setBusy(true);
    try {
      const exists = getWorkspaceRecord(invite.workspaceId) !== undefined;
      applyInvite(appStorage(), invite, exists);
      if (!exists) {
        createWorkspaceRecord(
          invite.name.slice(0, 60),
          undefined,
          Date.now(),
          invite.workspaceId as WorkspaceId,
        );
      }
      props.onClose();
      await openWorkspace(invite.workspaceId);
      onMessage(
        exists
          ? `Joined “${invite.name}”: your copy merges with your teammates’ as soon as one is online.`
          : `Joined “${invite.name}”: the board arrives as soon as a teammate is online.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Join a workspace"
      onClose={props.onClose}
      onSubmit={() => void join()}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || text.trim() === ''}
          >
            Join
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Invite code or link</span>
        <textarea
          className="input sync-code"
          rows={4}
          value={text}
          autoFocus
          placeholder="CAD1.…"
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'join-error' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <span id="join-error" className="field-error" role="alert">
            {error}
          </span>
        )}
      </label>
      <p className="sync-help">
        If you already have this workspace, nothing is lost: your copy and your teammates’ merge.
      </p>
    </Dialog>
  );
}
