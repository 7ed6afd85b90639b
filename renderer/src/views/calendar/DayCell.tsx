import { PLAYBOOK_LABELS } from '../../../../shared/playbook';
import { memo, useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { formatDayForPeople } from '../../../../shared/cadence';
import type { Drop, DropId } from '../../../../shared/model';
import type { DayView } from './dayViews';
import { LaunchChip } from './LaunchChip';
import { useOutsidePointerDown } from '../../ui/useOutsidePointerDown';

const MAX_BANDS = 3;
// Items a day shows before "+n more" (launches first, then shoot/publish markers), when its
// height holds them (`space`).
const MAX_ITEMS = 3;

/** The room above a day's 72-hour bands and the height of what goes in it, in CSS px. */
export interface DaySpace {
  body: number;
  gap: number;
  chip: number;
  marker: number;
}
/** Before the grid is measured: room for three launch chips. */
export const ROOMY_DAY: DaySpace = { body: Infinity, gap: 3, chip: 23.4, marker: 16 };

/** How many of a day's first items (`chips` launches, then markers) it holds whole. */
export function itemsThatFit(space: DaySpace, chips: number, total: number): number {
  let used = -space.gap;
  for (let i = 0; i < total; i++) {
    used += space.gap + (i < chips ? space.chip : space.marker);
    if (used > space.body + 0.5) return i;
  }
  return total;
}

/**
 * One day of the month grid: launches, markers, window bands, a ghost slot, flags. Memoised:
 * every prop is stable unless this day changed (see `keepSameDays`) or the highlight moved.
 */
export const DayCell = memo(function DayCell(props: {
  day: DayView;
  locale: string;
  creatorNames: ReadonlyMap<string, string>;
  selectedId: string | null;
  highlightId: string | null;
  /** The highlighted drop's colour (null: none highlighted). */
  highlightColor: string | null;
  readOnly: boolean;
  onOpen: (id: string) => void;
  onHover: (id: string | null) => void;
  onPlan: (day: string) => void;
  /** The room a day of this grid has for its items at its present height. */
  space: DaySpace;
}) {
  const { day, locale, creatorNames, selectedId, highlightId, highlightColor, readOnly } = props;
  const { cell } = day;
  const label = useMemo(() => formatDayForPeople(cell.day, locale), [cell.day, locale]);
  const { setNodeRef, isOver } = useDroppable({ id: `day:${cell.day}` });
  const [expanded, setExpanded] = useState(false);
  const cellRef = useRef<HTMLDivElement | null>(null);
  const setCellRef = useCallback(
    (el: HTMLDivElement | null) => {
      setNodeRef(el);
      cellRef.current = el;
    },
    [setNodeRef],
  );
  const moreRef = useRef<HTMLButtonElement>(null);
  const collapse = (refocus: boolean) => {
    setExpanded(false);
    if (refocus) requestAnimationFrame(() => moreRef.current?.focus());
  };
  // The expanded day floats over its neighbours: a click elsewhere or Escape folds it back.
  useOutsidePointerDown(cellRef, expanded, () => setExpanded(false));
  const total = cell.launches.length + cell.markers.length;
  // As many as the day holds, up to three; the rest are counted in "+n more" (two shown
  // beside it at most). Never a launch cut off by the day's edge: a short window makes short rows.
  const room = Math.max(
    1,
    Math.min(MAX_ITEMS, itemsThatFit(props.space, cell.launches.length, total)),
  );
  const limit = expanded || total <= room ? Infinity : Math.min(room, MAX_ITEMS - 1);
  const launches = cell.launches.slice(0, limit);
  const markers = cell.markers.slice(0, Math.max(0, limit - launches.length));
  const hidden = total - launches.length - markers.length;
  const drop = (id: DropId) => day.drops.get(id) as Drop;
  const highlighted = highlightId as DropId | null;
  const inRepurchase = highlighted !== null && cell.repurchase.includes(highlighted);
  const in72 = highlighted !== null && cell.window72.includes(highlighted);
  const isDeadline = highlighted !== null && cell.deadlines.includes(highlighted);
  const classes = [
    'cal-day',
    cell.inMonth ? '' : 'is-outside',
    cell.isToday ? 'is-today' : '',
    cell.isPast ? 'is-past' : '',
    isOver ? 'is-over' : '',
    inRepurchase ? 'in-repurchase' : '',
    in72 ? 'in-window72' : '',
    expanded ? 'is-expanded' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={setCellRef}
      role="gridcell"
      className={classes}
      aria-label={label}
      data-day={cell.day}
      style={highlightColor ? ({ '--hl-color': highlightColor } as CSSProperties) : undefined}
      onKeyDown={
        expanded
          ? (e) => {
              if (e.key !== 'Escape') return;
              e.stopPropagation();
              collapse(true);
            }
          : undefined
      }
    >
      <div className="cal-day-head">
        <span className="cal-day-num" aria-hidden="true">
          {cell.dayOfMonth}
        </span>
        {hidden > 0 && (
          <button
            ref={moreRef}
            type="button"
            className="cal-more"
            aria-expanded={false}
            aria-label={`${hidden} more on ${label}`}
            onClick={() => setExpanded(true)}
          >
            +{hidden} more
          </button>
        )}
        {cell.flags.length > 0 && (
          <span
            className="cal-day-flag"
            role="img"
            aria-label={`Warning: ${cell.flags.map((f) => f.message).join(' ')}`}
            title={cell.flags.map((f) => f.message).join('\n')}
          >
            ⚠
          </span>
        )}
        {isDeadline && <span className="cal-deadline">Publish deadline</span>}
      </div>
      <div className="cal-day-body">
        {launches.map((id) => (
          <LaunchChip
            key={id}
            drop={drop(id)}
            creatorName={creatorNames.get(drop(id).creatorId ?? '') ?? null}
            flags={day.chipFlags.get(id)}
            selected={selectedId === id}
            disabled={readOnly}
            onOpen={props.onOpen}
            onHover={props.onHover}
          />
        ))}
        {markers.map((m) => (
          <button
            key={`${m.dropId}-${m.kind}`}
            type="button"
            className={`cal-marker is-${m.kind}`}
            style={{ '--drop-color': drop(m.dropId).color } as CSSProperties}
            onClick={() => props.onOpen(m.dropId)}
            onMouseEnter={() => props.onHover(m.dropId)}
            onMouseLeave={() => props.onHover(null)}
          >
            <span className="cal-marker-kind">{m.kind === 'shoot' ? 'Shoot' : 'Publish'}</span>{' '}
            {drop(m.dropId).title}
          </button>
        ))}
        {expanded && total > room && (
          <button
            type="button"
            className="cal-more"
            aria-expanded={true}
            autoFocus
            onClick={() => collapse(true)}
          >
            Show less
          </button>
        )}
        {cell.ghost && (
          <button
            type="button"
            className="cal-ghost"
            disabled={readOnly}
            onClick={() => props.onPlan(cell.day)}
            aria-label={`Plan a drop on ${label}`}
          >
            + Plan drop
          </button>
        )}
      </div>
      {cell.window72.length > 0 && (
        <div className="cal-bands" aria-hidden="true">
          {cell.window72.slice(0, MAX_BANDS).map((id) => (
            <span
              key={id}
              className="cal-band"
              style={{ '--drop-color': drop(id).color } as CSSProperties}
              title={`${drop(id).title}: retargeting and local sell-through (${PLAYBOOK_LABELS.retargeting})`}
            />
          ))}
          {cell.window72.length > MAX_BANDS && (
            <span className="cal-band-more">+{cell.window72.length - MAX_BANDS}</span>
          )}
        </div>
      )}
    </div>
  );
});
