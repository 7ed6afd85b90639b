import { useEffect, useRef } from 'react';
import type { OpenWorkspace } from '../workspace';
import { useOpenWorkspace } from './WorkspaceContext';

/**
 * Calls `then` after each undo or redo of `undoManager` (it pops a step; null: none open). What
 * announced an edit (a message, a status line) goes with it, so it no longer tells of an edit
 * that was taken back.
 */
export function useAfterUndoOrRedo(
  undoManager: OpenWorkspace['undoManager'] | null,
  then: () => void,
): void {
  const latest = useRef(then);
  latest.current = then;
  useEffect(() => {
    if (!undoManager) return;
    const popped = () => latest.current();
    undoManager.on('stack-item-popped', popped);
    return () => undoManager.off('stack-item-popped', popped);
  }, [undoManager]);
}

/** The same for the open workspace (inside its provider). */
export function useOnUndoOrRedo(then: () => void): void {
  useAfterUndoOrRedo(useOpenWorkspace().undoManager, then);
}
