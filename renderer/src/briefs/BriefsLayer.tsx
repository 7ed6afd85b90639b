import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { STATUS_LABELS } from '../../../shared/brief';
import type { DropId } from '../../../shared/model';
import { useOpenWorkspace } from '../state';
import { useOptionalSync } from '../state/SyncContext';
import { BriefEditor } from './BriefEditor';
import { CreatorDirectory } from './creators/CreatorDirectory';
import { TemplateEditor } from './TemplateEditor';
import type { PresenceUser } from './editor/BriefBodyEditor';
import { useBriefState } from './useBriefState';

// Which brief view is open: session state (not in the document), shared by the buttons that
// open a view and the one layer that shows it.
type Open =
  | { kind: 'none' }
  | { kind: 'brief'; dropId: DropId }
  | { kind: 'creators'; back: DropId | null }
  | { kind: 'template'; back: DropId | null };
let open: Open = { kind: 'none' };
const listeners = new Set<() => void>();
function setOpen(next: Open) {
  open = next;
  for (const l of [...listeners]) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Opens a drop's brief editor. */
export const openBrief = (dropId: DropId) => setOpen({ kind: 'brief', dropId });
/** Opens the creator directory. */
export const openCreators = () =>
  setOpen({ kind: 'creators', back: open.kind === 'brief' ? open.dropId : null });

/** Opens the workspace's brief template. */
export const openTemplate = () =>
  setOpen({ kind: 'template', back: open.kind === 'brief' ? open.dropId : null });

/** Renders the open brief editor or creator directory over the workspace view. */
export function BriefsLayer(props: {
  onMessage: (message: string) => void;
  awareness?: Awareness | null;
  user?: PresenceUser;
}) {
  const ws = useOpenWorkspace();
  const current = useSyncExternalStore(subscribe, () => open);
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
  const close = useCallback(() => setOpen({ kind: 'none' }), []);
  if (current.kind === 'brief') {
    return (
      <BriefEditor
        key={current.dropId}
        doc={ws.doc}
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
        doc={ws.doc}
        onMessage={props.onMessage}
        onClose={() => setOpen(back ? { kind: 'brief', dropId: back } : { kind: 'none' })}
      />
    );
  }
  if (current.kind === 'template') {
    const back = current.back;
    return (
      <TemplateEditor
        doc={ws.doc}
        onMessage={props.onMessage}
        onClose={() => setOpen(back ? { kind: 'brief', dropId: back } : { kind: 'none' })}
      />
    );
  }
  return null;
}

/** "Brief" button for the drop panel, with the brief's status. */
export function BriefButton({ dropId }: { dropId: DropId }) {
  const ws = useOpenWorkspace();
  const state = useBriefState(ws.doc, dropId);
  const status = state?.status ?? 'draft';
  return (
    <button
      type="button"
      className="button"
      data-testid="open-brief"
      onClick={() => openBrief(dropId)}
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
