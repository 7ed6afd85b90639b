import { PLAYBOOK_LABELS } from '../../../../shared/playbook';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import {
  buildMonthGrid,
  describeCadence,
  formatDayForPeople,
  monthOf,
  proposeNextLaunches,
  shiftMonth,
  weekStartFor,
} from '../../../../shared/cadence';
import type { Cadence, DropId } from '../../../../shared/model';
import { useWorkspace } from '../../state';
import { calendarAnnouncements, calendarInstructions } from './announcements';
import { CadenceSettings } from './CadenceSettings';
import { DayCell, ROOMY_DAY, type DaySpace } from './DayCell';
import { keepSameDays, type DayView } from './dayViews';
import { ExportIcsControls } from './ExportIcsControls';
import { dayKeyboardCoordinates } from './keyboard';
import { createMonthTurn, type MonthTurn } from './monthTurn';
import { MonthTurnWatch } from './MonthTurnWatch';
import { FlagList } from './FlagList';
import { EmptyState } from '../../ui/EmptyState';
import { rescheduledMessage, useCadenceActions } from '../../state/useCadenceActions';
import { usePlan } from '../../state/usePlan';
import { DragReady } from '../../ui/dnd/DragReady';
import { useKeyboardGate } from '../../ui/dnd/useKeyboardGate';
import '../../ui/planViews.css';
import './calendar.css';

// Module constants: new sensor options per render would hand every chip new listeners.
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };

// The pointer picks the day under it; the keyboard (no pointer) the day the chip overlaps,
// except while the grid turns to another month: the drop stays over its day (monthTurn.ts).
// Picked up by the keyboard and not moved yet, a drop is over its own day wherever its chip is
// drawn: a busy day opened over its neighbours draws its last chips over the next week's cell.
const collisionWith =
  (turn: MonthTurn): CollisionDetection =>
  (args) => {
    const held = turn.heldOver();
    if (held) return [{ id: held }];
    const own = args.active.data.current?.day as string | undefined;
    if (!args.pointerCoordinates && own && notMovedYet(args)) return [{ id: `day:${own}` }];
    const hits = args.pointerCoordinates ? pointerWithin(args) : [];
    return hits.length > 0 ? hits : rectIntersection(args);
  };

/** The dragged chip is still where it was picked up (no step taken yet). */
function notMovedYet(args: Parameters<CollisionDetection>[0]): boolean {
  // dnd-kit records where the drag started a render after the pick-up: until then it has not moved.
  const start = args.active.rect.current.initial;
  const now = args.collisionRect;
  return !start || (Math.abs(start.left - now.left) < 1 && Math.abs(start.top - now.top) < 1);
}

const locale = () => (typeof navigator !== 'undefined' ? navigator.language : 'en-GB');

