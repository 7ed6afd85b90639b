import { useEffect } from 'react';

/**
 * Escape closes a brief view wherever focus is inside it (a text field, the brief's text),
 * keeping what was typed in the field it leaves:
 * listened to before any field sees the key, so nothing under the view (the drop panel) acts
 * on it too. A control that uses Escape itself (the link field) carries `data-own-escape`;
 * a native dialog open over the view takes its Escape first.
 */
export function useEscapeToClose(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.target instanceof Element && e.target.closest('[data-own-escape]')) return;
      e.preventDefault();
      // The field being typed in saves on blur: blurred first, what was typed is kept (closing
      // took it away unsaved).
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
}
