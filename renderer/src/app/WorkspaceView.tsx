import { SHOT_LABELS, SHOTS } from '../../../shared/brief';
import { PLAYBOOK_LABELS } from '../../../shared/playbook';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Board } from '../board/Board';
import { EMPTY_FILTER, isFiltering, matchesFilter, type BoardFilter } from '../board/filter';
import {
  BriefButton,
  BriefsLayer,
  CreatorsButton,
  preloadBriefEditors,
} from '../briefs/BriefsLayer';
import { DropPanel, type DropPanelSlots } from '../panel/DropPanel';
import { isMac } from '../platform/platform';
import { useBoardActions, useCommand, useCommands, useOpenWorkspace, useWorkspace } from '../state';
import { Icon } from '../ui/Icon';
import { ViewBoundary } from '../ui/ViewBoundary';
import { EmptyState } from '../ui/EmptyState';
import { Brand } from './Brand';
import { PresenceAvatars } from '../sync/ui/PresenceAvatars';
import { PresenceReporter } from '../sync/ui/PresenceReporter';
import { SyncIndicator } from '../sync/ui/SyncIndicator';
import { SyncNotices } from '../sync/ui/SyncNotices';
import { FilterBar } from './FilterBar';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { CalendarView } from '../views/calendar/CalendarView';
import { TimelineView } from '../views/timeline/TimelineView';
import { ResultsSection } from '../results/ResultsSection';
import { ImportHost } from '../results/ImportHost';
import { HistoryDialog } from '../history/HistoryDialog';
import { preloadViews, ResultsView, ViewLoading } from './lazyViews';
import { ViewTabs, type ViewName } from '../views/ViewTabs';
import { useMovedByRemoval } from '../board/useMovedByRemoval';
import { useDailySnapshots } from '../history/useDailySnapshots';
import { useSync } from '../state/SyncContext';
import { useToday } from '../state/usePlan';
import { describeCadence } from '../../../shared/cadence';

// The drop panel shows the brief button and the results section of the briefs and results features.
const PANEL_SLOTS: DropPanelSlots = {
  headerActions: (dropId) => <BriefButton dropId={dropId} />,
  sections: (dropId, readOnly) => <ResultsSection dropId={dropId} readOnly={readOnly} />,
};

