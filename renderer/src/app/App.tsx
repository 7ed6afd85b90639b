import { PLAYBOOK_SUMMARY } from '../../../shared/playbook';
import { useCallback, useEffect, useState } from 'react';
import { platform } from '../platform/platform';
import { CommandRegistry, CommandsProvider, shortcutFor, WorkspaceProvider } from '../state';
import { Icon } from '../ui/Icon';
import { useWorkspaces } from './useWorkspaces';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';
import { WorkspaceView } from './WorkspaceView';
import { ViewBoundary } from '../ui/ViewBoundary';
import { Notice, useNotice } from './Notice';
import { Brand } from './Brand';
import { SyncProvider } from '../state/SyncContext';
import { BoardPreview } from '../board/BoardPreview';
import { todayIso } from '../ui/dates';
import { removalDate } from '../sync/ui/leaveLoss';
import { endGuide, guideEnded } from '../workspace';
import { FirstRunGuide } from './FirstRunGuide';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useAfterUndoOrRedo } from '../state/useOnUndoOrRedo';

/** The shell: a top bar (workspaces, view tools) and the main view area. */
export function App() {
  const {
    records,
    recentlyLeft,
    state,
    open,
    create,
    rename,
    remove,
    leave,
    restore,
    onPreviewPainted,
  } = useWorkspaces();
  const [createSignal, setCreateSignal] = useState(0);
  const { notice, waiting, show, dismiss, dismissAboutEdit, dropOffers, hold } = useNotice();
  // Menus, shortcuts and buttons all run commands through this one registry; the open
  // workspace view registers the board's commands, the shell its own.
  const [commands] = useState(() => new CommandRegistry());
  useEffect(
    () => commands.register('new-workspace', () => setCreateSignal((n) => n + 1)),
    [commands],
  );
  useEffect(() => platform().onMenuCommand((command) => commands.run(command)), [commands]);
  // The guide shows from the first launch until it is dismissed or its steps are done;
  // Help (menu or the top bar's button) brings it back.
  const [guideOpen, setGuideOpen] = useState(() => guideEnded() === null);
  // Asked for from Help: it shows a workspace's steps even when they were done before it opened.
  const [guideAsked, setGuideAsked] = useState(false);
  useEffect(
    () =>
      commands.register('show-guide', () => {
        setGuideOpen(true);
        setGuideAsked(true);
      }),
    [commands],
  );
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useEffect(() => commands.register('show-shortcuts', () => setShortcutsOpen(true)), [commands]);
  const dismissGuide = useCallback(() => {
    if (!guideEnded()) endGuide('dismissed');
    setGuideOpen(false);
  }, []);
  const completeGuide = useCallback(() => endGuide('completed'), []);
  const createSeen = useCallback(() => setCreateSignal(0), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutFor(e);
      if (!command) return;
      e.preventDefault();
      commands.run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands]);

  // A message announces an edit ("Removed Shoot; its drops moved to Brief."): undoing or
  // redoing an edit makes it untrue, so it goes (an offer to put something back stays).
  useAfterUndoOrRedo(state.kind === 'ready' ? state.ws.undoManager : null, dismissAboutEdit);

  const currentId = state.kind === 'ready' ? state.ws.id : null;
  // An offer ("Restore it") puts something back into the workspace it was made in: it goes
  // when that workspace is no longer the open one.
  useEffect(() => dropOffers, [currentId, dropOffers]);
  const currentRecord = records.find((r) => r.id === currentId);
  const switcher = (
    <WorkspaceSwitcher
      records={records}
      currentId={currentId}
      createSignal={createSignal}
      onCreateSignalSeen={createSeen}
      onOpen={(id) => void open(id)}
      onCreate={(name, from) => void create(name, from)}
      onRename={(id, name) => {
        try {
          rename(id, name);
        } catch (err) {
          show(err instanceof Error ? err.message : String(err));
        }
      }}
      onDelete={(id) => void remove(id)}
      recentlyLeft={recentlyLeft}
      onRestore={(id) => {
        restore(id).then(
          (record) =>
            show(`Restored “${record.name}”. Sync is off: turn it on in Sync to rejoin teammates.`),
          (err: unknown) => show(err instanceof Error ? err.message : String(err)),
        );
      }}
    />
  );

  return (
    <CommandsProvider registry={commands}>
      <div className="app">
        {state.kind === 'ready' ? (
          <WorkspaceProvider key={state.ws.id} ws={state.ws} onError={show}>
            <SyncProvider
              ws={state.ws}
              onOpenWorkspace={open}
              onLeaveWorkspace={leave}
              onMessage={show}
            >
              <ViewBoundary
                name="This workspace"
                around={
                  <header className="topbar">
                    <Brand />
                    {switcher}
                  </header>
                }
              >
                <WorkspaceView
                  switcher={switcher}
                  onMessage={show}
                  guide={
                    guideOpen && (
                      <FirstRunGuide
                        isSample={currentRecord?.sample === true}
                        asked={guideAsked}
                        onStartWorkspace={() => setCreateSignal((n) => n + 1)}
                        onRemoveSample={() => {
                          const id = currentRecord?.id;
                          if (!id) return;
                          remove(id).then(
                            () => show('The sample workspace was removed from this computer.'),
                            (err: unknown) =>
                              show(err instanceof Error ? err.message : String(err)),
                          );
                        }}
                        onDismiss={dismissGuide}
                        onCompleted={completeGuide}
                      />
                    )
                  }
                />
              </ViewBoundary>
            </SyncProvider>
          </WorkspaceProvider>
        ) : (
          <>
            <header className="topbar">
              <Brand />
              {switcher}
            </header>
            <main className="main">
              {state.kind === 'loading' && state.preview && (
                <BoardPreview
                  preview={state.preview}
                  today={todayIso()}
                  onPainted={onPreviewPainted}
                />
              )}
              {state.kind === 'loading' && !state.preview && (
                <div className="center-state" role="status">
                  <span className="spinner" aria-hidden="true" /> Opening workspace…
                </div>
              )}
              {state.kind === 'error' && (
                <div className="center-state" role="alert">
                  <h1 className="empty-title">Something went wrong</h1>
                  <p>{state.message}</p>
                </div>
              )}
              {state.kind === 'none' && (
                <div className="center-state">
                  <div className="empty-card">
                    <Icon name="board" size={28} />
                    <h1 className="empty-title">No workspaces yet</h1>
                    <p>
                      A workspace is one brand’s board of micro-drops. Create one to plan your next
                      drops: {PLAYBOOK_SUMMARY}.
                    </p>
                    <div className="empty-actions">
                      <button
                        type="button"
                        className="button button-primary"
                        onClick={() => setCreateSignal((n) => n + 1)}
                      >
                        <Icon name="plus" size={14} /> Create a workspace
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => void create('Sample', 'the-sample')}
                      >
                        Open the sample
                      </button>
                    </div>
                    {recentlyLeft[0] && (
                      <p>
                        You left “{recentlyLeft[0].name}” recently: restore it from the workspace
                        menu until {removalDate(recentlyLeft[0].removeAt)}.
                      </p>
                    )}
                  </div>
                </div>
              )}
            </main>
          </>
        )}
        <Notice notice={notice} waiting={waiting} onDismiss={dismiss} onHold={hold} />
        {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      </div>
    </CommandsProvider>
  );
}
