import { useEffect } from 'react';
import { useDndContext } from '@dnd-kit/core';

/**
 * Rendered inside the drag overlay: calls `onReady` once dnd-kit has measured the overlay,
 * which is when keyboard moves start to work (see keyboardGate.ts).
 */
export function DragReady(props: { onReady: () => void }) {
  const { onReady } = props;
  const measured = useDndContext().dragOverlay.rect !== null;
  useEffect(() => {
    if (measured) onReady();
  }, [measured, onReady]);
  return null;
}
