import { useMemo, useState } from 'react';
import { inviteFor, inviteLink } from '../../../../shared/sync/invite';
import { DismissDialog } from '../../ui/DismissDialog';
import { useWorkspace } from '../../state';
import { useSync } from './SyncContext';

/** The invite code and link for this workspace, with copy buttons. */
export function InviteDialog(props: { onClose: () => void }) {
  const { settings, workspaceId } = useSync();
  const name = useWorkspace((s) => s.meta.name);
  const code = useMemo(() => inviteFor(workspaceId, name, settings), [workspaceId, name, settings]);
  const link = inviteLink(code);
  const [copied, setCopied] = useState<'code' | 'link' | 'failed' | null>(null);

  const copy = async (what: 'code' | 'link') => {
    try {
      await navigator.clipboard.writeText(what === 'code' ? code : link);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  };

  return (
    <DismissDialog title="Invite teammates" closeLabel="Done" onClose={props.onClose}>
      <p className="sync-help">
        Anyone with this code can open and edit “{name}”. Send it privately (a direct message, not a
        public channel). Rotate the password later to lock out anyone who should no longer have it.
      </p>
      {settings.signaling.length === 0 && !settings.server && (
        <p className="sync-warning" role="note">
          No signaling address is set for this workspace, so teammates on other computers cannot
          find you yet. Add one in the sync panel (or host sync for your team) before inviting.
        </p>
      )}
      <label className="field">
        <span className="field-label">Invite code</span>
        <textarea
          className="input sync-code"
          readOnly
          rows={4}
          value={code}
          aria-label="Invite code"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className="sync-row">
        <button type="button" className="button" onClick={() => void copy('code')}>
          Copy code
        </button>
        <button type="button" className="button" onClick={() => void copy('link')}>
          Copy link
        </button>
        <span className="sync-muted" role="status">
          {copied === 'code' && 'Code copied.'}
          {copied === 'link' && 'Link copied: it opens Cadence on the desktop.'}
          {copied === 'failed' && 'Could not copy: select the code and copy it by hand.'}
        </span>
      </div>
    </DismissDialog>
  );
}
