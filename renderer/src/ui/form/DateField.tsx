import { useId, useState } from 'react';
import { Field, messageId, type FieldProps } from './Field';
import { dateEntryMessage, readDateEntry } from './dateEntry';
import { useDraft } from './useDraft';

/**
 * A date saved only once it is complete: as soon as the box holds a real day in a plausible
 * year, or on blur / Enter. Keystrokes in between (year 0002, 0020, 0202) stay in the box and
 * never reach the document, so teammates see one change and the order of dates is checked once.
 * A refused date stays in the box with the form's message beside it.
 */
export function DateField(
  props: FieldProps & {
    value: string | null;
    commit: (value: string | null) => boolean;
  },
) {
  const id = useId();
  const { value, commit, disabled, error, hint } = props;
  const { draft, setDraft, saving } = useDraft(value ?? '');
  // A message about the entry itself (half typed, year out of range), shown until it changes.
  const [entryError, setEntryError] = useState<string | null>(null);

  const send = (next: string | null) => {
    setEntryError(null);
    if (next === value) return;
    saving();
    commit(next);
  };
  const settle = (input: HTMLInputElement) => {
    const entry = readDateEntry(input.value, input.validity.badInput);
    if (entry.kind === 'date') send(entry.iso);
    else if (entry.kind === 'empty') send(null);
    else setEntryError(dateEntryMessage(entry));
  };
  const shown = entryError ?? error;
  return (
    <Field {...props} id={id} error={shown ?? undefined}>
      <input
        id={id}
        type="date"
        className="input"
        value={draft}
        disabled={disabled}
        aria-invalid={shown ? true : undefined}
        aria-describedby={messageId(id, shown, hint)}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          setEntryError(null);
          // A whole, plausible date is saved at once.
          const entry = readDateEntry(next, e.target.validity.badInput);
          if (entry.kind === 'date') send(entry.iso);
        }}
        onBlur={(e) => settle(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') settle(e.currentTarget);
        }}
      />
    </Field>
  );
}
