import { useEffect, useState } from 'react';
import { signalingUrlSchema } from '../../../../shared/sync/settings';
import { formatIce, parseIce } from './ice';
import { LinesField } from './LinesField';
import { useSync } from '../../state/SyncContext';

/** The signaling addresses and ICE servers this workspace connects through. */
export function ServersSection() {
  const { settings, saveSettings } = useSync();
  const [signaling, setSignaling] = useState(settings.signaling.join('\n'));
  const [ice, setIce] = useState(formatIce(settings.ice));
  const [errors, setErrors] = useState<{ signaling?: string; ice?: string }>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setSignaling(settings.signaling.join('\n')), [settings.signaling]);

  // Any edit clears the "saved" note until the next save.
  const edited = (setter: (v: string) => void) => (v: string) => {
    setter(v);
    setSaved(false);
  };

  const save = () => {
    const urls = signaling
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = urls.map((u) => signalingUrlSchema().safeParse(u)).find((r) => !r.success);
    const iceResult = parseIce(ice);
    const next: typeof errors = {};
    if (bad && !bad.success) next.signaling = bad.error.issues[0]?.message ?? 'Invalid address.';
    if (!iceResult.ok) next.ice = iceResult.message;
    setErrors(next);
    if (next.signaling || next.ice || !iceResult.ok) return;
    saveSettings({ ...settings, signaling: [...new Set(urls)], ice: iceResult.value });
    setSaved(true);
  };

  return (
    <section aria-labelledby="sync-servers">
      <h3 id="sync-servers" className="sync-heading">
        Servers for this workspace
      </h3>
      <p className="sync-muted">
        Peers find each other through a signaling address, then talk directly and encrypted. Nothing
        leaves this computer until you add one. Use your team’s own (a teammate hosting sync, or
        <code> npm run signal</code> on an always-on machine).
      </p>
      <LinesField
        label="Signaling addresses (one per line)"
        value={signaling}
        placeholder="ws://192.168.1.20:4444"
        error={errors.signaling}
        onChange={edited(setSignaling)}
      />
      <LinesField
        label="ICE servers (STUN/TURN, one per line: url [username credential])"
        value={ice}
        placeholder="stun:stun.example.com:3478"
        error={errors.ice}
        onChange={edited(setIce)}
      />
      <div className="sync-row">
        <button type="button" className="button" onClick={save}>
          Save servers
        </button>
        {saved && (
          <span className="sync-muted" role="status">
            Saved: reconnecting with the new servers.
          </span>
        )}
      </div>
    </section>
  );
}
