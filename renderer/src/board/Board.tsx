import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  closestCenter,
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { boardKeyboardCoordinates, keyboardCollision } from './keyboard';
import { stageNameSchema, type Drop, type DropId, type StageId } from '../../../shared/model';
import { useBoardActions, useWorkspace } from '../state';
import { boardAnnouncements, screenReaderInstructions, type BoardNames } from './announcements';
import { BoardColumn } from './Column';
import { DropCardBody } from './DropCard';
import {
  archivedByStage,
  indexAmongLive,
  isFiltering,
  visibleDrops,
  type BoardFilter,
} from './filter';
import { AddStage } from './AddStage';
import { markBoardFirstPaint } from './firstPaint';
import { RemoveStageDialog } from './RemoveStageDialog';

type Items = Record<string, string[]>;

// Module constants: a new object per render would give dnd-kit a new measuring configuration,
// and its context would re-render every card and column on each board render.
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } };
const DROP_ANIMATION = { duration: 160, easing: 'cubic-bezier(0.2, 0, 0, 1)' };

function sameIds(ids: readonly string[], drops: readonly Drop[]): boolean {
  return ids.length === drops.length && ids.every((id, i) => drops[i]!.id === id);
}

const isStageId = (id: UniqueIdentifier) => String(id).startsWith('stage:');
const stageOf = (id: UniqueIdentifier) => String(id).slice('stage:'.length);