/** The month calendar: drops on their launch day, drag to reschedule, windows, flags, ghost slots. */
export function CalendarView(props: {
  selectedId: string | null;
  /** The month shown (`yyyy-MM`; null: this month), kept by the workspace so it survives a switch of view. */
  month?: string | null;
  onMonthChange?: (month: string) => void;
  onOpenDrop: (id: string) => void;
  onMessage: (message: string) => void;
}) {
  const { selectedId, onOpenDrop, onMessage } = props;
  const plan = usePlan();
  const meta = useWorkspace((s) => s.meta);
  const creatorNames = useWorkspace((s) => s.creatorNames);
  const readOnly = useWorkspace((s) => s.readOnly);
  const actions = useCadenceActions(onMessage);
  const [ownMonth, setOwnMonth] = useState<string | null>(null);
  const month = (props.onMonthChange ? props.month : ownMonth) ?? monthOf(plan.today);
  const onMonthChange = props.onMonthChange ?? setOwnMonth;
  const setMonth = useCallback(
    (next: string | ((m: string) => string)) =>
      onMonthChange(typeof next === 'function' ? next(month) : next),
    [onMonthChange, month],
  );
  const [showDependents, setShowDependents] = useState(false);
  const [launchOnly, setLaunchOnly] = useState(false);
  const [ghostCount, setGhostCount] = useState(0);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<DropId | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const altHeld = useRef(false);
  const dragging = useRef(false);
  // Hovering chips while dragging would re-render the month on every crossing: ignore it.
  const onHover = useCallback((id: string | null) => {
    if (!dragging.current) setHoverId(id);
  }, []);

  const weekStartsOn = useMemo(() => weekStartFor(locale()), []);
  const dayLocale = useMemo(locale, []);
  const ghosts = useMemo(
    () =>
      ghostCount > 0
        ? proposeNextLaunches(plan.liveDrops, meta.cadence, ghostCount, plan.today)
        : [],
    [ghostCount, plan, meta.cadence],
  );
  const grid = useMemo(
    () =>
      buildMonthGrid({
        month,
        weekStartsOn,
        today: plan.today,
        tz: plan.tz,
        drops: plan.liveDrops,
        showDependents,
        ghosts,
        flags: plan.flags,
      }),
    [month, weekStartsOn, plan, showDependents, ghosts],
  );

  // Each day keeps its DayView while nothing it draws changed, so its memoised cell is skipped.
  const lastDays = useRef<Map<string, DayView> | null>(null);
  // The room a day has for its items: the rows share the window's height, so a short window
  // (or the drop panel, which wraps the toolbar) leaves room for fewer than three.
  const gridRef = useRef<HTMLDivElement>(null);
  const [space, setSpace] = useState<DaySpace>(ROOMY_DAY);
  const weekCount = grid.weeks.length;
  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const measure = () => {
      const body = el.querySelector<HTMLElement>(
        '.cal-row:not(.cal-weekdays) .cal-day:not(.is-expanded) .cal-day-body',
      );
      if (!body) return;
      const height = (selector: string, otherwise: number) =>
        el
          .querySelector<HTMLElement>(`.cal-day:not(.is-expanded) ${selector}`)
          ?.getBoundingClientRect().height || otherwise;
      const next: DaySpace = {
        body: Math.floor(body.getBoundingClientRect().height),
        gap: parseFloat(getComputedStyle(body).rowGap) || 0,
        chip: height('.cal-chip', ROOMY_DAY.chip),
        marker: height('.cal-marker', ROOMY_DAY.marker),
      };
      setSpace((was) =>
        was.body === next.body &&
        was.gap === next.gap &&
        was.chip === next.chip &&
        was.marker === next.marker
          ? was
          : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [weekCount]);
  const firstShown = grid.weeks[0]![0]!.day;
  const lastShown = grid.weeks.at(-1)!.at(-1)!.day;
  const shownDays = useMemo(
    () => ({ first: firstShown, last: lastShown }),
    [firstShown, lastShown],
  );
  const days = useMemo(
    () => (lastDays.current = keepSameDays(lastDays.current, grid, plan.drops, plan.flagsByDrop)),
    [grid, plan.drops, plan.flagsByDrop],
  );

  // The modifier is read when the drop lands (pointer or keyboard), wherever focus is.
  useEffect(() => {
    const track = (e: KeyboardEvent | PointerEvent) => (altHeld.current = e.altKey);
    window.addEventListener('keydown', track, true);
    window.addEventListener('keyup', track, true);
    window.addEventListener('pointermove', track, true);
    return () => {
      window.removeEventListener('keydown', track, true);
      window.removeEventListener('keyup', track, true);
      window.removeEventListener('pointermove', track, true);
    };
  }, []);

  // Made once: the sensor options and the collision stay the same for the view's life.
  const [turn] = useState(createMonthTurn);
  const [keyboardOptions] = useState(() => ({ coordinateGetter: dayKeyboardCoordinates(turn) }));
  const [collision] = useState(() => collisionWith(turn));
  useLayoutEffect(() => turn.connect({ month, show: onMonthChange }), [turn, month, onMonthChange]);
  useEffect(() => () => void turn.end(), [turn]);
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );
  const keyboardGate = useKeyboardGate();
  const title = useCallback(
    (id: string) => plan.drops.get(id.replace(/^launch:/, '') as DropId)?.title ?? 'the drop',
    [plan.drops],
  );
  const launchDay = useCallback(
    (id: string) => plan.drops.get(id.replace(/^launch:/, '') as DropId)?.dropDate ?? null,
    [plan.drops],
  );
  const announcements = useMemo(() => calendarAnnouncements(title, launchDay), [title, launchDay]);

  const onDragStart = (e: DragStartEvent) => {
    keyboardGate.started(e);
    dragging.current = true;
    setHoverId(null);
    setActiveId((e.active.data.current?.dropId as DropId | undefined) ?? null);
  };
  const onDragEnd = (e: DragEndEvent) => {
    keyboardGate.ended();
    turn.end();
    dragging.current = false;
    setActiveId(null);
    // Read from the draggable's id, not its data: its chip may have left with its month.
    const id = String(e.active.id).replace(/^launch:/, '') as DropId;
    const day = e.over ? String(e.over.id).replace(/^day:/, '') : null;
    if (!day || day === launchDay(id)) return;
    const moveDependents = !(launchOnly || altHeld.current);
    if (actions.reschedule(id, day, moveDependents)) {
      onMessage(rescheduledMessage(plan.drops.get(id), day, moveDependents, locale()));
    }
  };

  const planOn = (day: string) => {
    const id = actions.createOnDate(day);
    if (id) {
      onMessage(`Planned a drop for ${formatDayForPeople(day, locale())}.`);
      onOpenDrop(id);
    }
  };
  const showFlag = (day: string, dropId: string | null) => {
    setMonth(monthOf(day));
    if (dropId) onOpenDrop(dropId);
  };
  // Stable handlers for the memoised cells and flag list, calling the latest closures.
  const handlers = useRef({ planOn, showFlag });
  useLayoutEffect(() => {
    handlers.current = { planOn, showFlag };
  });
  const onPlan = useCallback((day: string) => handlers.current.planOn(day), []);
  const onShowFlag = useCallback(
    (day: string, dropId: string | null) => handlers.current.showFlag(day, dropId),
    [],
  );

  const proposeSlots = () => {
    setGhostCount(3);
    // Show where the first proposed slot falls.
    const [first] = proposeNextLaunches(plan.liveDrops, meta.cadence, 1, plan.today);
    if (first) setMonth(monthOf(first));
  };
  // Nothing has a launch day yet: say how to plan, instead of an empty month.
  const nothingDated = !plan.liveDrops.some((d) => d.dropDate !== null);
  // Shoot and publish markers may show while no drop has a launch day yet: the empty state says
  // why the month has no launches.
  const waiting = nothingDated
    ? plan.liveDrops.filter((d) => d.shootDate || d.publishDate).length
    : 0;

  // Building a date formatter costs more than the rest of a reschedule's render: once per month.
  const monthLabel = useMemo(
    () =>
      new Intl.DateTimeFormat(dayLocale, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${month}-15T12:00:00Z`)),
    [dayLocale, month],
  );
  // Building a date formatter is slow: the weekday names are made once.
  const weekdayLabels = useMemo(() => {
    const names = (style: 'short' | 'long') => {
      const fmt = new Intl.DateTimeFormat(locale(), { weekday: style, timeZone: 'UTC' });
      // 1 Feb 2026 is a Sunday.
      return Array.from({ length: 7 }, (_, wd) =>
        fmt.format(new Date(Date.UTC(2026, 1, 1 + wd, 12))),
      );
    };
    return { short: names('short'), long: names('long') };
  }, []);
  const highlightId = hoverId ?? activeId ?? selectedId;
  const highlightColor = (highlightId && plan.drops.get(highlightId as DropId)?.color) || null;
  const activeDrop = activeId ? plan.drops.get(activeId) : undefined;

  return (
    <section className="cal" aria-label="Calendar">
      <header className="cal-toolbar">
        <div className="cal-nav">
          <button
            type="button"
            className="icon-button cal-navbtn"
            aria-label="Previous month"
            onClick={() => setMonth((m) => shiftMonth(m, -1))}
          >
            ‹
          </button>
          <h2 className="cal-month" aria-live="polite">
            {monthLabel}
          </h2>
          <button
            type="button"
            className="icon-button cal-navbtn"
            aria-label="Next month"
            onClick={() => setMonth((m) => shiftMonth(m, 1))}
          >
            ›
          </button>
          <button type="button" className="button" onClick={() => setMonth(monthOf(plan.today))}>
            Today
          </button>
        </div>
        <div className="cal-options">
          <label className="toggle">
            <input
              type="checkbox"
              checked={showDependents}
              onChange={(e) => setShowDependents(e.target.checked)}
            />
            Shoot &amp; publish
          </label>
          <label className="toggle" title="Or hold Alt (Option) while dropping">
            <input
              type="checkbox"
              checked={launchOnly}
              onChange={(e) => setLaunchOnly(e.target.checked)}
            />
            Move launch only
          </label>
          <button
            type="button"
            className={`button${ghostCount > 0 ? ' is-active' : ''}`}
            aria-pressed={ghostCount > 0}
            onClick={() => (ghostCount > 0 ? setGhostCount(0) : proposeSlots())}
          >
            Plan next drops
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setSettingsOpen(true)}
            title="Cadence and time zone"
          >
            {describeCadence(meta.cadence)} · {plan.tz}
          </button>
          <ExportIcsControls onMessage={onMessage} />
        </div>
      </header>

      {ghosts.length > 0 && (
        <div className="cal-ghostbar" role="status">
          <span>Next launches on the cadence ({describeCadence(meta.cadence).toLowerCase()}):</span>
          {ghosts.map((g) => (
            <button
              key={g}
              type="button"
              className="button cal-ghostslot"
              onClick={() => setMonth(monthOf(g))}
            >
              {formatDayForPeople(g, locale())}
            </button>
          ))}
          <label className="cv-small">
            Show
            <select
              className="input input-compact"
              value={ghostCount}
              onChange={(e) => setGhostCount(Number(e.target.value))}
              aria-label="How many slots to propose"
            >
              {[1, 2, 3, 4, 6, 12].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <span className="cal-hint">Click a dashed slot to create a drop there.</span>
        </div>
      )}

      {nothingDated && ghostCount === 0 && (
        <EmptyState
          icon="calendar"
          title={waiting > 0 ? 'No launch dates yet' : 'Nothing on the calendar yet'}
          actions={
            !readOnly && (
              <button type="button" className="button button-primary" onClick={proposeSlots}>
                Propose launch dates
              </button>
            )
          }
        >
          Drops appear here on their launch day. Cadence proposes dates on your{' '}
          {describeCadence(meta.cadence).toLowerCase()} rhythm; click <em>+ Plan drop</em> on one to
          create a drop with its shoot and publish dates.
          {waiting > 0 && (
            <>
              {' '}
              {waiting === 1 ? '1 drop has' : `${waiting} drops have`} a shoot or publish date but
              no launch date yet.
            </>
          )}
        </EmptyState>
      )}

      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{ announcements, screenReaderInstructions: calendarInstructions }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          keyboardGate.ended();
          // Escape undoes the whole drag: back to the month it started in, where the drop is.
          const back = turn.end();
          if (back) setMonth(back);
          dragging.current = false;
          setActiveId(null);
        }}
      >
        <div ref={gridRef} className="cal-grid" role="grid" aria-label={monthLabel}>
          <div className="cal-row cal-weekdays" role="row">
            {grid.weekdays.map((wd) => (
              <div key={wd} role="columnheader" className="cal-weekday">
                <abbr title={weekdayLabels.long[wd]}>{weekdayLabels.short[wd]}</abbr>
              </div>
            ))}
          </div>
          {grid.weeks.map((week) => (
            <div key={week[0]!.day} className="cal-row" role="row">
              {week.map((cell) => {
                // A day gets the selection and the highlight only when they concern it, so
                // a change of either redraws the days it touches.
                const h = highlightId as DropId | null;
                const lit =
                  h !== null &&
                  (cell.repurchase.includes(h) ||
                    cell.window72.includes(h) ||
                    cell.deadlines.includes(h));
                return (
                  <DayCell
                    key={cell.day}
                    day={days.get(cell.day)!}
                    locale={dayLocale}
                    creatorNames={creatorNames}
                    selectedId={
                      selectedId && cell.launches.includes(selectedId as DropId) ? selectedId : null
                    }
                    highlightId={lit ? h : null}
                    highlightColor={lit ? highlightColor : null}
                    readOnly={readOnly}
                    onOpen={onOpenDrop}
                    onHover={onHover}
                    onPlan={onPlan}
                    space={space}
                  />
                );
              })}
            </div>
          ))}
        </div>
        {activeId && (
          <MonthTurnWatch turn={turn} month={month} first={firstShown} last={lastShown} />
        )}
        <DragOverlay dropAnimation={null}>
          {activeDrop && <DragReady onReady={keyboardGate.onReady} />}
          {activeDrop ? (
            <div
              className="cal-chip is-overlay"
              style={{ ['--drop-color' as string]: activeDrop.color }}
            >
              <span className="cal-chip-title">{activeDrop.title}</span>
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>

      <footer className="cal-footer">
        <div className="cal-legend" aria-label="Legend">
          <span className="legend-item">
            <span className="legend-swatch is-band" /> {PLAYBOOK_LABELS.retargeting} retargeting
            &amp; sell-through
          </span>
          <span className="legend-item">
            <span className="legend-swatch is-repurchase" /> {PLAYBOOK_LABELS.repurchaseAdjective}{' '}
            repurchase window (hover a drop)
          </span>
          <span className="legend-item">
            <span className="legend-swatch is-ghost" /> proposed slot
          </span>
        </div>
        {(!nothingDated || plan.flags.length > 0) && (
          <FlagList flags={plan.flags} shown={shownDays} onShow={onShowFlag} />
        )}
      </footer>

      {settingsOpen && (
        <CadenceSettings
          cadence={meta.cadence}
          timezone={meta.timezone}
          onClose={() => setSettingsOpen(false)}
          onSave={(cadence: Cadence, tz: string) => {
            const okCadence = actions.setCadence(cadence);
            const okTz = tz === meta.timezone || actions.setTimezone(tz);
            return okCadence && okTz;
          }}
        />
      )}
    </section>
  );
}
