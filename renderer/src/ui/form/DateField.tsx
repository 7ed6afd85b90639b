import { useId, useRef, useState } from 'react';
import { useSettleOnLeave } from './useSettleOnLeave';
import { Field, messageId, type FieldProps } from './Field';
import { dateEntryMessage, readDateEntry } from './dateEntry';
import { useDraft } from './useDraft';

/** The year of a date box's value ("2027" of "2027-01-15"), "" when it holds none. */
const yearOf = (value: string) => value.slice(0, Math.max(0, value.length - 6));

/**
 * A date saved only once it is complete: as soon as its year is typed (a real day in a
 * plausible year), when it is picked, or on blur, Enter or Escape. Keystrokes in between (year 0002,
 * 0020, 0202) stay in the box and never reach the document, so teammates see one change and
 * the order of dates is checked once. Typing over a saved date makes a complete day at each
 * digit of its month and day (01/30, 01/01, 01/15 on the way to 01/15/2027): those wait for
 * the year, or for Enter, Escape or blur when only the month or day changes.
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
  // A key is down in the box: the change it makes is typing, not a day picked from the popup.
  // The last value the box showed that was not blank (a half-typed date reads as "").
  const lastShown = useRef(draft);

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
  const { keyDown, handlers } = useSettleOnLeave(settle);
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
          const before = draft !== '' ? draft : lastShown.current;
          if (next !== '') lastShown.current = next;
          setDraft(next);
          setEntryError(null);
          // A whole, plausible date is saved at once when picked or when its year was just
          // typed; a month or day typed over a saved date waits for Enter, Escape or blur.
          const entry = readDateEntry(next, e.target.validity.badInput);
          const typed = keyDown.current;
          if (entry.kind === 'date' && (!typed || yearOf(next) !== yearOf(before))) {
            send(entry.iso);
          }
        }}
        {...handlers}
      />
    </Field>
  );
}
