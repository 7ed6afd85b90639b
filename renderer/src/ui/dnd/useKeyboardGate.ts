import { useCallback, useState } from 'react';
import type { DragStartEvent } from '@dnd-kit/core';
import { createKeyboardGate } from './keyboardGate';

/**
 * Holds the keys of a keyboard drag until dnd-kit can use them (see keyboardGate.ts). Call
 * `started` from `onDragStart`, `ended` when the drag ends or is cancelled, and render
 * `<DragReady onReady={onReady} />` inside the drag overlay while dragging.
 */
export function useKeyboardGate() {
  const [gate] = useState(createKeyboardGate);
  const started = useCallback(
    (event: Pick<DragStartEvent, 'activatorEvent'>) => {
      if (event.activatorEvent instanceof KeyboardEvent) gate.hold();
    },
    [gate],
  );
  const ended = useCallback(() => gate.reset(), [gate]);
  const onReady = useCallback(() => gate.open(), [gate]);
  return { started, ended, onReady };
}
