import { memo } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { Drop } from '../../../shared/model';
import type { DropResults } from '../../../shared/results';
import { DropCardBody } from './DropCard';

export interface CardProps {
  drop: Drop;
  stageId: string;
  creatorName: string | null;
  today: string;
  readOnly: boolean;
  selected: boolean;
  /** Its results when the card is in the Review stage. */
  results: DropResults | null;
  onOpen: (id: string) => void;
}

/**
 * A card that can be dragged (mouse or keyboard) and opened (click or Enter).
 *
 * Only a draggable, not a drop target: the columns are the targets and the slot follows
 * from the pointer's height (see geometry.ts). dnd-kit's sortable hook would make every
 * rendered card measure itself and re-render on each step of every drag.
 */
export const DraggableDropCard = memo(function DraggableDropCard(props: CardProps) {
  const { drop, stageId, creatorName, today, readOnly, selected, results, onOpen } = props;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: drop.id,
    data: { type: 'drop', stageId },
    // Archived cards are shown for reference but keep their place.
    disabled: readOnly || drop.archived,
  });
  const label = [
    drop.title,
    creatorName ? `with ${creatorName}` : null,
    drop.dropDate ? `drops ${drop.dropDate}` : null,
    drop.archived ? 'archived' : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div
      ref={setNodeRef}
      className={[
        'card',
        isDragging ? 'is-placeholder' : '',
        selected ? 'is-selected' : '',
        drop.archived ? 'is-archived' : '',
      ].join(' ')}
      data-testid="drop-card"
      data-drop-id={drop.id}
      {...attributes}
      {...listeners}
      aria-roledescription="sortable drop"
      aria-label={label}
      onClick={() => onOpen(drop.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !isDragging) {
          e.preventDefault();
          onOpen(drop.id);
          return;
        }
        listeners?.onKeyDown?.(e);
      }}
    >
      <DropCardBody drop={drop} creatorName={creatorName} today={today} results={results} />
    </div>
  );
});
