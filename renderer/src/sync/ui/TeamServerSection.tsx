import { useState } from 'react';
import { newTeamServer, teamServerUrlSchema } from '../../../../shared/sync/teamServer';
import type { TeamServerState } from '../teamServerLink';
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

  const remove = () => {
    const { server: _removed, ...rest } = settings;
    saveSettings(rest);
  };

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
          <div className="sync-row">
            <button type="button" className="button" onClick={remove}>
              Remove team server
            </button>
          </div>
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