// Cards: the card under the pointer, else the closest card in the column under it, else
// (keyboard, no pointer) the closest corners. Stages: the closest stage centre.
const collisionDetection: CollisionDetection = (args) => {
  const type = args.active.data.current?.type;
  if (type === 'stage') {
    return closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => isStageId(c.id)),
    });
  }
  if (!args.pointerCoordinates) {
    const hit = keyboardCollision(args);
    if (hit) return hit;
  }
  const hits = pointerWithin(args);
  const cardHits = hits.filter((h) => !isStageId(h.id));
  if (cardHits.length > 0) return cardHits;
  const column = hits.find((h) => isStageId(h.id));
  if (column) {
    const stageId = stageOf(column.id);
    const inColumn = args.droppableContainers.filter(
      (c) => !isStageId(c.id) && c.data.current?.stageId === stageId,
    );
    return inColumn.length > 0
      ? closestCenter({ ...args, droppableContainers: inColumn })
      : [column];
  }
  return closestCorners(args);
};

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
  const creators = useWorkspace((s) => s.creators);
  const readOnly = useWorkspace((s) => s.readOnly);
  const actions = useBoardActions();

  const creatorNames = useMemo(
    () => new Map(creators.map((c) => [c.id as string, c.name])),
    [creators],
  );
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

  // Drag state: the order shown while a drop is being dragged (ids per stage).
  const [items, setItems] = useState<Items | null>(null);
  const itemsRef = useRef<Items | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const overRef = useRef<string | null>(null);
  const movedRef = useRef(false);
  // Where the last drag ended, for the "Dropped …" announcement (read after the reset).
  const endedAt = useRef<{ id: string; stageId: string; position: number; total: number } | null>(
    null,
  );
  const stageEndedAt = useRef<{ id: string; position: number; total: number } | null>(null);
  const [stageOrder, setStageOrder] = useState<string[] | null>(null);
  const stageOrderRef = useRef<string[] | null>(null);
  const origin = useRef<{ stageId: string; index: number } | null>(null);

  const setDragItems = (next: Items | null) => {
    itemsRef.current = next;
    setItems(next);
  };
  const setDragStages = (next: string[] | null) => {
    stageOrderRef.current = next;
    setStageOrder(next);
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: boardKeyboardCoordinates,
      // Enter opens a drop; Space picks it up.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const findStage = (id: string): string | null => {
    if (id.startsWith('stage:')) return stageOf(id);
    const current = itemsRef.current;
    if (current) {
      for (const [stageId, ids] of Object.entries(current)) if (ids.includes(id)) return stageId;
    }
    return null;
  };

  // Latest values for the announcement callbacks (which dnd-kit reads during a drag).
  const latest = useRef({ drops, board });
  latest.current = { drops, board };
  const names: BoardNames = useMemo(
    () => ({
      dropTitle: (id) => latest.current.drops.get(id as DropId)?.title ?? 'drop',
      stageName: (id) => latest.current.board.find((c) => c.stage.id === id)?.stage.name ?? 'stage',
      place: (dropId) => {
        const current = itemsRef.current;
        if (!current) return endedAt.current?.id === dropId ? endedAt.current : null;
        for (const [stageId, ids] of Object.entries(current)) {
          let i = ids.indexOf(dropId);
          if (i < 0) continue;
          const over = overRef.current;
          if (over && over !== dropId && ids.includes(over)) i = ids.indexOf(over);
          return { stageId, position: i + 1, total: ids.length };
        }
        return null;
      },
      stagePlace: (stageId) => {
        if (!stageOrderRef.current && stageEndedAt.current?.id === stageId) {
          return stageEndedAt.current;
        }
        const order = stageOrderRef.current ?? latest.current.board.map((c) => c.stage.id);
        let i = order.indexOf(stageId);
        const over = overRef.current;
        if (over && isStageId(over)) i = order.indexOf(stageOf(over));
        return i < 0 ? null : { position: i + 1, total: order.length };
      },
      hasMoved: () => movedRef.current,
    }),
    [],
  );
  const accessibility = useMemo(
    () => ({ announcements: boardAnnouncements(names), screenReaderInstructions }),
    [names],
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    const id = String(active.id);
    overRef.current = null;
    movedRef.current = false;
    if (isStageId(id)) {
      setDragStages(board.map((c) => c.stage.id));
      setActiveId(id);
      return;
    }
    const next: Items = {};
    for (const col of board)
      next[col.stage.id] = (visible.get(col.stage.id) ?? []).map((d) => d.id);
    setDragItems(next);
    const stageId = findStage(id);
    origin.current = stageId ? { stageId, index: next[stageId]!.indexOf(id) } : null;
    setActiveId(id);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const id = String(active.id);
    overRef.current = over ? String(over.id) : null;
    if (over && over.id !== active.id) movedRef.current = true;
    if (isStageId(id) || !over) return;
    const current = itemsRef.current;
    const from = findStage(id);
    const to = findStage(String(over.id));
    if (!current || !from || !to || from === to) return;
    const target = current[to]!;
    let index = target.length;
    if (!isStageId(over.id)) {
      const overIndex = target.indexOf(String(over.id));
      const activeRect = active.rect.current.translated;
      const below = activeRect && activeRect.top > over.rect.top + over.rect.height / 2;
      index = overIndex + (below ? 1 : 0);
    }
    setDragItems({
      ...current,
      [from]: current[from]!.filter((x) => x !== id),
      [to]: [...target.slice(0, index), id, ...target.slice(index)],
    });
  };

  const reset = () => {
    setDragItems(null);
    setDragStages(null);
    setActiveId(null);
    overRef.current = null;
    origin.current = null;
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    if (isStageId(id)) {
      const order = stageOrderRef.current ?? [];
      if (over && isStageId(over.id) && over.id !== active.id) {
        const from = order.indexOf(stageOf(id));
        const to = order.indexOf(stageOf(over.id));
        if (from >= 0 && to >= 0) actions.moveStage(stageOf(id) as StageId, to);
        stageEndedAt.current = { id: stageOf(id), position: to + 1, total: order.length };
      } else {
        const at = order.indexOf(stageOf(id));
        stageEndedAt.current = { id: stageOf(id), position: at + 1, total: order.length };
      }
      reset();
      return;
    }
    const current = itemsRef.current;
    const stageId = findStage(id);
    if (!over || !current || !stageId) return reset();
    let order = current[stageId]!;
    const overId = String(over.id);
    if (!isStageId(overId) && overId !== id && order.includes(overId)) {
      order = arrayMove(order, order.indexOf(id), order.indexOf(overId));
    }
    endedAt.current = { id, stageId, position: order.indexOf(id) + 1, total: order.length };
    const unchanged =
      origin.current?.stageId === stageId && origin.current.index === order.indexOf(id);
    if (!unchanged) {
      const live = board.find((c) => c.stage.id === stageId)?.drops ?? [];
      actions.moveDrop(id as DropId, stageId as StageId, indexAmongLive(live, order, id));
    }
    reset();
  };

  // Column callbacks stay the same objects so memoised columns do not re-render.
  const onCreateDrop = useCallback(
    (stageId: string, title: string) => actions.createDrop(stageId as StageId, title) !== null,
    [actions],
  );
  const onRename = useCallback(
    (stageId: string, name: string) => {
      // Checked here first so the message shows at the field, not as a notice.
      const checked = stageNameSchema.safeParse(name);
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
  useEffect(() => {
    const raf = requestAnimationFrame(() => {
      markBoardFirstPaint();
      performance.mark('cadence:board-ready');
    });
    return () => cancelAnimationFrame(raf);
  }, []);

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
  const activeDrop = activeId && !isStageId(activeId) ? drops.get(activeId as DropId) : undefined;
  const activeStage =
    activeId && isStageId(activeId)
      ? board.find((c) => c.stage.id === stageOf(activeId))
      : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={MEASURING}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={reset}
    >
      <div className="board" data-testid="board" role="region" aria-label="Board">
        <SortableContext items={stageItems} strategy={horizontalListSortingStrategy}>
          {columns.map((col) => {
            const base = visible.get(col.stage.id) ?? col.drops;
            const ids = items?.[col.stage.id];
            // Columns the drag has not changed keep their array, so they skip re-rendering.
            const shown =
              ids && !sameIds(ids, base)
                ? ids.map((id) => drops.get(id as DropId)).filter((d): d is Drop => !!d)
                : base;
            return (
              <BoardColumn
                key={col.stage.id}
                stage={col.stage}
                drops={shown}
                liveCount={col.drops.length}
                filtering={filtering}
                creatorNames={creatorNames}
                today={today}
                readOnly={readOnly}
                canRemove={board.length > 1}
                selectedId={selectedId}
                quickAddSignal={quickAdd.stageId === col.stage.id ? quickAdd.signal : 0}
                onOpenDrop={onOpenDrop}
                onCreateDrop={onCreateDrop}
                onRename={onRename}
                onRemove={onRemove}
              />
            );
          })}
        </SortableContext>
        {!readOnly && <AddStage onAdd={(name) => actions.addStage(name) !== null} />}
      </div>
      <DragOverlay dropAnimation={DROP_ANIMATION}>
        {activeDrop ? (
          <div className="card is-overlay">
            <DropCardBody
              drop={activeDrop}
              creatorName={
                activeDrop.creatorId ? (creatorNames.get(activeDrop.creatorId) ?? null) : null
              }
              today={today}
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
