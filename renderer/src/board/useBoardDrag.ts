import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import type { Column, Drop, DropId, StageId } from '../../../shared/model';
import type { BoardActions } from '../state';
import { boardAnnouncements, screenReaderInstructions, type BoardNames } from './announcements';
import { indexAmongLive } from './filter';
import { columnAt, revealScroll, slotAt, type ColumnBox, type Slot } from './geometry';
import { boardKeyboardCoordinates } from './keyboard';
import { useKeyboardGate } from '../ui/dnd/useKeyboardGate';
import { createStepHold } from '../ui/dnd/stepHold';
import { announceThrough, createDragAnnouncer } from '../ui/dnd/dragAnnouncer';
import { createColumnAutoScroll } from './columnAutoScroll';

export const isStageId = (id: UniqueIdentifier) => String(id).startsWith('stage:');
export const stageOf = (id: UniqueIdentifier) => String(id).slice('stage:'.length);

/** A drop card's drag is over the column under the dragged card's centre (or the nearest). */
const collisionDetection: CollisionDetection = (args) => {
  const stages = args.droppableContainers.filter((c) => isStageId(c.id));
  if (args.active.data.current?.type === 'stage') {
    return closestCenter({ ...args, droppableContainers: stages });
  }
  const boxes = stages.flatMap((c) => {
    const r = args.droppableRects.get(c.id);
    return r ? [{ container: c, left: r.left, right: r.right }] : [];
  });
  const r = args.collisionRect;
  const hit = columnAt(boxes, r.left + r.width / 2);
  return hit
    ? [{ id: hit.container.id, data: { droppableContainer: hit.container, value: 0 } }]
    : [];
};

function sameSlot(a: Slot | null, b: Slot | null): boolean {
  return a === b || (!!a && !!b && a.stageId === b.stageId && a.index === b.index);
}

/**
 * Drag and drop on the board: drops between and within columns, stages along the board.
 *
 * Drop targets are the columns; the slot within a column is arithmetic on the dragged card's
 * height (cards have a fixed height), so a drag step re-renders at most two columns and the
 * drop commits with one `moveDrop`.
 */
