import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Drop, Stage } from '../../../shared/model';
import { QuickAdd } from './QuickAdd';
import { DraggableDropCard } from './DraggableDropCard';
import { StageHeader } from './StageHeader';
import { CARD_ROW } from './geometry';
import type { CardResultsMap } from './ReviewCardResults';

/** A card the board wants in view: scrolled to once per request (a new `seq`). */
export interface RevealRequest {
  id: string;
  seq: number;
}

// Columns longer than 16 cards render only the cards in view (cards have a fixed height, so the
// arithmetic is exact; a drag finds its slot the same way, see geometry.ts). A card the board
// asks for (just added by quick add, or opened from the calendar, timeline or Results) is
// scrolled into view first, so it is in the page wherever it sits in its column.
export const VIRTUALIZE_ABOVE = 16;
// Every rendered card is a dnd-kit draggable that re-renders when a drag starts or ends, so
// only a few cards beyond the visible ones.
const OVERSCAN = 3;

export interface ColumnProps {
  stage: Stage;
  drops: readonly Drop[];
  liveCount: number;
  /** Search or filters are narrowing the cards. */
  filtering: boolean;
  /** Filtering left this column without a match: it narrows so the matches fit in view. */
  noMatch: boolean;
  creatorNames: ReadonlyMap<string, string>;
  /** The board's results when this is the Review stage (its cards show them), else null. */
  results: CardResultsMap | null;
  today: string;
  readOnly: boolean;
  canRemove: boolean;
  selectedId: string | null;
  /** A card of this column to scroll into view, else null. */
  reveal: RevealRequest | null;
  quickAddSignal: number;
  onOpenDrop: (id: string) => void;
  onCreateDrop: (stageId: string, title: string) => boolean;
  onRename: (stageId: string, name: string) => string | null;
  onRemove: (stageId: string) => void;
  /** Tells the board where this column's card list is (drags measure it). */
  registerList: (stageId: string, list: HTMLElement | null) => void;
}

export const BoardColumn = memo(function BoardColumn(props: ColumnProps) {
  const {
    stage,
    drops,
    liveCount,
    filtering,
    noMatch,
    creatorNames,
    results,
    today,
    readOnly,
    canRemove,
    selectedId,
    reveal,
    quickAddSignal,
    onOpenDrop,
    onCreateDrop,
    onRename,
    onRemove,
    registerList,
  } = props;
  const sortable = useSortable({
    id: `stage:${stage.id}`,
    data: { type: 'stage', stageId: stage.id },
    disabled: readOnly,
  });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
  };
  const onCreate = useCallback(
    (title: string) => onCreateDrop(stage.id, title),
    [onCreateDrop, stage.id],
  );

  return (
    <section
      ref={sortable.setNodeRef}
      style={style}
      className={`column${sortable.isDragging ? ' is-placeholder' : ''}${noMatch ? ' is-no-match' : ''}`}
      data-testid="column"
      data-stage-id={stage.id}
      data-stage-name={stage.name}
      aria-label={`${stage.name}, ${liveCount} ${liveCount === 1 ? 'drop' : 'drops'}`}
    >
      <StageHeader
        stage={stage}
        count={filtering ? `${drops.length}/${liveCount}` : String(liveCount)}
        readOnly={readOnly}
        canRemove={canRemove}
        dragAttributes={sortable.attributes}
        dragListeners={sortable.listeners}
        setActivatorRef={sortable.setActivatorNodeRef}
        onRename={onRename}
        onRemove={onRemove}
      />
      <CardList
        drops={drops}
        stageId={stage.id}
        creatorNames={creatorNames}
        results={results}
        today={today}
        readOnly={readOnly}
        selectedId={selectedId}
        reveal={reveal}
        onOpenDrop={onOpenDrop}
        registerList={registerList}
        emptyText={filtering ? 'No matching drops' : 'No drops here yet'}
      />
      <div className="column-footer">
        <QuickAdd
          stageName={stage.name}
          disabled={readOnly}
          openSignal={quickAddSignal}
          onCreate={onCreate}
        />
      </div>
    </section>
  );
});

