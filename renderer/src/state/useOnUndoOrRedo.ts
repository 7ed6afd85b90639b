import { useEffect, useRef } from 'react';
import { useOpenWorkspace } from './WorkspaceContext';

/**
 * Calls `then` after each undo or redo of the workspace (its undo manager popping a step): a
 * status line that announced an edit ("Added …", "… now launches …") is cleared, so it no
 * longer tells a screen reader of an edit that was taken back.
 */
export function useOnUndoOrRedo(then: () => void): void {
  const { undoManager } = useOpenWorkspace();
  const latest = useRef(then);
  latest.current = then;
  useEffect(() => {
    const popped = () => latest.current();
    undoManager.on('stack-item-popped', popped);
    return () => undoManager.off('stack-item-popped', popped);
  }, [undoManager]);
}
