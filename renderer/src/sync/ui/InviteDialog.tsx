import { useMemo, useState } from 'react';
import {
  hasWayToConnect,
  inviteFor,
  inviteLink,
  webInviteLink,
} from '../../../../shared/sync/invite';
import { DismissDialog } from '../../ui/DismissDialog';
import { messageOf, useWorkspace } from '../../state';
import { getWorkspaceRecord } from '../../workspace';
import { ConnectFirst } from './ConnectFirst';
import { platform } from '../../platform/platform';
import { useSync } from '../../state/SyncContext';

/**
 * The invite code and link for this workspace, with copy buttons. No code is issued while the
 * workspace has no way for a teammate to connect (no signaling address, no team server): the
 * dialog walks the person to one first.
 */
export function InviteDialog(props: { onClose: () => void }) {
  const { settings, workspaceId, awaitingFirstSync, user } = useSync();
  const docName = useWorkspace((s) => s.meta.name);
  // A joined copy still waiting for its board has no name of its own yet: the invite it
  // came with named it, and so does the registry.
  const name = (awaitingFirstSync && getWorkspaceRecord(workspaceId)?.name) || docName;
  const reachable = hasWayToConnect(settings);
  const made = useMemo(() => {
    if (!reachable) return { code: '', problem: null };
    try {
      return { code: inviteFor(workspaceId, name, settings, user?.name), problem: null };
    } catch (e) {
      // Settings no invite can carry (see INVITE_MAX_CHARS): said, instead of a broken dialog.
      return { code: '', problem: messageOf(e) };
    }
  }, [reachable, workspaceId, name, settings, user?.name]);
  const { code, problem } = made;
  const desktop = platform().kind === 'desktop';
  // The desktop app opens cadence:// links; in a browser the link is this app's own address.
  const link = desktop ? inviteLink(code) : webInviteLink(window.location.href, code);
  const [copied, setCopied] = useState<'code' | 'link' | 'failed' | null>(null);

  const copy = async (what: 'code' | 'link') => {
    try {
      await navigator.clipboard.writeText(what === 'code' ? code : link);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  };

  if (!reachable) {
    return (
      <DismissDialog title="Invite teammates" closeLabel="Cancel" onClose={props.onClose}>
        <ConnectFirst name={name} />
      </DismissDialog>
    );
  }

  if (problem !== null) {
    return (
      <DismissDialog title="Invite teammates" closeLabel="Close" onClose={props.onClose}>
        <p className="field-error" role="alert">
          {problem}
        </p>
      </DismissDialog>
    );
  }

  return (
    <DismissDialog title="Invite teammates" closeLabel="Done" onClose={props.onClose}>
      <p className="sync-help">
        Anyone with this code can open and edit “{name}”. Send it privately (a direct message, not a
        public channel). Rotate the password later to lock out anyone who should no longer have it.
      </p>
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
          {desktop ? 'Copy link for the desktop app' : 'Copy link for the browser'}
        </button>
        <span className="sync-muted" role="status">
          {copied === 'code' && 'Code copied: teammates paste it in Sync → Join a workspace.'}
          {copied === 'link' &&
            (desktop
              ? 'Link copied: it opens the Cadence desktop app (teammates in a browser paste the code instead).'
              : `Link copied: it opens Cadence in the browser at ${window.location.host} (desktop app users paste the code instead).`)}
          {copied === 'failed' && 'Could not copy: select the code and copy it by hand.'}
        </span>
      </div>
    </DismissDialog>
  );
}
