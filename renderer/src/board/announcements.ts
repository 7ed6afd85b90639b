import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';

/** Names the board knows, so announcements speak of drops and stages, not ids. */
export interface BoardNames {
  dropTitle(id: string): string;
  stageName(stageId: string): string;
  /** Where a drop currently sits in the live drag order: stage and 1-based position. */
  place(dropId: string): { stageId: string; position: number; total: number } | null;
  stagePlace(stageId: string): { position: number; total: number } | null;
  /** False until the dragged stage has been over something other than itself. */
  hasMoved(): boolean;
}

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To pick up a drop or a stage, press Space. While dragging, use the arrow keys to move it. ' +
    'Press Space again to put it down, or Escape to cancel. Press Enter on a drop to open its details.',
};

const stageIdOf = (id: string | number) => String(id).replace(/^stage:/, '');
const isStage = (id: string | number) => String(id).startsWith('stage:');

/** Screen-reader announcements in the board's own words. */
export function boardAnnouncements(names: BoardNames): Announcements {
  const where = (id: string) => {
    const p = names.place(id);
    return p ? `${names.stageName(p.stageId)}, position ${p.position} of ${p.total}` : '';
  };
  const stageWhere = (id: string) => {
    const p = names.stagePlace(stageIdOf(id));
    return p ? `position ${p.position} of ${p.total}` : '';
  };
  // A drop's slot changes on drag moves (drop targets are whole columns), so a drop is
  // announced when its place changes, not on every pointer move.
  let lastPlace = '';
  return {
    onDragStart({ active }) {
      if (isStage(active.id)) {
        return `Picked up stage ${names.stageName(stageIdOf(active.id))}. It is at ${stageWhere(String(active.id))}.`;
      }
      lastPlace = where(String(active.id));
      return `Picked up drop ${names.dropTitle(String(active.id))}. It is in ${lastPlace}.`;
    },
    onDragMove({ active }) {
      if (isStage(active.id)) return undefined;
      const place = where(String(active.id));
      if (!place || place === lastPlace) return undefined;
      lastPlace = place;
      return `Drop ${names.dropTitle(String(active.id))} moved to ${place}.`;
    },
    onDragOver({ active, over }) {
      // dnd-kit reports the item over itself right after pickup: keep "Picked up…" audible.
      if (!isStage(active.id)) return undefined;
      if (!over || (over.id === active.id && !names.hasMoved())) return undefined;
      return `Stage ${names.stageName(stageIdOf(active.id))} moved to ${stageWhere(String(active.id))}.`;
    },
    onDragEnd({ active, over }) {
      if (isStage(active.id)) {
        return `Stage ${names.stageName(stageIdOf(active.id))} dropped at ${stageWhere(String(active.id))}.`;
      }
      if (!over) return `Drop ${names.dropTitle(String(active.id))} was put back.`;
      return `Dropped ${names.dropTitle(String(active.id))} in ${where(String(active.id))}.`;
    },
    onDragCancel({ active }) {
      if (isStage(active.id)) {
        return `Cancelled. Stage ${names.stageName(stageIdOf(active.id))} stays where it was.`;
      }
      return `Cancelled. Drop ${names.dropTitle(String(active.id))} stays where it was.`;
    },
  };
}
