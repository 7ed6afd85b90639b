import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { WorkspaceSnapshot } from '../../../shared/store/workspaceStore';
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
 * The selector must return something from the snapshot (not a new object each call).
 */
export function useWorkspace<T>(selector: (snapshot: WorkspaceSnapshot) => T): T {
  const { store } = useCtx().ws;
  return useSyncExternalStore(store.subscribe, () => selector(store.getSnapshot()));
}

export function useBoardActions(): BoardActions {
  return useCtx().actions;
}

export function useOpenWorkspace(): OpenWorkspace {
  return useCtx().ws;
}
