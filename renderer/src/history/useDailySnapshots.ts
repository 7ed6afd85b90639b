import { useEffect } from 'react';
import { takeDailySnapshotIfDue, type OpenWorkspace } from '../workspace';

// The first check waits for the board to settle; later checks catch a workspace left open
// past midnight.
const FIRST_CHECK_MS = 20_000;
const CHECK_EVERY_MS = 60 * 60_000;

/** Keeps the open workspace's daily snapshot: one when it opens (if a day has passed), then daily. */
export function useDailySnapshots(ws: OpenWorkspace): void {
  useEffect(() => {
    const check = () => void takeDailySnapshotIfDue(ws.id, ws.doc).catch(() => {});
    const first = setTimeout(check, FIRST_CHECK_MS);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ws]);
}
