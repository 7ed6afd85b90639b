import { useCallback, useEffect, useState } from 'react';
import { Icon } from '../ui/Icon';

export interface NoticeState {
  id: number;
  message: string;
}

/** One short message at a time (an edit that could not be made, a stage removed…). */
export function useNotice() {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const show = useCallback((message: string) => setNotice({ id: Date.now(), message }), []);
  const dismiss = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), 6000);
    return () => clearTimeout(t);
  }, [notice]);
  return { notice, show, dismiss };
}

export function Notice(props: { notice: NoticeState | null; onDismiss: () => void }) {
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {props.notice && (
        <div className="notice" key={props.notice.id}>
          <span>{props.notice.message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={props.onDismiss}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
