import { useSync } from '../../state/SyncContext';

/**
 * Sync notices, in the page's flow between the toolbar and the board (like the other banners):
 * they push the board down instead of floating over its column headers and buttons.
 */
export function SyncNotices() {
  const { snapshot, awaitingFirstSync, dismissNotice } = useSync();
  if (snapshot.notices.length === 0 && !awaitingFirstSync) return null;
  return (
    <div className="sync-notices" role="status">
      {awaitingFirstSync && (
        <p className="sync-notice">
          {snapshot.server
            ? 'Waiting for the team server to send this workspace.'
            : 'Waiting for a teammate to send this workspace. It arrives as soon as one of them is online with the same signaling address.'}
        </p>
      )}
      {snapshot.notices.map((n) => (
        <p key={n.kind} className={`sync-notice sync-notice-${n.kind}`} role="alert">
          <span className="sync-notice-text">
            {n.message}
            {n.kind === 'former-teammate' && n.count > 1 && (
              <span className="sync-muted"> ({n.count} people)</span>
            )}
            {n.kind !== 'former-teammate' && n.count > 1 && (
              <span className="sync-muted"> ({n.count}×)</span>
            )}
          </span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => dismissNotice(n.kind)}
          >
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
