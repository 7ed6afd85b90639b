import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { BriefState } from '../../../shared/brief';
import type { DropId } from '../../../shared/model';
import type { DropResults } from '../../../shared/results';
import type { Source } from '../../../shared/store/atom';
import type { ResultsSnapshot } from '../../../shared/store/resultsSource';
import type { BriefView, WorkspaceSnapshot } from '../../../shared/store/workspaceStore';
import type { OpenWorkspace } from '../workspace';
import { makeActions, type BoardActions } from './actions';

interface WorkspaceContextValue {
  ws: OpenWorkspace;
  actions: BoardActions;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

/** Provides the open workspace and its actions to the views. */
export function WorkspaceProvider(props: {
  ws: OpenWorkspace;
  onError: (message: string) => void;
  children: ReactNode;
}) {
  const { ws, onError, children } = props;
  const value = useMemo(() => ({ ws, actions: makeActions(ws, onError) }), [ws, onError]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

function useCtx(): WorkspaceContextValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace needs an open workspace (WorkspaceProvider).');
  return ctx;
}

/**
 * Reads part of the open workspace and re-renders only when that part changes.
 * The selector must return something from the snapshot (not a new object each call): in
 * development and tests the store throws `UnstableSelectorError` for one that does not.
 */
export function useWorkspace<T>(selector: (snapshot: WorkspaceSnapshot) => T): T {
  const { store } = useCtx().ws;
  const get = () => store.select(selector);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Reads a value of the store that can change (tldraw's `useValue`), re-rendering on change. */
export function useValue<T>(source: Source<T>): T {
  return useSyncExternalStore(source.subscribe, source.get, source.get);
}

/** A brief's state (fields, rich text, status, changes since sent), kept current. */
export function useBriefState(dropId: DropId): BriefState | null {
  const { store } = useCtx().ws;
  return useValue(useMemo(() => store.brief(dropId), [store, dropId]));
}

/** The open workspace's results (recomputed only after a change the results read). */
export function useResults(): ResultsSnapshot {
  return useValue(useCtx().ws.store.results);
}

/**
 * The open workspace's results for a reader that can wait for them: null until they are
 * computed, a slice at a time with `pause` between (`ResultsSource.warm`), then as
 * `useResults`. The board's Review cards read them so, so that a large workspace's first
 * computation never holds the window just after its board has painted.
 */
export function useResultsWhenReady(pause: () => Promise<void>): ResultsSnapshot | null {
  const { results } = useCtx().ws.store;
  const [ready, setReady] = useState(() => results.isComputed());
  useEffect(() => {
    if (ready) return;
    let live = true;
    // A failure to compute shows where `get` is called, as without the warm-up.
    void results
      .warm(pause)
      .catch(() => undefined)
      .then(() => {
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, [ready, results, pause]);
  const get = useCallback(() => (ready ? results.get() : null), [ready, results]);
  return useSyncExternalStore(results.subscribe, get, get);
}

/**
 * One drop's results (undefined without a brief). The same object while nothing it is computed
 * from changed, so a component re-renders only when that drop's numbers moved.
 */
export function useDropResults(dropId: string): DropResults | undefined {
  const { results } = useCtx().ws.store;
  const get = () => results.get().results.get(dropId);
  return useSyncExternalStore(results.subscribe, get, get);
}

/** Which brief view is open, and the way to open another. */
export function useBriefView(): [BriefView, (next: BriefView) => void] {
  const { store } = useCtx().ws;
  const view = useValue(store.briefView);
  return [view, useMemo(() => (next: BriefView) => store.briefView.set(next), [store])];
}

export function useBoardActions(): BoardActions {
  return useCtx().actions;
}

export function useOpenWorkspace(): OpenWorkspace {
  return useCtx().ws;
}
