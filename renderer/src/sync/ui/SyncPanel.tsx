import { useEffect, useState } from 'react';
import type { SignalStatus } from '../../../../shared/ipc/contract';
import {
  BACKUP_MESSAGES,
  decodeBackup,
  encodeBackup,
  mergeBackupInto,
} from '../../../../shared/sync/backupFile';
import { printableFileName } from '../../../../shared/model/printable';
import { createWorkspaceFromState, takeSnapshot } from '../../workspace';
import { DismissDialog } from '../../ui/DismissDialog';
import { useOpenWorkspace, useWorkspace } from '../../state';
import { requestPersistentStorage, type StoragePersistence } from '../../workspace';
import { CONNECTION_LABELS } from '../connectionType';
import { localUserSchema } from '../localUser';
import { platform } from '../../platform/platform';
import { openWorkspaceFile, saveWorkspaceFile } from './workspaceFile';
import { formatSince, statusLabel } from './format';
import { InviteDialog } from './InviteDialog';
import { JoinDialog } from './JoinDialog';
import { LeaveDialog } from './LeaveDialog';
import { ServersSection } from './ServersSection';
import { useSync } from '../../state/SyncContext';
import { TeamServerSection } from './TeamServerSection';

/** Everything about this workspace's sync: people, servers, invites, files, password. */
export function SyncPanel(props: { onClose: () => void }) {
  const [sub, setSub] = useState<'invite' | 'join' | 'leave' | null>(null);
  if (sub === 'invite') return <InviteDialog onClose={() => setSub(null)} />;
  if (sub === 'join') return <JoinDialog onClose={() => setSub(null)} />;
  if (sub === 'leave') return <LeaveDialog onClose={() => setSub(null)} onLeft={props.onClose} />;
  return (
    <DismissDialog title="Sync" closeLabel="Close" onClose={props.onClose}>
      <div className="sync-panel">
        <StatusSection />
        <div className="sync-row">
          <button type="button" className="button button-primary" onClick={() => setSub('invite')}>
            Invite teammates
          </button>
          <button type="button" className="button" onClick={() => setSub('join')}>
            Join a workspace…
          </button>
        </div>
        <IdentitySection />
        <ServersSection />
        <TeamServerSection />
        {platform().signalingHost && <HostSection />}
        <FileSection onDone={props.onClose} />
        <StorageSection />
        <DangerSection onLeave={() => setSub('leave')} />
      </div>
    </DismissDialog>
  );
}

function StatusSection() {
  const { snapshot, settings, saveSettings, refreshConnections } = useSync();
  const peerCount = snapshot.peers.length;
  // Connection types come from WebRTC stats, read only while this panel is open.
  useEffect(() => {
    refreshConnections();
    const timer = setInterval(refreshConnections, 5_000);
    return () => clearInterval(timer);
  }, [refreshConnections, peerCount]);
  const drops = useWorkspace((s) => s.drops);
  return (
    <section aria-labelledby="sync-status">
      <h3 id="sync-status" className="sync-heading">
        {statusLabel(snapshot)}
      </h3>
      <p className="sync-muted">
        Last synced {formatSince(snapshot.lastSyncedAt)}.
        {snapshot.unsent &&
          ` ${unsentWords(snapshot.unsentDropIds.size)} since ${formatSince(snapshot.unsentSince)}: not yet sent to a peer${snapshot.server ? ' or the team server' : ''}.`}
      </p>
      {snapshot.peers.length > 0 && (
        <ul className="sync-peers" aria-label="Peers">
          {snapshot.peers.map((p) => {
            const drop = p.openDropId ? drops.get(p.openDropId as never) : undefined;
            return (
              <li key={p.peerId}>
                <span className="sync-swatch" style={{ background: p.colour }} aria-hidden="true" />
                <strong>{p.name}</strong>
                <span className="sync-muted">{CONNECTION_LABELS[p.connection]}</span>
                {drop && <span className="sync-muted">· looking at “{drop.title}”</span>}
              </li>
            );
          })}
        </ul>
      )}
      {settings.signaling.length === 0 && !settings.server && (
        <p className="sync-muted">
          No signaling address yet: this workspace stays on this computer until you add one below or
          join with a teammate’s invite.
        </p>
      )}
      <label className="sync-check">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => saveSettings({ ...settings, enabled: e.target.checked })}
        />
        Sync this workspace with teammates
      </label>
    </section>
  );
}

