import { useEffect, useState } from 'react';
import { observeResultInputs } from '../../../shared/results/observe';
import type { OpenWorkspace } from '../workspace';

/** How long a burst of changes (a teammate's import arriving in slices) is gathered into one. */
const GATHER_MS = 150;

/**
 * A number that grows after the drops, briefs, creators, settings or results data change (a
 * recorded fact, an import, a teammate's edit arriving), at most once per `GATHER_MS`: History's
 * comparison follows the workspace with it, results included.
 */
export function useResultInputChanges(doc: OpenWorkspace['doc']): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = observeResultInputs(doc, () => {
      timer ??= setTimeout(() => {
        timer = null;
        setChanges((n) => n + 1);
      }, GATHER_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return changes;
}
