import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import {
  stageNameSchema,
  type Column,
  type Drop,
  type DropId,
  type StageId,
} from '../../../shared/model';
import { useBoardActions, useOpenWorkspace, useWorkspace } from '../state';
import { useOptionalSync } from '../state/SyncContext';
import { useOnUndoOrRedo } from '../state/useOnUndoOrRedo';
import { DragAnnouncement } from '../ui/dnd/dragAnnouncer';
import { BoardColumn, type RevealRequest } from './Column';
import { DropCardBody } from './DropCard';
import {
  archivedByStage,
  isFiltering,
  matchesFilter,
  visibleDrops,
  type BoardFilter,
} from './filter';
import { AddStage } from './AddStage';
import { markBoardFirstPaint } from './firstPaint';
import { afterNextPaint } from '../ui/afterPaint';
import { RemoveStageDialog } from './RemoveStageDialog';
import { useShowFirstMatch } from './useShowFirstMatch';
import { BoardEdges } from './BoardEdges';
import { DragReady } from '../ui/dnd/DragReady';
import { BoardStepWatch } from './BoardStepWatch';
import { isStageId, stageOf, useBoardDrag } from './useBoardDrag';
import type { Slot } from './geometry';
import { CardResultsFeed, isReviewStage, type CardResultsMap } from './ReviewCardResults';
import { QuietBoundary } from '../ui/QuietBoundary';

// Module constants: a new object per render would give dnd-kit a new measuring configuration,
// and its context would re-render every card and column on each board render.
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } };
const DROP_ANIMATION = { duration: 160, easing: 'cubic-bezier(0.2, 0, 0, 1)' };

/** Each column's cards without the dragged one (the same arrays while nothing is dragged). */
function withoutDragged(
  visible: ReadonlyMap<string, readonly Drop[]>,
  draggedId: string | null,
): ReadonlyMap<string, readonly Drop[]> {
  if (!draggedId) return visible;
  const out = new Map<string, readonly Drop[]>();
  for (const [stageId, list] of visible) {
    out.set(
      stageId,
      list.some((d) => d.id === draggedId) ? list.filter((d) => d.id !== draggedId) : list,
    );
  }
  return out;
}

/** What a column shows during a drag: its other cards, with the dragged one at its slot. */
function shownDuringDrag(
  stageId: string,
  base: readonly Drop[],
  others: readonly Drop[],
  dragged: Drop | undefined,
  slot: Slot | null,
): readonly Drop[] {
  if (!dragged || !slot) return base;
  if (slot.stageId !== stageId) return others;
  if (base[slot.index]?.id === dragged.id) return base; // still where it started
  return [...others.slice(0, slot.index), dragged, ...others.slice(slot.index)];
}

/** What quick add says after adding a drop: where it went, or that a filter hides it. */
function addedMessage(
  board: readonly Column[],
  stageId: string,
  id: string,
  title: string,
  filter: BoardFilter,
): string {
  const col = board.find((c) => c.stage.id === stageId);
  const at = col ? col.drops.findIndex((d) => d.id === id) : -1;
  if (!col || at < 0) return `Added “${title}”.`;
  const hidden = isFiltering(filter) && !matchesFilter(col.drops[at]!, filter);
  return hidden
    ? `Added “${title}” to ${col.stage.name}; the search or filters hide it.`
    : `Added “${title}” to ${col.stage.name}, ${at + 1} of ${col.drops.length}.`;
}

const stageName = (board: readonly { stage: { id: string; name: string } }[], id: string) =>
  board.find((c) => c.stage.id === id)?.stage.name ?? '';

