import { useEffect, useState } from 'react';
import type { OpenWorkspace } from '../workspace';

/** How long a burst of changes (a teammate typing, an import arriving in slices) is gathered. */
const GATHER_MS = 150;

/**
 * A number that grows after anything in the workspace's document changes (a teammate's edit
 * arriving, brief text included; a recorded fact; an import), at most once per `GATHER_MS`:
 * History's comparison follows the workspace with it.
 */
export function useDocumentChanges(store: OpenWorkspace['store']): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = store.onDocumentUpdate(() => {
      timer ??= setTimeout(() => {
        timer = null;
        setChanges((n) => n + 1);
      }, GATHER_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [store]);
  return changes;
}
