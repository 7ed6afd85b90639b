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
 * A plain message that comes meanwhile (a merged file's "Merged…", said just after the merge
 * deleted a drop changed here) shows for its time, then the offer comes back.
 */
export function useNotice() {
  const [state, setState] = useState<{ notice: NoticeState | null; offer: NoticeState | null }>({
    notice: null,
    offer: null,
  });
  const notice = state.notice;
  // While the person points at the message or has focus in it, it does not go away.
  const [held, setHeld] = useState(false);
  const wasHeld = useRef(false);
  const show = useCallback(
    (message: string, action?: NoticeAction) =>
      setState((s) => {
        const next = { id: Date.now(), message, action };
        if (action) return { notice: next, offer: null };
        // An offer still up waits under the message, and comes back after it.
        return { notice: next, offer: s.notice?.action ? s.notice : s.offer };
      }),
    [],
  );
  /** The message goes; an offer it covered comes back (a dismissed offer goes for good). */
  const dismiss = useCallback(
    () => setState((s) => ({ notice: s.notice?.action ? null : s.offer, offer: null })),
    [],
  );
  /** Dismisses a message about an edit (undone or redone now); an offer with an action stays. */
  const dismissAboutEdit = useCallback(
    () => setState((s) => (s.notice?.action ? s : { notice: s.offer, offer: null })),
    [],
  );
  /** Takes offers away (their workspace is no longer open), showing or waiting. */
  const dropOffers = useCallback(
    () => setState((s) => ({ notice: s.notice?.action ? null : s.notice, offer: null })),
    [],
  );
  useEffect(() => {
    if (!notice || notice.action) return;
    if (held) {
      wasHeld.current = true;
      return;
    }
    const ms = wasHeld.current ? AFTER_HOLD_MS : SHOW_MS;
    const t = setTimeout(
      () => setState((s) => (s.notice?.id === notice.id ? { notice: s.offer, offer: null } : s)),
      ms,
    );
    return () => clearTimeout(t);
  }, [notice, held]);
  useEffect(() => {
    wasHeld.current = false;
  }, [notice]);
  return { notice, show, dismiss, dismissAboutEdit, dropOffers, hold: setHeld };
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
