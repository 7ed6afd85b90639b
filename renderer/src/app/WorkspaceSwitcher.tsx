import { useEffect, useMemo, useRef, useState } from 'react';
import { workspaceNameSchema } from '../../../shared/model';
import { isNameTaken } from '../workspace';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import type { LeftWorkspace, WorkspaceRecord } from '../workspace';
import type { StartFrom } from './useWorkspaces';
import { removalDate } from '../sync/ui/leaveLoss';
import { useOutsidePointerDown } from '../ui/useOutsidePointerDown';
import { menuItems, menuKeyDown } from '../ui/menuKeys';

type Pending =
  | { kind: 'create' }
  | { kind: 'rename'; record: WorkspaceRecord }
  | { kind: 'delete'; record: WorkspaceRecord }
  | null;

/** Lists workspaces; creates, renames, switches and deletes them. */
export function WorkspaceSwitcher(props: {
  records: WorkspaceRecord[];
  currentId: string | null;
  /** Above 0: open the New workspace dialog (menu, guide, empty start), then call `onCreateSignalSeen`. */
  createSignal: number;
  onCreateSignalSeen: () => void;
  onOpen: (id: string) => void;
  onCreate: (name: string, from: StartFrom) => void;
  onRename: (id: string, name: string) => void;
  onDelete: (id: string) => void;
  /** Workspaces left on this computer that can still be restored. */
  recentlyLeft: LeftWorkspace[];
  onRestore: (id: string) => void;
}) {
  const { records, currentId, createSignal } = props;
  // Closed, or open with focus on the open workspace's item (or the first), or on the last.
  const [menu, setMenu] = useState<false | 'current' | 'last'>(false);
  const menuOpen = menu !== false;
  const setMenuOpen = (open: boolean) => setMenu(open ? 'current' : false);
  const [pending, setPending] = useState<Pending>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const current = records.find((r) => r.id === currentId) ?? null;
  const details = useMemo(() => tellApart(records), [records]);

  const { onCreateSignalSeen } = props;
  useEffect(() => {
    if (createSignal === 0) return;
    setPending({ kind: 'create' });
    // Seen once: a switcher mounted later (another workspace opening) must not reopen it.
    onCreateSignalSeen();
  }, [createSignal, onCreateSignalSeen]);
  useOutsidePointerDown(anchor, menuOpen, () => setMenuOpen(false));
  useEffect(() => {
    if (!menu) return;
    const items = menuItems(menuRef.current);
    const open = items.find((el) => el.getAttribute('aria-checked') === 'true');
    (menu === 'last' ? items.at(-1) : (open ?? items[0]))?.focus();
  }, [menu]);

  const choose = (p: Pending) => {
    setMenuOpen(false);
    setPending(p);
  };

  return (
    <div className="switcher" ref={anchor}>
      <button
        type="button"
        className="switcher-button"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        aria-label={current ? `Workspace: ${current.name}. Switch workspace` : 'Workspaces'}
        ref={buttonRef}
        onClick={() => setMenuOpen(!menuOpen)}
        onKeyDown={(e) => {
          // ↓ opens the menu as Enter does, ↑ on its last item.
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          setMenu(e.key === 'ArrowUp' ? 'last' : 'current');
        }}
      >
        <span className="switcher-mark" aria-hidden="true">
          {(current?.name ?? 'C').slice(0, 1).toUpperCase()}
        </span>
        <span className="switcher-name">{current?.name ?? 'No workspace'}</span>
        <Icon name="chevron" size={14} />
      </button>
      {menuOpen && (
        <div
          ref={menuRef}
          className="menu switcher-menu"
          role="menu"
          aria-label="Workspaces"
          onKeyDown={(e) => menuKeyDown(e, buttonRef.current, () => setMenuOpen(false))}
        >
          <p className="menu-label">Workspaces</p>
          {records.map((r) => (
            <button
              key={r.id}
              type="button"
              role="menuitemradio"
              aria-checked={r.id === currentId}
              aria-description={r.sample ? 'Sample workspace' : undefined}
              className="menu-item"
              tabIndex={-1}
              onClick={() => {
                setMenuOpen(false);
                if (r.id !== currentId) props.onOpen(r.id);
              }}
            >
              <span className="menu-check">
                {r.id === currentId && <Icon name="check" size={14} />}
              </span>
              <span className="switcher-entry">
                <span>
                  {r.name}
                  {/* Not part of the item's name: a workspace is found by its name alone. */}
                  {r.sample && (
                    <span className="tag switcher-tag" aria-hidden="true">
                      Sample
                    </span>
                  )}
                </span>
                {details.has(r.id) && <span className="switcher-detail">{details.get(r.id)}</span>}
              </span>
            </button>
          ))}
          <hr className="menu-sep" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="menu-item"
            onClick={() => choose({ kind: 'create' })}
          >
            <span className="menu-check">
              <Icon name="plus" size={14} />
            </span>
            New workspace…
          </button>
          {props.recentlyLeft.length > 0 && (
            <>
              <hr className="menu-sep" />
              <p className="menu-label">Recently left</p>
              {props.recentlyLeft.map((w) => (
                <button
                  key={w.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item menu-item-two-line"
                  onClick={() => {
                    setMenuOpen(false);
                    props.onRestore(w.id);
                  }}
                >
                  <span className="menu-check">
                    <Icon name="undo" size={14} />
                  </span>
                  <span>
                    Restore “{w.name}”
                    <span className="menu-item-note">Removed on {removalDate(w.removeAt)}</span>
                  </span>
                </button>
              ))}
            </>
          )}
          {current && (
            <>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                onClick={() => choose({ kind: 'rename', record: current })}
              >
                <span className="menu-check" />
                Rename “{current.name}”…
              </button>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item is-danger"
                onClick={() => choose({ kind: 'delete', record: current })}
              >
                <span className="menu-check" />
                Delete “{current.name}”…
              </button>
            </>
          )}
        </div>
      )}
      {pending?.kind === 'create' && (
        <NameDialog
          title="New workspace"
          submitLabel="Create workspace"
          initial=""
          taken={props.records.map((r) => r.name)}
          chooseStart
          onClose={() => setPending(null)}
          onSubmit={(name, from) => {
            setPending(null);
            props.onCreate(name, from);
          }}
        />
      )}
      {pending?.kind === 'rename' && (
        <NameDialog
          title="Rename workspace"
          submitLabel="Rename"
          initial={pending.record.name}
          taken={props.records.filter((r) => r.id !== pending.record.id).map((r) => r.name)}
          onClose={() => setPending(null)}
          onSubmit={(name) => {
            setPending(null);
            props.onRename(pending.record.id, name);
          }}
        />
      )}
      {pending?.kind === 'delete' && (
        <Dialog
          title={`Delete “${pending.record.name}”?`}
          onClose={() => setPending(null)}
          onSubmit={() => {
            setPending(null);
            props.onDelete(pending.record.id);
          }}
          actions={
            <>
              <button type="button" className="button" onClick={() => setPending(null)}>
                Cancel
              </button>
              <button type="submit" className="button button-danger" autoFocus>
                Delete workspace
              </button>
            </>
          }
        >
          <p>
            Every drop, stage and brief in <strong>{pending.record.name}</strong> is removed from
            this computer, with its results (recorded facts, imported orders and events) and its
            History snapshots. This cannot be undone. Teammates who share it keep their copy.
          </p>
        </Dialog>
      )}
    </div>
  );
}

function NameDialog(props: {
  title: string;
  submitLabel: string;
  initial: string;
  /** The other workspaces' names: two of one name could not be told apart in this list. */
  taken: readonly string[];
  /** Offers to start from an empty board or from the sample's drops. */
  chooseStart?: boolean;
  onClose: () => void;
  onSubmit: (name: string, from: StartFrom) => void;
}) {
  const [name, setName] = useState(props.initial);
  const [from, setFrom] = useState<StartFrom>('empty');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      onSubmit={() => {
        const checked = workspaceNameSchema().safeParse(name);
        if (!checked.success)
          return setError(checked.error.issues[0]?.message ?? 'Check the name.');
        if (isNameTaken(checked.data, props.taken))
          return setError(
            `Another workspace here is called “${checked.data}”: choose another name.`,
          );
        props.onSubmit(checked.data, from);
      }}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            {props.submitLabel}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          autoFocus
          value={name}
          maxLength={60}
          placeholder="e.g. Saltmarsh Studio"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'ws-name-error' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <span className="field-error" id="ws-name-error" role="alert">
            {error}
          </span>
        )}
      </label>
      {props.chooseStart && (
        <fieldset className="start-choice">
          <legend className="field-label">Start with</legend>
          <label className="start-option">
            <input
              type="radio"
              name="start-from"
              checked={from === 'empty'}
              onChange={() => setFrom('empty')}
            />
            <span>
              <strong>An empty board</strong>
              <span className="start-option-note">
                The playbook’s stages, ready for your first drop.
              </span>
            </span>
          </label>
          <label className="start-option">
            <input
              type="radio"
              name="start-from"
              checked={from === 'sample'}
              onChange={() => setFrom('sample')}
            />
            <span>
              <strong>A copy of the sample</strong>
              <span className="start-option-note">
                The sample’s drops and creators, yours to change.
              </span>
            </span>
          </label>
        </fieldset>
      )}
    </Dialog>
  );
}

const shortDate = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * A second line for workspaces that share a name with another one here (a joined copy beside
 * this computer's own sample, say): where each came from and when.
 */
function tellApart(records: readonly WorkspaceRecord[]): Map<string, string> {
  const count = new Map<string, number>();
  const key = (name: string) => name.trim().toLocaleLowerCase();
  for (const r of records) count.set(key(r.name), (count.get(key(r.name)) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const r of records) {
    if ((count.get(key(r.name)) ?? 0) < 2) continue;
    out.set(
      r.id,
      r.joined
        ? `Joined${r.joined.from ? ` from ${r.joined.from}` : ''} · ${shortDate(r.joined.at)}`
        : `Made on this computer · ${shortDate(r.createdAt)}`,
    );
  }
  return out;
}
