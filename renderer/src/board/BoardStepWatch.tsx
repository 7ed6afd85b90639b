import { useEffect } from 'react';
import { useDndContext } from '@dnd-kit/core';
import type { Slot } from './geometry';
import { slotPlace } from './keyboard';

/**
 * Rendered inside the DndContext during a keyboard drag: tells the step hold (stepHold.ts)
 * where the drag is once the sensor can read it. A drop is at its slot, set after the render
 * that moved it; a stage is over the stage dnd-kit has committed as `over`, which the sensor
 * reads from that same render.
 */
export function BoardStepWatch(props: {
  slot: Slot | null;
  stage: boolean;
  onPlace: (place: string | null) => void;
}) {
  const { slot, stage, onPlace } = props;
  const { over } = useDndContext();
  const place = stage ? (over ? String(over.id) : null) : slot ? slotPlace(slot) : null;
  useEffect(() => {
    onPlace(place);
  }, [onPlace, place]);
  return null;
}
