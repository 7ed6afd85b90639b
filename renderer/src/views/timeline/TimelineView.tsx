import { PLAYBOOK_LABELS } from '../../../../shared/playbook';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import {
  addDaysTo,
  buildTimeline,
  keepSameBars,
  describeCadence,
  formatDayForPeople,
  shiftMonth,
  type TimelineBar,
  type TimelineModel,
} from '../../../../shared/cadence';
import type { DropId } from '../../../../shared/model';
import { useCommands, useWorkspace } from '../../state';
import { rescheduledMessage, useCadenceActions } from '../../state/useCadenceActions';
import { useOnUndoOrRedo } from '../../state/useOnUndoOrRedo';
import { usePlan } from '../../state/usePlan';
import { EmptyState } from '../../ui/EmptyState';
import '../../ui/planViews.css';
import { barPlaces, laneTops, nextBar, revealBar } from './tabOrder';
import { scrollLeftFor, zoomAnchor, type ZoomAnchor } from './zoomAnchor';
import './timeline.css';

const ZOOMS = [3, 4, 6, 8, 12, 18, 24]; // pixels per day
const ROW_H = 26;
const LANE_PAD = 6;
const LABEL_W = 160;
const HEAD_H = 32;
// Bars are drawn only near the visible part of the timeline (1,000 drops stay smooth).
const OVERSCAN_PX = 400;
const GEOMETRY = { headH: HEAD_H, rowH: ROW_H, lanePad: LANE_PAD, labelW: LABEL_W };

const locale = () => (typeof navigator !== 'undefined' ? navigator.language : 'en-GB');

/**
 * The cadence timeline: 6–12 months, one lane per stage or creator, each drop from its shoot
 * to the end of its 30-day repurchase window, the cadence's beats as a rhythm grid.
 */