function IdentitySection() {
  const { user, displayUser, saveUser } = useSync();
  const [name, setName] = useState(user?.name ?? '');
  const [colour, setColour] = useState(displayUser.colour);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="sync-you">
      <h3 id="sync-you" className="sync-heading">
        You
      </h3>
      {!user && (
        <p className="sync-muted">
          Tell your teammates who you are: they see your name next to what you have open.
        </p>
      )}
      <div className="sync-row">
        <label className="field sync-grow">
          <span className="field-label">Your name</span>
          <input
            className="input"
            value={name}
            aria-invalid={error ? 'true' : 'false'}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
              setSaved(false);
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">Colour</span>
          <input
            className="input sync-colour"
            type="color"
            value={colour}
            onChange={(e) => setColour(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button"
          onClick={() => {
            const parsed = localUserSchema().safeParse({ name, colour });
            if (!parsed.success)
              return setError(parsed.error.issues[0]?.message ?? 'Invalid name.');
            saveUser(parsed.data);
            setSaved(true);
          }}
        >
          Save
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="sync-muted" role="status">
          Saved.
        </p>
      )}
    </section>
  );
}

function HostSection() {
  const signalingHost = platform().signalingHost!; // rendered only where hosting exists
  const { settings, saveSettings } = useSync();
  const [status, setStatus] = useState<SignalStatus>({ running: false });
  // This computer only until the person chooses the network.
  const [host, setHost] = useState('127.0.0.1');
  const [port, setPort] = useState('4444');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void signalingHost.status().then(setStatus);
  }, [signalingHost]);

  const toggle = async () => {
    setBusy(true);
    try {
      if (status.running) setStatus(await signalingHost.stop());
      else {
        const n = Number(port);
        if (!Number.isInteger(n) || n < 0 || n > 65535) {
          setStatus({ running: false, error: 'Choose a port from 1024 to 65535.' });
          return;
        }
        const next = await signalingHost.start({ host, port: n });
        setStatus(next);
        // The workspace (and so its invites) gets the address teammates can reach.
        if (next.running) {
          const local = next.shareAddresses[0] ?? `ws://127.0.0.1:${next.port}`;
          if (!settings.signaling.includes(local))
            saveSettings({ ...settings, signaling: [...settings.signaling, local] });
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sync-host">
      <h3 id="sync-host" className="sync-heading">
        Host sync for my team on this network
      </h3>
      <div className="sync-row">
        <label className="field">
          <span className="field-label">Listen on</span>
          <select
            className="input"
            value={host}
            disabled={status.running}
            onChange={(e) => setHost(e.target.value)}
          >
            <option value="127.0.0.1">This computer only</option>
            <option value="0.0.0.0">The whole local network</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Port</span>
          <input
            className="input input-compact"
            inputMode="numeric"
            value={port}
            disabled={status.running}
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void toggle()}
          aria-pressed={status.running}
        >
          {status.running ? 'Stop hosting' : 'Start hosting'}
        </button>
      </div>
      {status.running ? (
        <p className="sync-muted" role="status">
          Hosting on {status.address} ({status.connections} connected). Teammates add:{' '}
          {status.shareAddresses.map((a) => (
            <code key={a}>{a} </code>
          ))}
        </p>
      ) : (
        status.error && (
          <p className="field-error" role="alert">
            {status.error}
          </p>
        )
      )}
    </section>
  );
}

function FileSection(props: { onDone: () => void }) {
  const ws = useOpenWorkspace();
  const { workspaceId, onMessage, openWorkspace } = useSync();
  const name = useWorkspace((s) => s.meta.name);
  const [error, setError] = useState<string | null>(null);
  // A file of another workspace, kept so "Import as a new workspace" needs no second pick.
  const [foreign, setForeign] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const exportFile = async () => {
    setError(null);
    try {
      const file = await encodeBackup(ws.doc, { workspaceId });
      const safe = name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'workspace';
      const path = await saveWorkspaceFile(`${safe}.cadence`, file);
      if (path) onMessage(`Exported “${name}”.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const importFile = async () => {
    setError(null);
    setForeign(null);
    try {
      const picked = await openWorkspaceFile();
      if (!picked) return;
      // The file's name as said here and in History: one plain line.
      const shown = printableFileName(picked.name);
      setBusy('Checking the file…');
      const checked = await decodeBackup(picked.data);
      if (!checked.ok) return setError(checked.message);
      if (checked.header.workspaceId !== workspaceId) {
        setForeign(picked);
        return setError(BACKUP_MESSAGES.otherWorkspace);
      }
      // History keeps the workspace as it was before the merge.
      setBusy('Taking a snapshot before the import…');
      await takeSnapshot(workspaceId, ws.doc, 'before-import', `Before importing “${shown}”`);
      setBusy('Merging…');
      const result = await mergeBackupInto(ws.doc, picked.data, { workspaceId });
      if (!result.ok) return setError(result.message);
      onMessage(`Merged “${shown}” into this workspace.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  /** Opens a workspace file as a workspace of its own (a new id; this one is not touched). */
  const importAsNew = async (given?: { name: string; data: Uint8Array }) => {
    setError(null);
    try {
      const picked = given ?? (await openWorkspaceFile());
      if (!picked) return;
      setBusy('Checking the file…');
      const checked = await decodeBackup(picked.data);
      if (!checked.ok) return setError(checked.message);
      setBusy('Creating the workspace…');
      const record = await createWorkspaceFromState(checked.update, checked.header.name);
      setForeign(null);
      props.onDone();
      await openWorkspace(record.id);
      onMessage(
        `Imported “${printableFileName(picked.name)}” as the new workspace “${record.name}”.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="sync-files">
      <h3 id="sync-files" className="sync-heading">
        Workspace file
      </h3>
      <p className="sync-muted">
        Carry the workspace on a USB stick or by mail: importing merges it with what is here,
        nothing is lost. A file of another workspace opens as a new workspace instead.
      </p>
      <div className="sync-row">
        <button type="button" className="button" onClick={() => void exportFile()}>
          Export workspace…
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void importFile()}
        >
          Import and merge…
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void importAsNew()}
        >
          Import as a new workspace…
        </button>
      </div>
      {busy && (
        <p className="sync-muted" role="status">
          {busy}
        </p>
      )}
      {error && (
        <div className="sync-row">
          <p className="field-error" role="alert">
            {error}
          </p>
          {foreign && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null}
              onClick={() => void importAsNew(foreign)}
            >
              Import as a new workspace
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** Says when the browser may clear this computer's copy (persistent storage not granted). */
function StorageSection() {
  const [state, setState] = useState<StoragePersistence | null>(null);
  useEffect(() => {
    let live = true;
    void requestPersistentStorage().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  if (state === null || state === 'granted') return null;
  return (
    <section aria-labelledby="sync-storage">
      <h3 id="sync-storage" className="sync-heading">
        Storage on this computer
      </h3>
      <p className="sync-warning" role="note">
        {state === 'unsupported'
          ? 'This browser cannot keep storage for good: it may clear this workspace when the disk runs low.'
          : 'This browser has not granted persistent storage, so it may clear this workspace when the disk runs low.'}{' '}
        Export the workspace from time to time, keep it synced with a teammate, or use the desktop
        app, which keeps it for good.
      </p>
    </section>
  );
}

function DangerSection(props: { onLeave: () => void }) {
  const { rotatePassword, onMessage } = useSync();
  const [confirm, setConfirm] = useState<'rotate' | null>(null);
  return (
    <section aria-labelledby="sync-danger">
      <h3 id="sync-danger" className="sync-heading">
        Access
      </h3>
      {confirm === null && (
        <div className="sync-row">
          <button type="button" className="button" onClick={() => setConfirm('rotate')}>
            Rotate password…
          </button>
          <button type="button" className="button button-danger-quiet" onClick={props.onLeave}>
            Leave workspace…
          </button>
        </div>
      )}
      {confirm === 'rotate' && (
        <div className="sync-confirm" role="group" aria-label="Confirm password rotation">
          <p>
            Peers with the current password stop receiving changes. Send every teammate who should
            stay the new invite.
          </p>
          <div className="sync-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                rotatePassword();
                setConfirm(null);
                onMessage('New password set. Send teammates the new invite.');
              }}
            >
              Rotate password
            </button>
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * What is waiting to be sent, counted as the drops it touches (a count of edits it is not: a
 * title typed offline is one drop however many keystrokes).
 */
export function unsentWords(drops: number): string {
  if (drops === 0) return 'Changes made offline';
  return drops === 1 ? '1 drop changed offline' : `${drops} drops changed offline`;
}
