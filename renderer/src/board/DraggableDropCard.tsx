import { memo, type CSSProperties } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Drop } from '../../../shared/model';
import { DropCardBody } from './DropCard';

export interface CardProps {
  drop: Drop;
  stageId: string;
  creatorName: string | null;
  today: string;
  readOnly: boolean;
  selected: boolean;
  onOpen: (id: string) => void;
}

/** A card that can be dragged (mouse or keyboard) and opened (click or Enter). */
export const SortableDropCard = memo(function SortableDropCard(props: CardProps) {
  const { drop, stageId, creatorName, today, readOnly, selected, onOpen } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: drop.id,
    data: { type: 'drop', stageId },
    // Archived cards are shown for reference but keep their place.
    disabled: readOnly || drop.archived,
  });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
  };
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
      style={style}
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
      <DropCardBody drop={drop} creatorName={creatorName} today={today} />
    </div>
  );
});
