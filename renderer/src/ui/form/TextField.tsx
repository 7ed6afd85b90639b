import { useId, type Ref } from 'react';
import { Field, messageId, type FieldProps } from './Field';
import { changedMeanwhile, useDraft } from './useDraft';

/**
 * A text field saved when it loses focus or on Enter (single line); Escape puts the stored
 * value back. `commit` returns false when the value was refused: the draft stays so nothing
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
  },
) {
  const id = useId();
  const { value, commit, placeholder, multiline, rows = 3, disabled, error } = props;
  const { draft, setDraft, reset, saving, theirs, started } = useDraft(value);
  const hint = theirs !== undefined ? changedMeanwhile(theirs, started) : props.hint;
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
            if (e.key === 'Escape') reset();
          }}
        />
      )}
    </Field>
  );
}
