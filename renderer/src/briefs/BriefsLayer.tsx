import { lazy, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { STATUS_LABELS } from '../../../shared/brief';
import type { DropId } from '../../../shared/model';
import type { BriefView } from '../../../shared/store/workspaceStore';
import { useBriefState, useBriefView, useOpenWorkspace } from '../state';
import { useOptionalSync } from '../state/SyncContext';
import { moveFocusForSwitch, rememberInnerOpener } from './returnFocus';
import type { PresenceAwareness, PresenceUser } from './editor/BriefBodyEditor';

// The editors load when first opened: the brief editor brings TipTap and ProseMirror, which
// nothing on the board needs.
const BriefEditor = lazy(() => import('./BriefEditor').then((m) => ({ default: m.BriefEditor })));
const CreatorDirectory = lazy(() =>
  import('./creators/CreatorDirectory').then((m) => ({ default: m.CreatorDirectory })),
);
const TemplateEditor = lazy(() =>
  import('./TemplateEditor').then((m) => ({ default: m.TemplateEditor })),
);

/** Loads the editors in the background (the workspace view calls it once the board is idle). */
export function preloadBriefEditors(): void {
  void import('./BriefEditor').catch(() => undefined);
  void import('./creators/CreatorDirectory').catch(() => undefined);
  void import('./TemplateEditor').catch(() => undefined);
}

// Which brief view is open is session state of the workspace's store (not in the document),
// shared by the buttons that open a view and the one layer that shows it.
const briefOf = (view: BriefView) => (view.kind === 'brief' ? view.dropId : null);

/** Renders the open brief editor or creator directory over the workspace view. */
export function BriefsLayer(props: {
  onMessage: (message: string) => void;
  awareness?: PresenceAwareness | null;
  user?: PresenceUser;
}) {
  const ws = useOpenWorkspace();
  const [current, setOpen] = useBriefView();
  const openCreators = () => {
    rememberInnerOpener();
    setOpen({ kind: 'creators', back: briefOf(current) });
  };
  const openTemplate = () => {
    rememberInnerOpener();
    setOpen({ kind: 'template', back: briefOf(current) });
  };
  // Focus goes back to what opened a view when it closes (returnFocus.ts).
  const shownKind = useRef(current.kind);
  useLayoutEffect(() => {
    moveFocusForSwitch(shownKind.current, current.kind);
    shownKind.current = current.kind;
  }, [current.kind]);
  // Carets come from the sync layer's presence when it runs; props win (tests, benchmarks).
  const sync = useOptionalSync();
  const awareness = props.awareness ?? sync?.awareness ?? null;
  const syncName = sync?.displayUser.name;
  const syncColour = sync?.displayUser.colour;
  const syncUser = useMemo(
    () => (syncName && syncColour ? { name: syncName, color: syncColour } : undefined),
    [syncName, syncColour],
  );
  const user = props.user ?? syncUser;
  const close = useCallback(() => setOpen({ kind: 'none' }), [setOpen]);
  if (current.kind === 'brief') {
    return (
      <BriefEditor
        key={current.dropId}
        workspaceId={ws.id}
        dropId={current.dropId}
        onClose={close}
        onMessage={props.onMessage}
        onOpenCreators={openCreators}
        onOpenTemplate={openTemplate}
        awareness={awareness}
        {...(user ? { user } : {})}
      />
    );
  }
  if (current.kind === 'creators') {
    const back = current.back;
    return (
      <CreatorDirectory
        onMessage={props.onMessage}
        onClose={() => setOpen(back ? { kind: 'brief', dropId: back } : { kind: 'none' })}
      />
    );
  }
  if (current.kind === 'template') {
    const back = current.back;
    return (
      <TemplateEditor
        onMessage={props.onMessage}
        onClose={() => setOpen(back ? { kind: 'brief', dropId: back } : { kind: 'none' })}
      />
    );
  }
  return null;
}

/** "Brief" button for the drop panel, with the brief's status. */
export function BriefButton({ dropId }: { dropId: DropId }) {
  const { store } = useOpenWorkspace();
  const state = useBriefState(dropId);
  const status = state?.status ?? 'draft';
  return (
    <button
      type="button"
      className="button"
      data-testid="open-brief"
      onClick={() => store.briefView.set({ kind: 'brief', dropId })}
      title={`Creator brief: ${STATUS_LABELS[status]}`}
    >
      Brief
      <span className={`brief-status brief-status-${status} brief-status-small`}>
        {status === 'changed' ? 'Changed' : STATUS_LABELS[status]}
        {state?.sent && (status === 'sent' || status === 'changed')
          ? ` v${state.sent.version}`
          : ''}
      </span>
    </button>
  );
}

/** "Creators" button for the app header. */
export function CreatorsButton() {
  const { store } = useOpenWorkspace();
  const openCreators = () =>
    store.briefView.set({ kind: 'creators', back: briefOf(store.briefView.get()) });
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={openCreators}
      title="Creator directory"
    >
      Creators
    </button>
  );
}