export function TimelineView(props: {
  selectedId: string | null;
  onOpenDrop: (id: string) => void;
  onMessage: (message: string) => void;
}) {
  const { selectedId, onOpenDrop, onMessage } = props;
  const plan = usePlan();
  const commands = useCommands();
  const stages = useWorkspace((s) => s.stages);
  const creators = useWorkspace((s) => s.creators);
  const cadence = useWorkspace((s) => s.meta.cadence);
  const [groupBy, setGroupBy] = useState<'stage' | 'creator'>('stage');
  const [months, setMonths] = useState(12);
  const [zoom, setZoom] = useState(2);
  const [startMonth, setStartMonth] = useState(() => shiftMonth(plan.today.slice(0, 7), -1));
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ left: 0, top: 0, width: 2000, height: 1200 });
  const px = ZOOMS[zoom]!;

  // Bars a change did not touch keep their identity, so their memoised elements are skipped.
  const lastModel = useRef<TimelineModel | null>(null);
  const model = useMemo(
    () =>
      (lastModel.current = keepSameBars(
        lastModel.current,
        buildTimeline({
          first: `${startMonth}-01`,
          months,
          groupBy,
          drops: plan.liveDrops,
          stages,
          creators: [...creators].sort((a, b) => a.name.localeCompare(b.name)),
          cadence,
          today: plan.today,
          flaggedIds: new Set(plan.flagsByDrop.keys()),
        }),
      )),
    [startMonth, months, groupBy, plan, stages, creators, cadence],
  );

  // Track the visible area (once per frame at most) to draw only the bars near it.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setView((v) =>
        v.left === el.scrollLeft &&
        v.top === el.scrollTop &&
        v.width === el.clientWidth &&
        v.height === el.clientHeight
          ? v
          : {
              left: el.scrollLeft,
              top: el.scrollTop,
              width: el.clientWidth,
              height: el.clientHeight,
            },
      );
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);

  // The day to hold in place across a zoom (see zoomAnchor.ts), taken before the zoom changes.
  const anchor = useRef<ZoomAnchor | null>(null);
  const zoomNow = useRef({ zoom, today: model.today });
  zoomNow.current = { zoom, today: model.today };
  const zoomBy = useCallback((step: number, pointerAt: number | null = null) => {
    const el = scroller.current;
    const { zoom: z, today } = zoomNow.current;
    const next = Math.max(0, Math.min(ZOOMS.length - 1, z + step));
    if (next === z) return;
    if (el) anchor.current = zoomAnchor(el, ZOOMS[z]!, LABEL_W, pointerAt, today);
    setZoom(next);
  }, []);

  // Ctrl/⌘ + wheel zooms, keeping the day under the pointer in place.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? 1 : -1, e.clientX - el.getBoundingClientRect().left);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  const scrollToToday = () => {
    const el = scroller.current;
    if (el && model.today !== null) el.scrollLeft = Math.max(0, model.today * px - 120);
  };
  // A zoom keeps its anchor day in place; a new range (or Today) brings today into view.
  // Before paint, so the days never show a frame at the old scroll offset.
  useLayoutEffect(() => {
    const el = scroller.current;
    const held = anchor.current;
    anchor.current = null;
    if (el && held) el.scrollLeft = scrollLeftFor(held, px, LABEL_W);
    else scrollToToday();
  }, [px, startMonth]); // eslint-disable-line react-hooks/exhaustive-deps

  const width = model.days * px;
  const fromDay = (view.left - LABEL_W - OVERSCAN_PX) / px;
  const toDay = (view.left + view.width + OVERSCAN_PX) / px;
  const minY = view.top - OVERSCAN_PX;
  const maxY = view.top + view.height + OVERSCAN_PX;
  const tops = laneTops(model.lanes, GEOMETRY);
  const monthFmt = new Intl.DateTimeFormat(locale(), {
    month: px >= 4 ? 'long' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const places = useMemo(() => barPlaces(model.lanes, px, GEOMETRY), [model.lanes, px]);
  const barCount = places.length;

  // Dragging a bar (or Space, ← →, Space) moves its launch by whole days; shoot and publish
  // move with it unless Alt is held, as on the calendar. One undoable step.
  const actions = useCadenceActions(onMessage);
  const [said, setSaid] = useState('');
  useOnUndoOrRedo(() => setSaid(''));
  const latest = useRef({ plan, actions, onMessage });
  latest.current = { plan, actions, onMessage };
  const onMove = useCallback((id: string, days: number, launchOnly: boolean) => {
    const { plan: p, actions: a, onMessage: say } = latest.current;
    const drop = p.drops.get(id as DropId);
    if (!drop?.dropDate || days === 0) return;
    const day = addDaysTo(drop.dropDate, days);
    const moveDependents = !launchOnly;
    if (!a.reschedule(drop.id, day, moveDependents)) return;
    const text = rescheduledMessage(drop, day, moveDependents, locale());
    say(text);
    setSaid(text);
    // The bar may move to another row: keep the focus on it.
    requestAnimationFrame(() => {
      const el = scroller.current?.querySelector<HTMLElement>(
        `.tl-bar[data-drop-id="${CSS.escape(id)}"]`,
      );
      if (el && document.activeElement === document.body) el.focus();
    });
  }, []);
  // The bar carried with the keyboard (Space, arrows): always drawn, and followed by the view,
  // so it never moves out of sight, nor out of the page with the focus, however far it goes.
  const [carried, setCarried] = useState<{ id: string; shift: number } | null>(null);
  const carry = useRef({ places, px });
  carry.current = { places, px };
  const onCarry = useCallback((id: string, shift: number | null) => {
    const el = scroller.current;
    const place = carry.current.places.find((p) => p.dropId === id);
    if (shift === null || !el || !place) {
      setCarried(null);
      return;
    }
    const shown = {
      left: el.scrollLeft,
      top: el.scrollTop,
      width: el.clientWidth,
      height: el.clientHeight,
    };
    const to = revealBar({ ...place, x: place.x + shift * carry.current.px }, shown, GEOMETRY);
    el.scrollLeft = to.left;
    el.scrollTop = to.top;
    // The view the bars are drawn for is current before the bar is put down where it now is.
    flushSync(() => {
      setCarried({ id, shift });
      setView({
        left: el.scrollLeft,
        top: el.scrollTop,
        width: el.clientWidth,
        height: el.clientHeight,
      });
    });
  }, []);
  // Only a launch date puts a drop on the timeline: its bar runs from the shoot to 30 days
  // after the launch, so drops with only a shoot or publish date leave it empty.
  const datedIds = useMemo(
    () => new Set(plan.liveDrops.filter((d) => d.dropDate).map((d) => d.id as string)),
    [plan.liveDrops],
  );
  const waiting =
    datedIds.size === 0 ? plan.liveDrops.filter((d) => d.shootDate || d.publishDate).length : 0;

  // Tab from a bar to the next one in drawing order, even when that one is scrolled away
  // (and so not drawn): scroll it into view, draw it, focus it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scroller.current;
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !el) return;
    const id = (e.target as HTMLElement).closest('.tl-bar')?.getAttribute('data-drop-id');
    // From the timeline itself, Tab goes to the first bar of all.
    const fromTimeline = e.target === el && !e.shiftKey;
    const next = id ? nextBar(places, id, e.shiftKey) : fromTimeline ? (places[0] ?? null) : null;
    const selector = next && `.tl-bar[data-drop-id="${CSS.escape(next.dropId)}"]`;
    if (!next || !selector || el.querySelector(selector)) return; // drawn: the browser's Tab
    e.preventDefault();
    const to = revealBar(
      next,
      { left: el.scrollLeft, top: el.scrollTop, width: el.clientWidth, height: el.clientHeight },
      GEOMETRY,
    );
    el.scrollLeft = to.left;
    el.scrollTop = to.top;
    flushSync(() =>
      setView({
        left: el.scrollLeft,
        top: el.scrollTop,
        width: el.clientWidth,
        height: el.clientHeight,
      }),
    );
    el.querySelector<HTMLElement>(selector)?.focus();
  };

  return (
    <section className="tl" aria-label="Cadence timeline">
      <header className="tl-toolbar">
        <div className="tl-controls">
          <button
            type="button"
            className="button"
            aria-label="Earlier"
            onClick={() => setStartMonth((m) => shiftMonth(m, -1))}
          >
            ‹
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setStartMonth(shiftMonth(plan.today.slice(0, 7), -1));
              requestAnimationFrame(scrollToToday);
            }}
          >
            Today
          </button>
          <button
            type="button"
            className="button"
            aria-label="Later"
            onClick={() => setStartMonth((m) => shiftMonth(m, 1))}
          >
            ›
          </button>
          <label className="cv-small">
            Range
            <select
              className="input input-compact"
              value={months}
              onChange={(e) => setMonths(Number(e.target.value))}
            >
              {[6, 9, 12].map((n) => (
                <option key={n} value={n}>
                  {n} months
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="tl-controls">
          <span className="tl-seg" role="group" aria-label="Lanes">
            <button
              type="button"
              className="button"
              aria-pressed={groupBy === 'stage'}
              onClick={() => setGroupBy('stage')}
            >
              By stage
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={groupBy === 'creator'}
              onClick={() => setGroupBy('creator')}
            >
              By creator
            </button>
          </span>
          <span className="tl-seg" role="group" aria-label="Zoom">
            <button
              type="button"
              className="button"
              aria-label="Zoom out"
              disabled={zoom === 0}
              onClick={() => zoomBy(-1)}
            >
              −
            </button>
            <button
              type="button"
              className="button"
              aria-label="Zoom in"
              disabled={zoom === ZOOMS.length - 1}
              onClick={() => zoomBy(1)}
            >
              +
            </button>
          </span>
          <span className="tl-rhythm-label" title="The rhythm grid marks each beat of the cadence">
            Rhythm: {describeCadence(cadence)}
          </span>
        </div>
      </header>

      {datedIds.size === 0 && (
        <EmptyState
          icon="timeline"
          title="No dated drops to lay out yet"
          actions={
            <button
              type="button"
              className="button button-primary"
              onClick={() => commands.run('view-calendar')}
            >
              Plan on the calendar
            </button>
          }
        >
          The timeline shows each drop from shoot to launch, by stage or by creator, against your
          rhythm. Give drops their dates on the calendar and they appear here.
          {waiting > 0 && (
            <>
              {' '}
              {waiting === 1 ? '1 drop has' : `${waiting} drops have`} a shoot or publish date but
              no launch date yet.
            </>
          )}
        </EmptyState>
      )}
      <div
        className="tl-scroller"
        ref={scroller}
        tabIndex={0}
        aria-label={`${barCount} drops on the timeline`}
        onKeyDown={onKeyDown}
      >
        <div className="tl-canvas" style={{ width: width + 160 }}>
          <div className="tl-head">
            <div className="tl-corner">{groupBy === 'stage' ? 'Stage' : 'Creator'}</div>
            <div className="tl-months" style={{ width }}>
              {model.months.map((m) => (
                <div
                  key={m.label}
                  className="tl-month"
                  style={{
                    left: m.offset * px,
                    width: m.days * px,
                    // A month begun under the lane labels shows its name where the track is seen.
                    paddingLeft: 8 + hiddenPx(view.left, m.offset * px, m.days * px),
                  }}
                >
                  {monthFmt.format(new Date(`${m.label}T12:00:00Z`))}
                </div>
              ))}
              {model.beats.map((b) => (
                <span
                  key={b}
                  className="tl-beat-tick"
                  style={{ left: b * px }}
                  aria-hidden="true"
                />
              ))}
              {/* In the sticky head, over the today line: no bar can cover it, and it stays in
                  sight while the lanes scroll. */}
              {model.today !== null && (
                <span className="tl-today-label" style={{ left: model.today * px + px / 2 }}>
                  Today
                </span>
              )}
            </div>
          </div>
          <div className="tl-body">
            <div className="tl-grid" style={{ left: 160, width }} aria-hidden="true">
              {model.months.map((m) => (
                <span key={m.label} className="tl-monthline" style={{ left: m.offset * px }} />
              ))}
              {model.beats.map((b) => (
                <span key={b} className="tl-beat" style={{ left: b * px }} />
              ))}
              {model.today !== null && (
                <span className="tl-today" style={{ left: model.today * px + px / 2 }} />
              )}
            </div>
            {model.lanes.map((lane, l) => {
              const rows = Math.max(1, lane.rows.length);
              const top = tops[l]!;
              return (
                <div
                  key={lane.id}
                  className="tl-lane"
                  style={{ height: rows * ROW_H + LANE_PAD * 2 }}
                  role="group"
                  aria-label={lane.label}
                >
                  <div className="tl-lane-label" title={lane.label}>
                    <span>{lane.label}</span>
                    <span className="tl-lane-count">{lane.rows.flat().length || ''}</span>
                  </div>
                  <div className="tl-lane-track" style={{ width }}>
                    {lane.rows.map((row, r) => {
                      const y = top + LANE_PAD + r * ROW_H;
                      const rowSeen = y + ROW_H >= minY && y <= maxY;
                      return row.map((bar) =>
                        bar.dropId !== carried?.id &&
                        (!rowSeen || bar.end < fromDay || bar.start > toDay) ? null : (
                          <Bar
                            key={bar.dropId}
                            bar={bar}
                            px={px}
                            top={LANE_PAD + r * ROW_H}
                            selected={selectedId === bar.dropId}
                            underLabels={hiddenPx(
                              view.left,
                              (bar.start + (bar.dropId === carried?.id ? carried.shift : 0)) * px,
                              (bar.end - bar.start) * px,
                            )}
                            first={model.first}
                            onOpen={onOpenDrop}
                            onMove={datedIds.has(bar.dropId) ? onMove : null}
                            onSay={setSaid}
                            onCarry={onCarry}
                          />
                        ),
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite" data-testid="timeline-status">
        {said}
      </p>
      <p id="tl-move-help" hidden>
        Enter opens the drop. Space picks it up: the left and right arrows move its launch a day,
        with its shoot and publish; Space puts it down, Alt and Space the launch alone, Escape
        cancels.
      </p>
      <footer className="tl-legend cal-legend">
        <span className="legend-item">
          <span className="legend-swatch tl-sw-prep" /> shoot → launch
        </span>
        <span className="legend-item">
          <span className="legend-swatch tl-sw-72" /> {PLAYBOOK_LABELS.retargeting} retargeting
          &amp; sell-through
        </span>
        <span className="legend-item">
          <span className="legend-swatch tl-sw-30" /> {PLAYBOOK_LABELS.repurchaseAdjective}{' '}
          repurchase window
        </span>
        <span className="legend-item">
          <span className="legend-swatch tl-sw-beat" /> cadence beat
        </span>
        <span className="legend-item tl-hint">
          Drag a bar to move its launch (Alt: the launch alone)
        </span>
      </footer>
    </section>
  );
}

/**
 * How much of a box starting at `start` (track pixels) lies under the sticky lane labels when
 * the track is scrolled by `scrollLeft`: the track's visible part starts at `scrollLeft`. Kept
 * short of the box's end so a label still has room (it ellipsises).
 */
function hiddenPx(scrollLeft: number, start: number, width: number): number {
  return Math.max(0, Math.min(scrollLeft - start, width - 40));
}

const Bar = memo(function Bar(props: {
  bar: TimelineBar;
  px: number;
  top: number;
  selected: boolean;
  first: string;
  /** Pixels of the bar's start hidden under the lane labels: its title starts after them. */
  underLabels: number;
  onOpen: (id: string) => void;
  /** Moves the drop's launch by whole days (null: it has no launch date to move). */
  onMove: ((id: string, days: number, launchOnly: boolean) => void) | null;
  /** Says something to screen readers (the keyboard move). */
  onSay: (text: string) => void;
  /** The bar is carried with the keyboard `shift` days from its place (null: put down). */
  onCarry: (id: string, shift: number | null) => void;
}) {
  const { bar, px, top, selected, underLabels, onMove, onSay, onCarry } = props;
  // Days the bar is being moved by: a mouse drag, or the keyboard after Space.
  const [shift, setShift] = useState(0);
  const [byKeyboard, setByKeyboard] = useState(false);
  const pointer = useRef<{ x: number; id: number; moved: boolean } | null>(null);
  const swallowClick = useRef(false);
  const prep = Math.max(0, bar.launch - bar.start);
  const moving = shift !== 0 || byKeyboard || pointer.current?.moved === true;
  const style = {
    left: (bar.start + shift) * px,
    width: (bar.end - bar.start) * px,
    top,
    '--drop-color': bar.color,
    '--prep': `${prep * px}px`,
    '--w72': `${(bar.end72 - bar.launch) * px}px`,
    '--title-left': `${6 + underLabels}px`,
  } as CSSProperties;
  const launchDay = (days: number) =>
    formatDayForPeople(addDaysTo(props.first, bar.launch + days), locale());
  const launches = launchDay(0);
  const cancel = () => {
    pointer.current = null;
    setShift(0);
    setByKeyboard(false);
  };
  const classes = ['tl-bar'];
  if (selected) classes.push('is-selected');
  if (bar.flagged) classes.push('is-flagged');
  if (onMove) classes.push('is-movable');
  if (moving) classes.push('is-moving');
  // One element per bar (the segments are a CSS gradient): a year of drops stays light.
  return (
    <button
      type="button"
      className={classes.join(' ')}
      style={style}
      data-drop-id={bar.dropId}
      onClick={() => {
        if (swallowClick.current) {
          swallowClick.current = false;
          return;
        }
        if (!byKeyboard) props.onOpen(bar.dropId);
      }}
      onPointerDown={(e) => {
        if (!onMove || e.button !== 0) return;
        pointer.current = { x: e.clientX, id: e.pointerId, moved: false };
      }}
      onPointerMove={(e) => {
        const p = pointer.current;
        if (!p || p.id !== e.pointerId) return;
        const dx = e.clientX - p.x;
        if (!p.moved) {
          if (Math.abs(dx) < 4) return;
          p.moved = true;
          e.currentTarget.setPointerCapture(e.pointerId);
        }
        setShift(Math.round(dx / px));
      }}
      onPointerUp={(e) => {
        const p = pointer.current;
        pointer.current = null;
        if (!p?.moved) return;
        swallowClick.current = true;
        const days = Math.round((e.clientX - p.x) / px);
        setShift(0);
        if (days !== 0) onMove?.(bar.dropId, days, e.altKey);
      }}
      onPointerCancel={cancel}
      onLostPointerCapture={() => {
        if (pointer.current?.moved) cancel();
      }}
      onBlur={() => {
        if (!byKeyboard) return;
        cancel();
        onCarry(bar.dropId, null);
      }}
      onKeyDown={(e) => {
        if (!onMove) return;
        if (e.key === 'Escape' && pointer.current?.moved) {
          e.preventDefault();
          e.stopPropagation();
          swallowClick.current = true;
          cancel();
          return;
        }
        if (!byKeyboard) {
          if (e.key !== ' ' || e.altKey || e.ctrlKey || e.metaKey) return;
          e.preventDefault();
          setByKeyboard(true);
          onCarry(bar.dropId, 0);
          onSay(
            `Picked up ${bar.title}, launching ${launches}. Left and right arrows move it a day, ` +
              'Space puts it down, Escape cancels.',
          );
          return;
        }
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          const next = shift + (e.key === 'ArrowRight' ? 1 : -1);
          setShift(next);
          onCarry(bar.dropId, next);
          onSay(`${bar.title} would launch ${launchDay(next)}.`);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          cancel();
          // Back where it was: in sight again before it is no longer carried.
          onCarry(bar.dropId, 0);
          onCarry(bar.dropId, null);
          onSay(`${bar.title} stays on ${launches}.`);
        } else if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          const days = shift;
          cancel();
          onCarry(bar.dropId, null);
          if (days !== 0) onMove(bar.dropId, days, e.altKey);
          else onSay(`${bar.title} stays on ${launches}.`);
        }
      }}
      onKeyUp={(e) => {
        // A button clicks on Space's keyup: picking up and putting down are not a click.
        if (e.key === ' ' && onMove) e.preventDefault();
      }}
      aria-label={`${bar.title}, launches ${launches}${bar.flagged ? ', see the cadence check' : ''}`}
      aria-roledescription={onMove ? 'movable drop' : undefined}
      aria-describedby={onMove ? 'tl-move-help' : undefined}
      title={`${bar.title} · launches ${launches}${bar.flagged ? ' — see the cadence check' : ''}`}
    >
      <span className="tl-bar-title">
        {bar.flagged && (
          <span className="tl-bar-flag" aria-hidden="true">
            !
          </span>
        )}
        {bar.title}
        {moving && shift !== 0 && <span className="tl-bar-when"> → {launchDay(shift)}</span>}
      </span>
    </button>
  );
});