const CardList = memo(function CardList(props: {
  drops: readonly Drop[];
  stageId: string;
  creatorNames: ReadonlyMap<string, string>;
  results: CardResultsMap | null;
  today: string;
  readOnly: boolean;
  selectedId: string | null;
  reveal: RevealRequest | null;
  onOpenDrop: (id: string) => void;
  registerList: (stageId: string, list: HTMLElement | null) => void;
  emptyText: string;
}) {
  const { drops, stageId, creatorNames, results, today, readOnly, selectedId, onOpenDrop } = props;
  const { emptyText, reveal } = props;
  const { registerList } = props;
  const listEl = useRef<HTMLDivElement | null>(null);
  const listRef = useCallback(
    (el: HTMLDivElement | null) => {
      listEl.current = el;
      registerList(stageId, el);
    },
    [registerList, stageId],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // The window's height bounds the column's, so the first render needs no layout: reading the
  // column's own height before the first paint forced a layout of the whole page and a second
  // render of every column. Scrolling reads the real height.
  // Until then the window's height already reaches past the column's bottom (the page's header
  // and the column's own sit above it), so no rows beyond it are rendered: 10 cards a column
  // at 900 px instead of 13. `measured`: the column has been scrolled or resized since.
  const [view, setView] = useState(() => ({
    top: 0,
    height: window.innerHeight,
    measured: false,
  }));
  const virtual = drops.length > VIRTUALIZE_ABOVE;
  useEffect(() => {
    if (!virtual) return;
    const onResize = () => setView((v) => ({ ...v, height: window.innerHeight, measured: true }));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [virtual]);
  // A card asked for is scrolled into view before the paint, rendered or not: its row follows
  // from its index. Once per request, so scrolling away afterwards is not undone.
  const revealSeq = reveal?.seq ?? null;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const list = listEl.current;
    const index = reveal ? drops.findIndex((d) => d.id === reveal.id) : -1;
    if (!el || !list || index < 0) return;
    const listTop = list.getBoundingClientRect().top - el.getBoundingClientRect().top;
    const top = el.scrollTop + listTop + index * CARD_ROW;
    const bottom = top + CARD_ROW;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    if (virtual) setView({ top: el.scrollTop, height: el.clientHeight, measured: true });
    // Sideways too, once the card is in the page (the column may be off the board's edge).
    const raf = requestAnimationFrame(() =>
      list
        .querySelector(`[data-drop-id="${globalThis.CSS.escape(reveal!.id)}"]`)
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
    return () => cancelAnimationFrame(raf);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request, not per change
  }, [revealSeq]);
  let start = 0;
  let end = drops.length;
  if (virtual) {
    const overscan = view.measured ? OVERSCAN : 0;
    start = Math.max(0, Math.floor(view.top / CARD_ROW) - overscan);
    end = Math.min(drops.length, Math.ceil((view.top + view.height) / CARD_ROW) + overscan);
  }
  const onScroll = virtual
    ? () => {
        const el = scrollRef.current;
        if (el) setView({ top: el.scrollTop, height: el.clientHeight, measured: true });
      }
    : undefined;
  return (
    <div className="column-body" ref={scrollRef} onScroll={onScroll}>
      <div
        ref={listRef}
        className="card-list"
        style={
          virtual
            ? { paddingTop: start * CARD_ROW, paddingBottom: (drops.length - end) * CARD_ROW }
            : undefined
        }
      >
        {drops.slice(start, end).map((drop) => (
          <DraggableDropCard
            key={drop.id}
            drop={drop}
            stageId={stageId}
            creatorName={drop.creatorId ? (creatorNames.get(drop.creatorId) ?? null) : null}
            today={today}
            readOnly={readOnly}
            selected={selectedId === drop.id}
            results={results?.get(drop.id) ?? null}
            onOpen={onOpenDrop}
          />
        ))}
        {drops.length === 0 && <p className="column-empty">{emptyText}</p>}
      </div>
    </div>
  );
});