export function useBoardDrag(input: {
  board: readonly Column[];
  drops: ReadonlyMap<string, Drop>;
  /** What each column shows (maybe filtered). */
  visible: ReadonlyMap<string, readonly Drop[]>;
  actions: Pick<BoardActions, 'moveDrop' | 'moveStage'>;
}) {
  const latest = useRef(input);
  latest.current = input;

  const [activeId, setActiveId] = useState<string | null>(null);
  // Kept after the drop: the overlay reads it when the drop animation starts.
  const [byKeyboard, setByKeyboard] = useState(false);
  const [slot, setSlotState] = useState<Slot | null>(null);
  const slotRef = useRef<Slot | null>(null);
  const origin = useRef<Slot | null>(null);
  const [stageOrder, setStageOrderState] = useState<string[] | null>(null);
  const stageOrderRef = useRef<string[] | null>(null);
  const overRef = useRef<string | null>(null);
  const movedRef = useRef(false);
  // Where the last drag ended, for the "Dropped …" announcement (read after the reset).
  const endedAt = useRef<{ id: string; stageId: string; position: number; total: number } | null>(
    null,
  );
  const stageEndedAt = useRef<{ id: string; position: number; total: number } | null>(null);

  const setSlot = (next: Slot | null) => {
    slotRef.current = next;
    setSlotState(next);
  };
  const setStageOrder = (next: string[] | null) => {
    stageOrderRef.current = next;
    setStageOrderState(next);
  };

  // Column lists register themselves; a drag reads their live position (scroll included).
  const lists = useRef(new Map<string, HTMLElement>());
  const registerList = useCallback((stageId: string, list: HTMLElement | null) => {
    if (list) lists.current.set(stageId, list);
    else lists.current.delete(stageId);
  }, []);
  const othersIn = (stageId: string, movingId: string) =>
    (latest.current.visible.get(stageId) ?? []).filter((d) => d.id !== movingId);
  // The same count without building the list: columnBoxes runs on every pointer move.
  const countOthers = (stageId: string, movingId: string) => {
    const shown = latest.current.visible.get(stageId) ?? [];
    return shown.length - (shown.some((d) => d.id === movingId) ? 1 : 0);
  };
  /** The scrolling view around a column's card list. */
  const viewOf = (stageId: string) => lists.current.get(stageId)?.parentElement ?? null;
  const columnBoxes = useCallback((movingId: string): ColumnBox[] => {
    const boxes: ColumnBox[] = [];
    for (const col of latest.current.board) {
      const list = lists.current.get(col.stage.id);
      if (!list) continue;
      const r = list.getBoundingClientRect();
      boxes.push({
        stageId: col.stage.id,
        left: r.left,
        right: r.right,
        listTop: r.top,
        count: countOthers(col.stage.id, movingId),
      });
    }
    return boxes;
  }, []);

  const revealRow = useCallback((stageId: string, top: number): number => {
    const view = viewOf(stageId);
    if (!view) return 0;
    const r = view.getBoundingClientRect();
    const wanted = revealScroll(top, r.top, r.bottom);
    if (wanted === 0) return 0;
    const before = view.scrollTop;
    view.scrollTop = before + wanted;
    return view.scrollTop - before;
  }, []);

  // Keys pressed faster than the board renders wait for each step to land (stepHold.ts).
  const [stepHold] = useState(createStepHold);
  // Options are kept stable: new sensor options would hand dnd-kit new activators, and
  // every card would re-render with new listeners.
  const keyboardOptions = useMemo(
    () => ({
      coordinateGetter: boardKeyboardCoordinates(columnBoxes, revealRow, stepHold.movedTo),
      // Enter opens a drop; Space picks it up.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      // When a step scrolls the board, it is done before the next key is read: a smooth
      // scroll would leave the columns mid-way for the next step to measure.
      scrollBehavior: 'auto' as const,
    }),
    [columnBoxes, revealRow, stepHold],
  );
  const pointerOptions = useMemo(() => ({ activationConstraint: { distance: 5 } }), []);
  const sensors = useSensors(
    useSensor(PointerSensor, pointerOptions),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  const names: BoardNames = useMemo(
    () => ({
      dropTitle: (id) => latest.current.drops.get(id as DropId)?.title ?? 'drop',
      stageName: (id) => latest.current.board.find((c) => c.stage.id === id)?.stage.name ?? 'stage',
      place: (dropId) => {
        const at = slotRef.current;
        if (!at) return endedAt.current?.id === dropId ? endedAt.current : null;
        const total = countOthers(at.stageId, dropId) + 1;
        return { stageId: at.stageId, position: at.index + 1, total };
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
  // Spoken through the board's own region, which an undo or redo empties (Board.tsx).
  const [announcer] = useState(createDragAnnouncer);
  const accessibility = useMemo(
    () => ({
      announcements: announceThrough(boardAnnouncements(names), announcer),
      screenReaderInstructions,
    }),
    [names, announcer],
  );

  const gate = useKeyboardGate();

  // The dragged drop and its rect, for the auto-scroll between pointer moves.
  const activeRef = useRef<string | null>(null);
  const draggedRect = useRef<DragStartEvent['active']['rect'] | null>(null);
  const updateSlot = (id: string) => {
    const rect = draggedRect.current?.current.translated;
    if (!rect || !slotRef.current) return;
    const next = slotAt(columnBoxes(id), rect.left, rect.top, rect.width);
    if (next && !sameSlot(next, slotRef.current)) setSlot(next);
  };
  const updateSlotRef = useRef(updateSlot);
  updateSlotRef.current = updateSlot;
  const [autoScroll] = useState(() =>
    createColumnAutoScroll({
      draggedRect: () => draggedRect.current?.current.translated ?? null,
      targetView: () => (slotRef.current ? viewOf(slotRef.current.stageId) : null),
      onScrolled: () => {
        if (activeRef.current) updateSlotRef.current(activeRef.current);
      },
    }),
  );

  const reset = () => {
    autoScroll.stop();
    draggedRect.current = null;
    activeRef.current = null;
    gate.ended();
    stepHold.end();
    setSlot(null);
    setStageOrder(null);
    setActiveId(null);
    overRef.current = null;
    origin.current = null;
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const id = String(active.id);
    const keyboard = activatorEvent instanceof KeyboardEvent;
    gate.started({ activatorEvent });
    setByKeyboard(keyboard);
    overRef.current = null;
    movedRef.current = false;
    if (isStageId(id)) {
      setStageOrder(latest.current.board.map((c) => c.stage.id));
      setActiveId(id);
      return;
    }
    let start: Slot | null = null;
    for (const [stageId, shown] of latest.current.visible) {
      const index = shown.findIndex((d) => d.id === id);
      if (index >= 0) start = { stageId, index };
    }
    origin.current = start;
    setSlot(start);
    setActiveId(id);
    activeRef.current = id;
    draggedRect.current = active.rect;
    if (!keyboard) autoScroll.start();
  };

  const onDragMove = ({ active }: DragMoveEvent) => {
    if (isStageId(active.id)) return;
    draggedRect.current = active.rect;
    updateSlot(String(active.id));
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    overRef.current = over ? String(over.id) : null;
    if (over && over.id !== active.id) movedRef.current = true;
  };

  const endStageDrag = (id: string, over: DragEndEvent['over']) => {
    const order = stageOrderRef.current ?? [];
    const from = order.indexOf(stageOf(id));
    let at = from;
    if (over && isStageId(over.id) && over.id !== id) {
      const to = order.indexOf(stageOf(over.id));
      if (from >= 0 && to >= 0) {
        latest.current.actions.moveStage(stageOf(id) as StageId, to);
        at = to;
      }
    }
    stageEndedAt.current = { id: stageOf(id), position: at + 1, total: order.length };
  };

  const endDropDrag = (id: string) => {
    const at = slotRef.current;
    if (!at) return;
    const others = othersIn(at.stageId, id).map((d) => d.id as string);
    const order = [...others.slice(0, at.index), id, ...others.slice(at.index)];
    endedAt.current = { id, stageId: at.stageId, position: at.index + 1, total: order.length };
    if (sameSlot(origin.current, at)) return;
    const live = latest.current.board.find((c) => c.stage.id === at.stageId)?.drops ?? [];
    latest.current.actions.moveDrop(
      id as DropId,
      at.stageId as StageId,
      indexAmongLive(live, order, id),
    );
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    if (isStageId(id)) endStageDrag(id, over);
    else if (over) endDropDrag(id);
    reset();
  };

  // `npm run bench` times a drop to this mark: the board has committed the drop's re-render.
  const dragging = activeId !== null;
  const wasDragging = useRef(false);
  useEffect(() => {
    if (wasDragging.current && !dragging) performance.mark('cadence:drop-committed');
    wasDragging.current = dragging;
  }, [dragging]);

  return {
    activeId,
    byKeyboard,
    announcer,
    slot,
    stageOrder,
    registerList,
    onDragReady: gate.onReady,
    onDragPlace: stepHold.report,
    dndProps: {
      sensors,
      collisionDetection,
      accessibility,
      onDragStart,
      onDragMove,
      onDragOver,
      onDragEnd,
      onDragCancel: reset,
    },
  };
}
