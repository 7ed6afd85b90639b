import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NoticeAction } from '../state';
import { Icon } from '../ui/Icon';
import {
  dropEditNotice,
  dropOffers,
  EMPTY_NOTICES,
  nextNotice,
  showNotice,
  type NoticeState,
} from './noticeQueue';

export type { NoticeState } from './noticeQueue';

/** How long a message stays, and how long after the pointer or focus leaves it. */
const SHOW_MS = 6000;
const AFTER_HOLD_MS = 3000;

/**
 * One short message at a time (an edit that could not be made, a stage removed…). A message
 * with an action stays until it is used or dismissed: it offers to put back what would be lost.
 * A plain message that comes meanwhile (a merged file's "Merged…", said just after the merge
 * deleted a drop changed here) shows for its time, then the offer comes back; a second offer
 * waits behind the first (noticeQueue.ts).
 */
export function useNotice() {
  const [queue, setQueue] = useState(EMPTY_NOTICES);
  const notice = queue.current;
  // While the person points at the message or has focus in it, it does not go away.
  const [held, setHeld] = useState(false);
  const wasHeld = useRef(false);
  const lastId = useRef(0);
  const show = useCallback((message: string, action?: NoticeAction) => {
    // Distinct even for two messages within a millisecond: a timer ends only its own message.
    const id = (lastId.current = Math.max(Date.now(), lastId.current + 1));
    setQueue((q) => showNotice(q, { id, message, action }));
  }, []);
  /** The message goes; an offer it covered, or the next offer, comes back. */
  const dismiss = useCallback(() => setQueue(nextNotice), []);
  /** Dismisses a message about an edit (undone or redone now); an offer with an action stays. */
  const dismissAboutEdit = useCallback(() => setQueue(dropEditNotice), []);
  /** Takes offers away (their workspace is no longer open), showing or waiting. */
  const dropAllOffers = useCallback(() => setQueue(dropOffers), []);
  useEffect(() => {
    if (!notice || notice.action) return;
    if (held) {
      wasHeld.current = true;
      return;
    }
    const ms = wasHeld.current ? AFTER_HOLD_MS : SHOW_MS;
    const t = setTimeout(
      () => setQueue((q) => (q.current?.id === notice.id ? nextNotice(q) : q)),
      ms,
    );
    return () => clearTimeout(t);
  }, [notice, held]);
  useEffect(() => {
    wasHeld.current = false;
  }, [notice]);
  const waiting = queue.waiting.filter((n) => n.action).length;
  return {
    notice,
    waiting,
    show,
    dismiss,
    dismissAboutEdit,
    dropOffers: dropAllOffers,
    hold: setHeld,
  };
}

/**
 * The message strip at the bottom of the window. While a message shows, the app (and a brief
 * open over it) gives up the strip's height (`--notice-h`), so the message never covers what a
 * person reads or clicks; modal dialogs sit in the browser's top layer, above it.
 */
export function Notice(props: {
  notice: NoticeState | null;
  /** Offers waiting behind this message (said, so none goes unseen). */
  waiting?: number;
  onDismiss: () => void;
  onHold?: (held: boolean) => void;
}) {
  const { notice, waiting = 0, onDismiss, onHold } = props;
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
          {waiting > 0 && (
            <span className="notice-more" data-testid="notice-more">
              {waiting === 1 ? '1 more after this' : `${waiting} more after this`}
            </span>
          )}
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
