import { useState } from 'react';
import { signalingUrlSchema } from '../../../../shared/sync/settings';
import { newTeamServer, teamServerUrlSchema } from '../../../../shared/sync/teamServer';
import { platform } from '../../platform/platform';
import { useSync } from '../../state/SyncContext';

/**
 * Before an invite: the workspace has no way for a teammate to connect, so an invite would
 * be a dead end. Offers each way there is: the team's server, the team's signaling address,
 * and on the desktop, hosting on this computer.
 */
export function ConnectFirst(props: { name: string }) {
  const { settings, saveSettings } = useSync();
  const [server, setServer] = useState('');
  const [signal, setSignal] = useState('');
  const [error, setError] = useState<{ at: 'server' | 'signal' | 'host'; message: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const chooseServer = () => {
    const parsed = teamServerUrlSchema().safeParse(server);
    if (!parsed.success)
      return setError({ at: 'server', message: parsed.error.issues[0]?.message ?? 'Invalid.' });
    saveSettings({ ...settings, enabled: true, server: newTeamServer(parsed.data) });
  };
  const chooseSignal = () => {
    const parsed = signalingUrlSchema().safeParse(signal);
    if (!parsed.success)
      return setError({ at: 'signal', message: parsed.error.issues[0]?.message ?? 'Invalid.' });
    saveSettings({ ...settings, enabled: true, signaling: [parsed.data] });
  };
  // Hosting the signaling endpoint exists only in the desktop app.
  const signalingHost = platform().signalingHost;
  const host = async () => {
    if (!signalingHost) return;
    setBusy(true);
    try {
      const status = await signalingHost.start({ host: '0.0.0.0', port: 4444 });
      if (!status.running)
        return setError({ at: 'host', message: status.error ?? 'Could not start hosting.' });
      const address = status.shareAddresses[0] ?? `ws://127.0.0.1:${status.port}`;
      saveSettings({ ...settings, enabled: true, signaling: [address] });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (at: 'server' | 'signal' | 'host') =>
    error?.at === at && (
      <p className="field-error" role="alert">
        {error.message}
      </p>
    );

  return (
    <div className="sync-connect-first">
      <p className="sync-help">
        Teammates can’t reach “{props.name}” yet: it has no server to meet on. Choose how they
        connect, then the invite is ready.
      </p>
      <section aria-labelledby="connect-server">
        <h3 id="connect-server" className="sync-heading">
          Your team server
        </h3>
        <p className="sync-muted">
          Keeps the workspace for teammates who are never online at the same time as you. Ask
          whoever runs it for its address (<code>npm run server</code>).
        </p>
        <div className="sync-row">
          <label className="field sync-grow">
            <span className="field-label">Team server address</span>
            <input
              className="input"
              value={server}
              placeholder="wss://cadence.example.com"
              onChange={(e) => {
                setServer(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => e.key === 'Enter' && chooseServer()}
            />
          </label>
          <button type="button" className="button button-primary" onClick={chooseServer}>
            Use this team server
          </button>
        </div>
        {errorFor('server')}
      </section>
      <section aria-labelledby="connect-signal">
        <h3 id="connect-signal" className="sync-heading">
          Your team’s signaling address
        </h3>
        <p className="sync-muted">
          Peer to peer, encrypted, while you are online together. A teammate hosting sync in the
          desktop app, or <code>npm run signal</code> on an always-on machine, gives you the address
          with its token.
        </p>
        <div className="sync-row">
          <label className="field sync-grow">
            <span className="field-label">Signaling address</span>
            <input
              className="input"
              value={signal}
              placeholder="ws://192.168.1.20:4444/?token=…"
              onChange={(e) => {
                setSignal(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => e.key === 'Enter' && chooseSignal()}
            />
          </label>
          <button type="button" className="button" onClick={chooseSignal}>
            Use this address
          </button>
        </div>
        {errorFor('signal')}
      </section>
      {signalingHost ? (
        <section aria-labelledby="connect-host">
          <h3 id="connect-host" className="sync-heading">
            Host on this computer
          </h3>
          <p className="sync-muted">
            Teammates on your local network connect through this computer while Cadence is open
            here.
          </p>
          <div className="sync-row">
            <button type="button" className="button" disabled={busy} onClick={() => void host()}>
              Host sync on this computer
            </button>
          </div>
          {errorFor('host')}
        </section>
      ) : (
        <p className="sync-muted">
          A browser can’t host sync itself. No server yet? Someone with the Cadence desktop app can
          host it on your network (Sync → Host sync for my team).
        </p>
      )}
    </div>
  );
}