/** One open workspace: its tools, the board, and the drop panel. */
export function WorkspaceView(props: {
  switcher: ReactNode;
  onMessage: (m: string) => void;
  /** The first-run guide while it shows (a strip under the view tabs). */
  guide?: ReactNode;
}) {
  const { switcher, onMessage, guide } = props;
  const commands = useCommands();
  const actions = useBoardActions();
  const board = useWorkspace((s) => s.board);
  const drops = useWorkspace((s) => s.drops);
  const creators = useWorkspace((s) => s.creators);
  const readOnly = useWorkspace((s) => s.readOnly);
  const canUndo = useWorkspace((s) => s.canUndo);
  const canRedo = useWorkspace((s) => s.canRedo);
  const meta = useWorkspace((s) => s.meta);
  // The workspace's today, as the calendar and timeline count it: a teammate abroad reads the
  // same countdowns as the rest of the team. Leniently: a zone that fails here stops only the
  // views that need it.
  const today = useToday(meta.timezone, true);
  useMovedByRemoval(onMessage);
  const ws = useOpenWorkspace();
  const { openWorkspace, awaitingFirstSync } = useSync();
  useDailySnapshots(ws);
  // The other views' code loads once the board is idle (see lazyViews.tsx).
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 500));
    const cancel = window.cancelIdleCallback ?? clearTimeout;
    const handle = idle(
      () => {
        preloadViews();
        preloadBriefEditors();
      },
      { timeout: 2000 },
    );
    return () => cancel(handle);
  }, []);
  const [historyOpen, setHistoryOpen] = useState(false);

  const [filter, setFilter] = useState<BoardFilter>(EMPTY_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<ViewName>('board');
  // The calendar's month outlives the calendar: switching views and back keeps it.
  const [calendarMonth, setCalendarMonth] = useState<string | null>(null);
  const [quickAdd, setQuickAdd] = useState<{ stageId: string | null; signal: number }>({
    stageId: null,
    signal: 0,
  });
  const searchRef = useRef<HTMLInputElement>(null);
  const mod = isMac() ? '⌘' : 'Ctrl+';

  const closePanel = useCallback((refocus?: () => void) => {
    setSelected((id) => {
      // Back to the card the panel was opened from (or beside it, when it was deleted).
      if (refocus) refocus();
      else if (id)
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`[data-drop-id="${CSS.escape(id)}"]`)?.focus(),
        );
      return null;
    });
  }, []);

  // What the workspace's commands do (the registry hands undo to a focused text field first).
  useCommand('undo', actions.undo);
  useCommand('redo', actions.redo);
  // Find and new drop work from every view: the search box and quick add are the board's, so
  // both bring the board up first (a new-drop request left waiting fired on a later visit).
  useCommand('find', () => {
    // The board is rendered before the search box is focused, within this key press: what is
    // typed right after Ctrl+F goes into the box (focusing a frame later lost those keys).
    flushSync(() => setView('board'));
    searchRef.current?.focus();
    searchRef.current?.select();
  });
  useCommand('new-drop', () => {
    const first = board[0]?.stage.id ?? null;
    if (readOnly || !first) return;
    setView('board');
    setQuickAdd((q) => ({ stageId: first, signal: q.signal + 1 }));
  });
  // A quick add opens on the board it was asked on: leaving the board forgets the request, or
  // the next visit would open it again (QuickAdd opens on any signal it mounts with).
  useEffect(() => {
    if (view !== 'board') setQuickAdd((q) => (q.signal ? { stageId: null, signal: 0 } : q));
  }, [view]);
  useCommand('history', () => setHistoryOpen(true));
  useCommand('toggle-archived', () => setFilter((f) => ({ ...f, showArchived: !f.showArchived })));
  useCommand('view-board', () => setView('board'));
  useCommand('view-calendar', () => setView('calendar'));
  useCommand('view-timeline', () => setView('timeline'));
  useCommand('view-results', () => setView('results'));

  // Escape closes the panel even when focus has gone back to the board.
  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]'))
        return;
      closePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, closePanel]);

  const liveTotal = useMemo(() => board.reduce((n, c) => n + c.drops.length, 0), [board]);
  const shown = useMemo(() => {
    if (!isFiltering(filter)) return liveTotal;
    let n = 0;
    for (const c of board) for (const d of c.drops) if (matchesFilter(d, filter)) n++;
    return n;
  }, [board, filter, liveTotal]);

  return (
    <>
      <header className="topbar">
        <Brand />
        {switcher}
        <div className="topbar-spacer" />
        <PresenceAvatars />
        <SyncIndicator />
        <PresenceReporter openDropId={selected} />
        <CreatorsButton />
        <button
          type="button"
          className="icon-button"
          aria-label="Getting started guide"
          title="Getting started guide"
          onClick={() => commands.run('show-guide')}
        >
          <Icon name="help" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          title={`Keyboard shortcuts (${isMac() ? '⌘/' : 'Ctrl+/'})`}
          onClick={() => commands.run('show-shortcuts')}
        >
          <Icon name="keyboard" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="History"
          title={`History (${isMac() ? '⇧⌘H' : 'Ctrl+Shift+H'})`}
          onClick={() => setHistoryOpen(true)}
        >
          <Icon name="history" />
        </button>
        <div className="toolbar-group" role="group" aria-label="History">
          <button
            type="button"
            className="icon-button"
            aria-label="Undo"
            title={`Undo (${mod}Z)`}
            disabled={!canUndo || readOnly}
            onClick={() => commands.run('undo')}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Redo"
            title={`Redo (${isMac() ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`}
            disabled={!canRedo || readOnly}
            onClick={() => commands.run('redo')}
          >
            <Icon name="redo" />
          </button>
        </div>
      </header>
      <div className="subbar">
        <ViewTabs view={view} onChange={setView} />
        {view === 'board' && (
          <>
            <h1 className="view-title">
              Board
              <span className="view-sub">
                {liveTotal} {liveTotal === 1 ? 'drop' : 'drops'} · {board.length} stages ·{' '}
                <span data-testid="rhythm">
                  {describeCadence(meta.cadence).toLowerCase()} rhythm
                </span>
              </span>
            </h1>
            <FilterBar
              filter={filter}
              creators={creators}
              searchRef={searchRef}
              shown={shown}
              total={liveTotal}
              onChange={setFilter}
            />
          </>
        )}
      </div>
      {guide}
      <SyncNotices />
      {readOnly && <ReadOnlyBanner onOpenWorkspace={openWorkspace} onMessage={onMessage} />}
      {meta.timezoneRefused !== null && (
        <div className="banner banner-zone" role="status" data-testid="zone-notice">
          <strong>Time zone not known.</strong> This workspace’s time zone, “{meta.timezoneRefused}
          ”, is not one this computer knows, so dates and launch times are shown in UTC. Choose a
          zone in the calendar’s cadence settings to fix it for everyone.
        </div>
      )}
      {view === 'board' && drops.size === 0 && !readOnly && !awaitingFirstSync && (
        <div className="board-empty">
          <EmptyState
            icon="board"
            title="Plan your first drop"
            actions={
              <button
                type="button"
                className="button button-primary"
                onClick={() => commands.run('new-drop')}
              >
                <Icon name="plus" size={14} /> Add your first drop
              </button>
            }
          >
            Start in “{board[0]?.stage.name ?? 'the first stage'}”, then drag the card through the
            playbook. Keep each drop to one narrative, one creator, {PLAYBOOK_LABELS.shots} (
            {SHOTS.map((s) => SHOT_LABELS[s].toLowerCase()).join(', ')}) and{' '}
            {PLAYBOOK_LABELS.shootToPublishWords}.
          </EmptyState>
        </div>
      )}
      <main className={selected ? 'main has-panel' : 'main'}>
        {/* Each view stops on its own when it fails to draw; the others keep working. */}
        {view === 'board' && (
          <ViewBoundary name="The board" resetKey={meta}>
            <Board
              filter={filter}
              today={today}
              selectedId={selected}
              quickAdd={quickAdd}
              onOpenDrop={setSelected}
              onMessage={onMessage}
            />
          </ViewBoundary>
        )}
        {view === 'calendar' && (
          <ViewBoundary name="The calendar" resetKey={meta}>
            <CalendarView
              selectedId={selected}
              month={calendarMonth}
              onMonthChange={setCalendarMonth}
              onOpenDrop={setSelected}
              onMessage={onMessage}
            />
          </ViewBoundary>
        )}
        {view === 'timeline' && (
          <ViewBoundary name="The timeline" resetKey={meta}>
            <TimelineView selectedId={selected} onOpenDrop={setSelected} onMessage={onMessage} />
          </ViewBoundary>
        )}
        {view === 'results' && (
          <ViewBoundary name="Results" resetKey={meta}>
            <ViewLoading>
              <ResultsView onOpenDrop={setSelected} onMessage={onMessage} />
            </ViewLoading>
          </ViewBoundary>
        )}
        {selected && (
          <ViewBoundary name="The drop panel" resetKey={selected}>
            <DropPanel dropId={selected} today={today} onClose={closePanel} slots={PANEL_SLOTS} />
          </ViewBoundary>
        )}
      </main>
      <ViewBoundary name="The brief" resetKey={meta}>
        {/* The brief editors load when first opened (see BriefsLayer). */}
        <Suspense fallback={null}>
          <BriefsLayer onMessage={onMessage} />
        </Suspense>
      </ViewBoundary>
      <ImportHost readOnly={readOnly} onMessage={onMessage} />
      {historyOpen && (
        <ViewBoundary name="History" resetKey={meta}>
          <HistoryDialog
            onClose={() => setHistoryOpen(false)}
            onMessage={onMessage}
            onOpenWorkspace={openWorkspace}
          />
        </ViewBoundary>
      )}
    </>
  );
}
