import { useEffect, useId, type Ref } from 'react';
import { Field, messageId, type FieldProps } from './Field';
import { changedMeanwhile, useDraft } from './useDraft';

/**
 * A text field saved when it loses focus, on Enter (single line) or on Escape (which goes on
 * to close the panel or brief it is in: what was typed is kept; Ctrl/⌘+Z takes it back). `commit` returns false when the value was refused: the draft stays so nothing
 * typed is lost, and the form shows its message at the field.
 */
export function TextField(
  props: FieldProps & {
    value: string;
    commit: (value: string) => boolean;
    placeholder?: string;
    multiline?: boolean;
    rows?: number;
    type?: 'text' | 'email' | 'url';
    inputRef?: Ref<HTMLInputElement>;
    /**
     * Hears the words typed and not yet saved (null once there are none), for whoever must
     * keep them if the field goes from under the person (a teammate deleting its drop).
     */
    onUnsaved?: (draft: string | null) => void;
  },
) {
  const id = useId();
  const { value, commit, placeholder, multiline, rows = 3, disabled, error } = props;
  const { draft, setDraft, saving, theirs, started } = useDraft(value);
  const hint = theirs !== undefined ? changedMeanwhile(theirs, started) : props.hint;
  const { onUnsaved } = props;
  useEffect(() => onUnsaved?.(draft !== value ? draft : null), [onUnsaved, draft, value]);
  useEffect(() => () => onUnsaved?.(null), [onUnsaved]);
  const save = () => {
    if (draft === value) return;
    saving();
    commit(draft);
  };
  const common = {
    id,
    className: 'input',
    value: draft,
    placeholder,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': messageId(id, error, hint),
    onBlur: save,
  };
  return (
    <Field {...props} hint={hint} id={id}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={props.inputRef}
          type={props.type ?? 'text'}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            // Escape closes what the field is in (the drop panel, a brief): what was typed is kept.
            if (e.key === 'Escape') save();
          }}
        />
      )}
    </Field>
  );
}
