import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NoticeAction } from '../state';
import { Icon } from '../ui/Icon';

export interface NoticeState {
  id: number;
  message: string;
  action?: NoticeAction;
}

/** How long a message stays, and how long after the pointer or focus leaves it. */
const SHOW_MS = 6000;
const AFTER_HOLD_MS = 3000;

/**
 * One short message at a time (an edit that could not be made, a stage removed…). A message
 * with an action stays until it is used or dismissed: it offers to put back what would be lost.
 */
export function useNotice() {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  // While the person points at the message or has focus in it, it does not go away.
  const [held, setHeld] = useState(false);
  const wasHeld = useRef(false);
  const show = useCallback(
    (message: string, action?: NoticeAction) => setNotice({ id: Date.now(), message, action }),
    [],
  );
  const dismiss = useCallback(() => setNotice(null), []);
  /** Dismisses a message about an edit (undone or redone now); an offer with an action stays. */
  const dismissAboutEdit = useCallback(() => setNotice((n) => (n?.action ? n : null)), []);
  useEffect(() => {
    if (!notice || notice.action) return;
    if (held) {
      wasHeld.current = true;
      return;
    }
    const ms = wasHeld.current ? AFTER_HOLD_MS : SHOW_MS;
    const t = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), ms);
    return () => clearTimeout(t);
  }, [notice, held]);
  useEffect(() => {
    wasHeld.current = false;
  }, [notice]);
  return { notice, show, dismiss, dismissAboutEdit, hold: setHeld };
}

/**
 * The message strip at the bottom of the window. While a message shows, the app (and a brief
 * open over it) gives up the strip's height (`--notice-h`), so the message never covers what a
 * person reads or clicks; modal dialogs sit in the browser's top layer, above it.
 */
export function Notice(props: {
  notice: NoticeState | null;
  onDismiss: () => void;
  onHold?: (held: boolean) => void;
}) {
  const { notice, onDismiss, onHold } = props;
  const region = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = region.current;
    const root = document.documentElement;
    if (!el || !notice) {
      root.style.removeProperty('--notice-h');
      return;
    }
    const measure = () => root.style.setProperty('--notice-h', `${el.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--notice-h');
    };
  }, [notice]);
  useEffect(() => {
    if (!notice) onHold?.(false);
  }, [notice, onHold]);
  return (
    <div
      ref={region}
      className={notice ? 'notice-region is-showing' : 'notice-region'}
      role="status"
      aria-live="polite"
    >
      {notice && (
        <div
          className="notice"
          key={notice.id}
          onPointerEnter={() => onHold?.(true)}
          onPointerLeave={() => onHold?.(false)}
          onFocus={() => onHold?.(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onHold?.(false);
          }}
        >
          <span>{notice.message}</span>
          {notice.action && (
            <button
              type="button"
              className="button notice-action"
              onClick={() => {
                const { run } = notice.action!;
                onDismiss();
                run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
