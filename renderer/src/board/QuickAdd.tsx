import { useEffect, useRef, useState } from 'react';
import { Icon } from '../ui/Icon';

/** "Add drop" at the foot of a column: Enter creates and keeps the field open for the next. */
export function QuickAdd(props: {
  stageName: string;
  disabled: boolean;
  openSignal: number;
  onCreate: (title: string) => boolean;
}) {
  const { stageName, disabled, openSignal, onCreate } = props;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // The "new drop" command (Ctrl/Cmd+N, menu) opens the field in this column.
  useEffect(() => {
    if (openSignal > 0 && !disabled) setOpen(true);
  }, [openSignal, disabled]);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open, openSignal]);

  const close = () => {
    setOpen(false);
    setTitle('');
    setError(null);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  if (!open) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="quick-add-button"
        aria-label={`Add drop to ${stageName}`}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        <Icon name="plus" size={14} /> Add drop
      </button>
    );
  }
  return (
    <div className="quick-add">
      <input
        ref={inputRef}
        className="input"
        placeholder="Drop title"
        aria-label={`New drop title in ${stageName}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `qa-err-${stageName}` : undefined}
        value={title}
        maxLength={120}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (!title.trim()) {
              setError('Give the drop a title.');
              return;
            }
            if (onCreate(title.trim())) setTitle('');
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
        onBlur={() => {
          if (!title.trim()) close();
        }}
      />
      {error ? (
        <p className="field-error" id={`qa-err-${stageName}`}>
          {error}
        </p>
      ) : (
        <p className="hint">Enter to add · Esc to close</p>
      )}
    </div>
  );
}