/** The kanban board: columns per stage, drops sortable within and across them. */
export function Board(props: {
  filter: BoardFilter;
  today: string;
  selectedId: string | null;
  quickAdd: { stageId: string | null; signal: number };
  onOpenDrop: (id: string) => void;
  onMessage: (message: string) => void;
}) {
  const { filter, today, selectedId, quickAdd, onOpenDrop, onMessage } = props;
  const board = useWorkspace((s) => s.board);
  const drops = useWorkspace((s) => s.drops);
  const creatorNames = useWorkspace((s) => s.creatorNames);
  const readOnly = useWorkspace((s) => s.readOnly);
  const awaitingBoard = useOptionalSync()?.awaitingFirstSync === true;
  const actions = useBoardActions();

  const archived = useMemo(
    () => (filter.showArchived ? archivedByStage(drops, board) : new Map<string, Drop[]>()),
    [filter.showArchived, drops, board],
  );
  // What each column shows; unchanged columns keep their array (memoised columns skip work).
  const visible = useMemo(() => {
    const out = new Map<string, readonly Drop[]>();
    for (const col of board)
      out.set(col.stage.id, visibleDrops(col, archived.get(col.stage.id) ?? [], filter));
    return out;
  }, [board, archived, filter]);

  const filtering = isFiltering(filter);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const {
    activeId,
    byKeyboard,
    announcer,
    slot,
    stageOrder,
    registerList,
    onDragReady,
    onDragPlace,
    dndProps,
  } = useBoardDrag({
    board,
    drops,
    visible,
    actions,
  });
  const draggedId = activeId && !isStageId(activeId) ? activeId : null;
  const others = useMemo(() => withoutDragged(visible, draggedId), [visible, draggedId]);

  // A card the board brings into view (its column may be virtualised): the one just added by
  // quick add, and the open drop (opened from the calendar, timeline or Results, or clicked).
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const revealSeq = useRef(0);
  useEffect(() => {
    if (selectedId) setReveal({ id: selectedId, seq: ++revealSeq.current });
  }, [selectedId]);
  // Quick add keeps focus in its field for the next title, so the new card is announced.
  const [added, setAdded] = useState('');
  // An undo or redo takes back what the board last said of an edit (an add, a drop).
  useOnUndoOrRedo(() => {
    setAdded('');
    announcer.clear();
  });
  const { store } = useOpenWorkspace();

  // Column callbacks stay the same objects so memoised columns do not re-render.
  const onCreateDrop = useCallback(
    (stageId: string, title: string) => {
      const id = actions.createDrop(stageId as StageId, title);
      if (id === null) return false;
      setReveal({ id, seq: ++revealSeq.current });
      setAdded(addedMessage(store.getSnapshot().board, stageId, id, title, filterRef.current));
      return true;
    },
    [actions, store],
  );
  const onRename = useCallback(
    (stageId: string, name: string) => {
      // Checked here first so the message shows at the field, not as a notice.
      const checked = stageNameSchema().safeParse(name);
      if (!checked.success) return checked.error.issues[0]?.message ?? 'Check the stage name.';
      actions.renameStage(stageId as StageId, checked.data);
      return null;
    },
    [actions],
  );
  const [removing, setRemoving] = useState<string | null>(null);
  const onRemove = useCallback((stageId: string) => setRemoving(stageId), []);

  // The benchmark and tests wait for this mark: the live board has painted with its data
  // (`cadence:board-first-paint` also counts the stored preview painted before it).
  const [painted, setPainted] = useState(false);
  useLayoutEffect(() => {
    // The board's first render is committed: style, layout and paint come next.
    performance.mark('cadence:board-committed');
    return afterNextPaint(() => {
      markBoardFirstPaint();
      performance.mark('cadence:board-ready');
      setPainted(true);
    });
  }, []);

  // Review cards show their drop's results. Working them out reads every drop's brief, actuals,
  // orders and settings, so it waits until the board is on screen and editable, and happens
  // once for the board (and again after each change the results read), never per card.
  const [results, setResults] = useState<CardResultsMap | null>(null);
  const hasReviewCards = board.some((c) => c.drops.length > 0 && isReviewStage(c.stage.name));

  const columns = useMemo(
    () =>
      stageOrder
        ? stageOrder.map((id) => board.find((c) => c.stage.id === id)!).filter(Boolean)
        : board,
    [stageOrder, board],
  );
  // The same array while the stages keep their order, so SortableContext keeps its value.
  const stageKey = columns.map((c) => c.stage.id).join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the ids, not the array
  const stageItems = useMemo(() => columns.map((c) => `stage:${c.stage.id}`), [stageKey]);
  const boardRef = useRef<HTMLDivElement>(null);
  useShowFirstMatch(boardRef, board, visible, filter);
  const activeDrop = activeId && !isStageId(activeId) ? drops.get(activeId as DropId) : undefined;
  const activeResults =
    activeDrop && results && isReviewStage(stageName(board, activeDrop.pos.stageId))
      ? (results.get(activeDrop.id) ?? null)
      : null;
  const activeStage =
    activeId && isStageId(activeId)
      ? board.find((c) => c.stage.id === stageOf(activeId))
      : undefined;

  return (
    <DndContext {...dndProps} measuring={MEASURING}>
      <DragAnnouncement announcer={announcer} id="board-drag-announcement" />
      <div className="board-frame">
        <div ref={boardRef} className="board" data-testid="board" role="region" aria-label="Board">
          <SortableContext items={stageItems} strategy={horizontalListSortingStrategy}>
            {columns.map((col) => {
              const base = visible.get(col.stage.id) ?? col.drops;
              // Columns the drag has not changed keep their array, so they skip re-rendering.
              const shown = shownDuringDrag(
                col.stage.id,
                base,
                others.get(col.stage.id) ?? base,
                draggedId ? drops.get(draggedId as DropId) : undefined,
                slot,
              );
              return (
                <BoardColumn
                  key={col.stage.id}
                  reveal={reveal && shown.some((d) => d.id === reveal.id) ? reveal : null}
                  stage={col.stage}
                  drops={shown}
                  liveCount={col.drops.length}
                  filtering={filtering}
                  noMatch={filtering && base.length === 0}
                  creatorNames={creatorNames}
                  results={isReviewStage(col.stage.name) ? results : null}
                  today={today}
                  readOnly={readOnly}
                  canRemove={board.length > 1}
                  selectedId={selectedId}
                  quickAddSignal={quickAdd.stageId === col.stage.id ? quickAdd.signal : 0}
                  onOpenDrop={onOpenDrop}
                  onCreateDrop={onCreateDrop}
                  onRename={onRename}
                  onRemove={onRemove}
                  registerList={registerList}
                />
              );
            })}
          </SortableContext>
          {/* A joined copy waiting for its team's board has no stages yet: one added here
              would sit beside the team's own when the board arrives. */}
          {!readOnly && !awaitingBoard && (
            <AddStage onAdd={(name) => actions.addStage(name) !== null} />
          )}
        </div>
        <BoardEdges boardRef={boardRef} />
        {activeId && byKeyboard && (
          <BoardStepWatch slot={slot} stage={isStageId(activeId)} onPlace={onDragPlace} />
        )}
        <p className="sr-only" role="status" aria-live="polite" data-testid="board-status">
          {added}
        </p>
      </div>
      {/* A keyboard drag's overlay already sits where the card lands: nothing to animate. */}
      <DragOverlay dropAnimation={byKeyboard ? null : DROP_ANIMATION}>
        {activeId && <DragReady onReady={onDragReady} />}
        {activeDrop ? (
          <div className="card is-overlay">
            <DropCardBody
              drop={activeDrop}
              creatorName={
                activeDrop.creatorId ? (creatorNames.get(activeDrop.creatorId) ?? null) : null
              }
              today={today}
              results={activeResults}
            />
          </div>
        ) : activeStage ? (
          <div className="column is-overlay">
            <header className="column-header">
              <h2 className="column-title">{activeStage.stage.name}</h2>
              <span className="column-count">{activeStage.drops.length}</span>
            </header>
          </div>
        ) : null}
      </DragOverlay>
      {painted && hasReviewCards && (
        // Results read the workspace's time zone; a runtime that can't use it must not stop the board.
        <QuietBoundary name="The cards' results">
          <CardResultsFeed onResults={setResults} />
        </QuietBoundary>
      )}
      {removing && (
        <RemoveStageDialog
          stageId={removing}
          onClose={() => setRemoving(null)}
          onMessage={onMessage}
        />
      )}
    </DndContext>
  );
}
