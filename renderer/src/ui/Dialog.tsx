import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus is trapped, Escape cancels, and the
 * rest of the app is inert while it is open.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  onSubmit?: () => void;
}) {
  const { title, onClose, children, actions, onSubmit } = props;
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id: a dialog opened over another (a creator's form over the directory) is named
  // by its own title, not by the first "dialog-title" on the page.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        // The app checks its own fields and says why at each: the browser's own checks of an
        // email or url box showed only a tooltip, beside the app's messages.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </form>
    </dialog>
  );
}
