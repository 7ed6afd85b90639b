import { useEffect, useId, useState, type ReactNode } from 'react';

/** A draft that follows the stored value until the person starts typing. */
export function useDraft<T>(value: T): [T, (v: T) => void, () => void] {
  const [draft, setDraft] = useState(value);
  const [source, setSource] = useState(value);
  // A new stored value (undo, a peer's edit) replaces the draft.
  if (source !== value) {
    setSource(value);
    setDraft(value);
  }
  return [draft, setDraft, () => setDraft(value)];
}

/** Label, control and the field's message, wired for assistive tech. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
  wide?: boolean;
}) {
  const id = useId();
  const msgId = `${id}-msg`;
  const { label, error, hint, children, wide } = props;
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy: error || hint ? msgId : undefined })}
      {error ? (
        <p className="field-error" id={msgId} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="hint" id={msgId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Focus the first control once when `key` changes (opening another drop). */
export function useFocusOnChange(key: string, ref: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.focus();
  }, [key, ref]);
}
