import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

/** A dialog whose one action closes it: what it holds acts on its own. */
export function DismissDialog(props: {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { title, closeLabel, onClose, children } = props;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          {closeLabel}
        </button>
      }
    >
      {children}
    </Dialog>
  );
}
