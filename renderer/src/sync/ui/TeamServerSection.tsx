import { useState } from 'react';
import { newTeamServer, teamServerUrlSchema } from '../../../../shared/sync/teamServer';
import type { TeamServerState, TeamServerStatus } from '../teamServerLink';
import { useSync } from '../../state/SyncContext';

const STATE_LABELS: Record<TeamServerState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected: every change made here is on the server.',
  offline: 'Unreachable: changes wait here and go out when it is back.',
  refused: 'Refused',
};

/** The workspace's team server (Hocuspocus), beside peer to peer: add, see its state, remove. */
export function TeamServerSection() {
  const { settings, saveSettings, snapshot } = useSync();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const server = settings.server;
  // With sync off nothing is tried: the server is not unreachable, it is not being reached.
  const status = snapshot.state === 'off' ? null : snapshot.server;

  const add = () => {
    const parsed = teamServerUrlSchema().safeParse(url);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Invalid address.');
      return;
    }
    try {
      saveSettings({ ...settings, server: newTeamServer(parsed.data) });
      setUrl('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const remove = () => {
    const { server: _removed, ...rest } = settings;
    setConfirmingRemove(false);
    saveSettings(rest);
  };
  // Teammates who sync only through the server get from it only what it has: removing it
  // while it may lack changes made here asks first.
  const mayLack = mayLackChanges(status);
  const askToRemove = () => (mayLack ? setConfirmingRemove(true) : remove());

  return (
    <section aria-labelledby="sync-team-server">
      <h3 id="sync-team-server" className="sync-heading">
        Team server
      </h3>
      <p className="sync-muted">
        A team server keeps this workspace so teammates who are never online at the same time still
        get each other’s changes. It works beside peer to peer. It holds the workspace unencrypted:
        use one your team runs itself (<code>npm run server</code>).
      </p>
      {server ? (
        <>
          <p className="sync-server-line">
            <strong className="sync-server-url">{server.url}</strong>
            <span
              className={`sync-muted sync-server-${status?.state ?? 'offline'}`}
              data-testid="team-server-state"
            >
              {!status
                ? 'Off while sync is off.'
                : status.state === 'connected' && !status.allSent
                  ? 'Connected: sending changes…'
                  : STATE_LABELS[status.state]}
            </span>
          </p>
          {status?.state === 'refused' && status.message && (
            <p className="field-error" role="alert">
              {status.message}
            </p>
          )}
          <p className="sync-muted">
            Invites now include this server and the workspace’s access token. Removing it keeps
            everything here; teammates who still use it keep syncing through it.
          </p>
          {confirmingRemove && mayLack ? (
            <div className="sync-confirm" role="group" aria-label="Remove the team server?">
              <p className="sync-confirm-text">
                {mayLack} Teammates who sync only through it will not get from it what it lacks.
                Remove it anyway?
              </p>
              <div className="sync-row">
                <button
                  type="button"
                  className="button"
                  autoFocus
                  onClick={() => setConfirmingRemove(false)}
                >
                  Keep it
                </button>
                <button type="button" className="button button-danger" onClick={remove}>
                  Remove team server
                </button>
              </div>
            </div>
          ) : (
            <div className="sync-row">
              <button type="button" className="button" onClick={askToRemove}>
                Remove team server
              </button>
            </div>
          )}
        </>
      ) : (
        <div className="sync-row">
          <label className="field sync-grow">
            <span className="field-label">Team server address</span>
            <input
              className="input"
              value={url}
              placeholder="wss://cadence.example.com"
              aria-invalid={error ? 'true' : 'false'}
              aria-describedby={error ? 'team-server-error' : undefined}
              onChange={(e) => {
                setUrl(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') add();
              }}
            />
            {error && (
              <span id="team-server-error" className="field-error" role="alert">
                {error}
              </span>
            )}
          </label>
          <button type="button" className="button" onClick={add}>
            Add team server
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * Why the team server may not have every change made here (null when it has them all: it
 * is connected and nothing waits to be sent).
 */
function mayLackChanges(status: TeamServerStatus | null): string | null {
  if (!status) return 'Sync is off, so the team server may not have what changed here since.';
  if (status.state === 'connected')
    return status.allSent ? null : 'Changes made here are still being sent to the team server.';
  if (status.state === 'refused')
    return 'The team server refuses this workspace, so it may not have what changed here.';
  return 'The team server cannot be reached, so it may not have what changed here.';
}
