import { useId } from 'react';
import { Field, messageId, type FieldProps } from './Field';
import { changedMeanwhile, useDraft } from './useDraft';
import { readNumber } from './readNumber';

/**
 * A number field saved on blur, Enter or Escape (as a text field). Empty or non-numeric input is sent as NaN so the
 * form's validation can say why (or null when `allowEmpty`). Decimals are read as amounts are
 * written (`1,200`, `1.200,50`, `12,5`, `€ 12`); whole numbers as digits only.
 */
export function NumberField(
  props: FieldProps & {
    value: number | null;
    commit: (value: number | null) => boolean;
    placeholder?: string;
    /** A unit shown after the box ("days", "EUR"). */
    suffix?: string;
    allowEmpty?: boolean;
    /** Whole numbers bring up a keypad without a decimal point on touch screens. */
    whole?: boolean;
  },
) {
  const id = useId();
  const { value, commit, placeholder, suffix, disabled, error, allowEmpty } = props;
  const stored = value === null ? '' : String(value);
  const { draft, setDraft, saving, theirs, started } = useDraft(stored);
  const hint = theirs !== undefined ? changedMeanwhile(theirs, started) : props.hint;
  const save = () => {
    if (draft === stored) return;
    saving();
    if (draft.trim() === '' && allowEmpty) commit(null);
    else commit(readNumber(draft, props.whole === true));
  };
  const input = (
    <input
      id={id}
      className="input"
      inputMode={props.whole ? 'numeric' : 'decimal'}
      value={draft}
      placeholder={placeholder}
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={messageId(id, error, hint)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        // Escape closes what the field is in (the drop panel, a brief): what was typed is kept.
        if (e.key === 'Escape') save();
      }}
    />
  );
  return (
    <Field {...props} hint={hint} id={id}>
      {suffix ? (
        <div className="input-with-suffix">
          {input}
          <span className="suffix">{suffix}</span>
        </div>
      ) : (
        input
      )}
    </Field>
  );
}
