import './sync.css';
import { useEffect, useState } from 'react';
import { platform } from '../../platform/platform';
import { JoinDialog } from './JoinDialog';
import { formatSince, statusLabel } from './format';
import { hasUnsharedChange, useSync } from '../../state/SyncContext';
import { SyncPanel } from './SyncPanel';

/** The top-bar sync status; opens the sync panel (notices: SyncNotices). */
export function SyncIndicator() {
  const { snapshot } = useSync();
  const [open, setOpen] = useState(false);
  const [joinCode, setJoinCode] = useState<string | null>(null);
  // A cadence://join/… link opened while the app runs.
  useEffect(() => platform().onJoinLink(setJoinCode), []);
  const label = statusLabel(snapshot);
  const unshared = hasUnsharedChange(snapshot);
  const detail = unshared
    ? `Changes made offline since ${formatSince(snapshot.unsentSince)} are only on this device.`
    : snapshot.lastSyncedAt === null
      ? 'This workspace has not been shared with anyone yet.'
      : `Last synced ${formatSince(snapshot.lastSyncedAt)}.`;
  return (
    <>
      <button
        type="button"
        className={`sync-indicator sync-${snapshot.state}`}
        onClick={() => setOpen(true)}
        title={`${label}. ${detail}`}
        aria-label={`Sync: ${label}. ${detail} Open sync settings.`}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-label">{label}</span>
        {unshared && <span className="sync-badge">Only on this device</span>}
      </button>
      {open && <SyncPanel onClose={() => setOpen(false)} />}
      {joinCode !== null && <JoinDialog initialCode={joinCode} onClose={() => setJoinCode(null)} />}
    </>
  );
}
