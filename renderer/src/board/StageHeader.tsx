import { useEffect, useRef, useState, type HTMLAttributes, type KeyboardEventHandler } from 'react';
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import type { Stage } from '../../../shared/model';
import { Icon } from '../ui/Icon';
import { useOutsidePointerDown } from '../ui/useOutsidePointerDown';
import { menuItems, menuKeyDown } from '../ui/menuKeys';

/**
 * A column's header: drag it (or its grip, with the keyboard) to reorder stages; rename it
 * inline; remove it from the menu. The menu has the keyboard of a menu button (`ui/menuKeys.ts`).
 */
export function StageHeader(props: {
  stage: Stage;
  count: string;
  readOnly: boolean;
  canRemove: boolean;
  dragAttributes: DraggableAttributes;
  dragListeners: DraggableSyntheticListeners;
  setActivatorRef: (el: HTMLElement | null) => void;
  onRename: (stageId: string, name: string) => string | null;
  onRemove: (stageId: string) => void;
}) {
  const { stage, count, readOnly, canRemove, dragAttributes, dragListeners } = props;
  const [editing, setEditing] = useState(false);
  // Closed, or open with focus on its first item or (↑ on the button) its last.
  const [menu, setMenu] = useState<false | 'first' | 'last'>(false);
  const menuOpen = menu !== false;
  const setMenuOpen = (open: boolean) => setMenu(open ? 'first' : false);
  const [name, setName] = useState(stage.name);
  const [error, setError] = useState<string | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Enter or Escape in the name field hands focus back to the stage's options button (the
  // field goes, and focus fell to the page); a click elsewhere keeps focus where it went.
  const refocusOptions = useRef(false);
  useEffect(() => {
    if (editing) inputRef.current?.select();
    else if (refocusOptions.current) buttonRef.current?.focus();
    refocusOptions.current = false;
  }, [editing]);
  useOutsidePointerDown(menuRef, menuOpen, () => setMenuOpen(false));
  useEffect(() => {
    if (!menu) return;
    const items = menuItems(listRef.current);
    (menu === 'last' ? items.at(-1) : items[0])?.focus();
  }, [menu]);

  const startEdit = () => {
    if (readOnly) return;
    setName(stage.name);
    setError(null);
    setEditing(true);
    setMenuOpen(false);
  };
  const commit = () => {
    if (name.trim() === stage.name) return setEditing(false);
    const message = props.onRename(stage.id, name);
    if (message) {
      setError(message);
      refocusOptions.current = false; // still editing: the field keeps focus
    } else setEditing(false);
  };

  // Only the mouse drags from anywhere on the header; the keyboard uses the grip button,
  // so Space in the rename field or on the menu button never picks the stage up.
  const pointerDown: HTMLAttributes<HTMLElement>['onPointerDown'] = (e) => {
    if ((e.target as Element).closest('button:not(.stage-grip), input, [role="menu"]')) return;
    dragListeners?.onPointerDown?.(e);
  };

  return (
    <header className="column-header" onPointerDown={readOnly ? undefined : pointerDown}>
      <button
        ref={props.setActivatorRef}
        type="button"
        className="stage-grip"
        {...dragAttributes}
        onKeyDown={dragListeners?.onKeyDown as KeyboardEventHandler | undefined}
        aria-label={`Move stage ${stage.name}`}
        aria-roledescription="sortable stage"
        disabled={readOnly}
      >
        <Icon name="grip" size={14} />
      </button>
      {editing ? (
        <div className="stage-rename">
          <input
            ref={inputRef}
            className="input input-compact"
            aria-label="Stage name"
            aria-invalid={error ? true : undefined}
            value={name}
            maxLength={40}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                // No keypress after it: it would press the options button focus moves to.
                e.preventDefault();
                refocusOptions.current = true;
                commit();
              }
              if (e.key === 'Escape') {
                e.stopPropagation();
                refocusOptions.current = true;
                setEditing(false);
              }
            }}
            onBlur={commit}
          />
          {error && <p className="field-error">{error}</p>}
        </div>
      ) : (
        <h2 className="column-title" onDoubleClick={startEdit} title={stage.name}>
          {stage.name}
        </h2>
      )}
      <span className="column-count" aria-hidden="true">
        {count}
      </span>
      <div className="menu-anchor" ref={menuRef}>
        <button
          ref={buttonRef}
          type="button"
          className="icon-button"
          aria-label={`Stage ${stage.name} options`}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          disabled={readOnly}
          onClick={() => setMenuOpen(!menuOpen)}
          onKeyDown={(e) => {
            // ↓ opens the menu as Enter does, ↑ on its last item.
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            setMenu(e.key === 'ArrowUp' ? 'last' : 'first');
          }}
        >
          <Icon name="more" />
        </button>
        {menuOpen && (
          <div
            ref={listRef}
            className="menu"
            role="menu"
            aria-label={`Stage ${stage.name}`}
            onKeyDown={(e) => menuKeyDown(e, buttonRef.current, () => setMenuOpen(false))}
          >
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={startEdit}
            >
              Rename stage
            </button>
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item is-danger"
              disabled={!canRemove}
              title={canRemove ? undefined : 'A board needs at least one stage.'}
              onClick={() => {
                setMenuOpen(false);
                props.onRemove(stage.id);
              }}
            >
              Remove stage…
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
