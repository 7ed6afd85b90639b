import { memo, type CSSProperties } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { CadenceFlag } from '../../../../shared/cadence';
import type { Drop } from '../../../../shared/model';

/** A drop on its launch day: drag to reschedule, click or Enter to open. */
export const LaunchChip = memo(function LaunchChip(props: {
  drop: Drop;
  creatorName: string | null;
  flags: CadenceFlag[] | undefined;
  selected: boolean;
  disabled: boolean;
  onOpen: (id: string) => void;
  onHover: (id: string | null) => void;
}) {
  const { drop, creatorName, flags, selected, disabled, onOpen, onHover } = props;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `launch:${drop.id}`,
    data: { dropId: drop.id, day: drop.dropDate },
    disabled,
  });
  const warning = flags?.map((f) => f.message).join('\n');
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`cal-chip${isDragging ? ' is-dragging' : ''}${selected ? ' is-selected' : ''}`}
      style={{ '--drop-color': drop.color } as CSSProperties}
      data-drop-id={drop.id}
      aria-label={`${drop.title}${drop.launchTime ? ` at ${drop.launchTime}` : ''}${creatorName ? `, ${creatorName}` : ''}${warning ? `. Warning: ${warning}` : ''}`}
      title={warning ? `${drop.title}\n⚠ ${warning}` : drop.title}
      {...attributes}
      {...listeners}
      onClick={() => onOpen(drop.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onOpen(drop.id);
          return;
        }
        listeners?.onKeyDown?.(e);
      }}
      onMouseEnter={() => onHover(drop.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(drop.id)}
      onBlur={() => onHover(null)}
    >
      {drop.launchTime && <span className="cal-chip-time">{drop.launchTime}</span>}
      <span className="cal-chip-title">{drop.title}</span>
      {warning && (
        <span className="cal-chip-flag" aria-hidden="true">
          !
        </span>
      )}
    </button>
  );
});
