import { useMemo, useState } from 'react';
import { loadSyncSettings } from '../../../../shared/sync/settings';
import { decodeInvite, INVITE_MESSAGES, isTooLongForInvite } from '../../../../shared/sync/invite';
import { Dialog } from '../../ui/Dialog';
import { appStorage, createWorkspaceRecord, getWorkspaceRecord, markJoined } from '../../workspace';
import type { WorkspaceId } from '../../../../shared/model';
import { applyInvite } from '../joining';
import { reviewInvite } from '../inviteReview';
import { useSync } from '../../state/SyncContext';

/** Paste an invite code (or link) to open a teammate's workspace, merging if it is here. */
export function JoinDialog(props: { onClose: () => void; initialCode?: string }) {
  const { openWorkspace, onMessage } = useSync();
  // A text that cannot be an invite is never put in the box: megabytes in a text box freeze
  // the window (a link opened with a huge code, or a paste).
  const initialTooLong = isTooLongForInvite(props.initialCode ?? '');
  const [text, setText] = useState(initialTooLong ? '' : (props.initialCode ?? ''));
  const [error, setError] = useState<string | null>(
    initialTooLong ? INVITE_MESSAGES.tooLong : null,
  );
  const [busy, setBusy] = useState(false);
  // An invite for a workspace that is already here would replace its room, password and
  // servers: that needs a second, explicit confirmation after the review below.
  const [confirming, setConfirming] = useState(false);

  const decoded = useMemo(() => (text.trim() ? decodeInvite(text) : null), [text]);
  const review = useMemo(() => {
    if (!decoded?.ok) return null;
    const { invite } = decoded;
    const record = getWorkspaceRecord(invite.workspaceId);
    return {
      localName: record?.name ?? null,
      ...reviewInvite(
        invite,
        loadSyncSettings(appStorage(), invite.workspaceId),
        record !== undefined,
      ),
    };
  }, [decoded]);

  const join = async () => {
    const result = decodeInvite(text);
    if (!result.ok) return setError(result.message);
    const { invite } = result;
    if (review?.existing && !confirming) return setConfirming(true);
    setBusy(true);
    try {
      const exists = getWorkspaceRecord(invite.workspaceId) !== undefined;
      applyInvite(appStorage(), invite, exists);
      if (!exists) {
        const now = Date.now();
        createWorkspaceRecord(
          invite.name.slice(0, 60),
          undefined,
          now,
          invite.workspaceId as WorkspaceId,
        );
        // The switcher tells this copy apart from a workspace here with the same name.
        markJoined(invite.workspaceId, { ...(invite.from ? { from: invite.from } : {}), at: now });
      }
      props.onClose();
      await openWorkspace(invite.workspaceId);
      onMessage(
        exists
          ? `Joined “${invite.name}”: your copy merges with your teammates’ as soon as one is online.`
          : // The banner above the board says it is on its way, and goes once it is here.
            `Joined “${invite.name}”.`,
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
            className={
              confirming && review?.serversDiffer ? 'button button-danger' : 'button button-primary'
            }
            disabled={busy || text.trim() === ''}
          >
            {confirming ? 'Replace sync settings and join' : 'Join'}
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
            if (isTooLongForInvite(e.target.value)) {
              // The box keeps what it held; the paste is refused in words.
              setError(INVITE_MESSAGES.tooLong);
              return;
            }
            setText(e.target.value);
            setError(null);
            setConfirming(false);
          }}
        />
        {error && (
          <span id="join-error" className="field-error" role="alert">
            {error}
          </span>
        )}
      </label>
      {review && decoded?.ok && (
        <div className="join-review" data-testid="join-review">
          <p>
            <strong>Workspace:</strong> “{decoded.invite.name}”
            {decoded.invite.from && ` from ${decoded.invite.from}`}
            {review.existing
              ? `, already on this computer as “${review.localName}”.`
              : ', new on this computer.'}
          </p>
          <p>
            <strong>Signaling servers:</strong>{' '}
            {review.signalingHosts.length ? review.signalingHosts.join(', ') : 'none'}
            {review.iceHosts.length > 0 && (
              <>
                {' '}
                · <strong>ICE servers:</strong> {review.iceHosts.join(', ')}
              </>
            )}
            {review.teamServerHost && (
              <>
                {' '}
                · <strong>Team server:</strong> {review.teamServerHost}
              </>
            )}
          </p>
          {review.existing && review.changes.length > 0 && (
            <p>
              <strong>Joining replaces</strong> {review.changes.join(', ')} of your copy. Your board
              is kept and merges with whoever is on these servers.
            </p>
          )}
          {review.keptTeamServerHost && (
            <p data-testid="join-kept-team-server">
              <strong>Kept:</strong> your team server, {review.keptTeamServerHost} (this invite
              names none; remove it in Sync settings if you no longer want it).
            </p>
          )}
          {review.existing && review.serversDiffer && (
            <p className="field-error" role="alert" data-testid="join-servers-warning">
              These are not the servers this workspace uses now. Only continue if you trust whoever
              sent this invite: your board would sync to {review.newHosts.join(', ') || 'them'}.
            </p>
          )}
          {confirming && <p>Check the above, then confirm.</p>}
        </div>
      )}
      <p className="sync-help">
        If you already have this workspace, nothing is lost: your copy and your teammates’ merge.
        Nothing changes until you join.
      </p>
    </Dialog>
  );
}
