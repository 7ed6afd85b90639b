import { useId, useState } from 'react';
import { useSettleOnLeave } from './useSettleOnLeave';
import { Field, messageId, type FieldProps } from './Field';
import { useDraft } from './useDraft';

/** 14:30 written the way this locale's time boxes show times ("2:30 PM", "14:30"). */
function exampleTime(locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(2026, 2, 14, 14, 30),
  );
}

/**
 * A time saved once the person is done with it: on blur, Enter or Escape, or at once when it
 * is picked rather than typed. Typing over a saved time makes a whole time at each keystroke
 * (14:30, 21:30, 21:01, 21:15 on the way to 09:15 AM), and a segment being retyped empties the
 * box: none of those reaches the document, so teammates see one change, undo takes one step,
 * and a launch never turns all-day by the way. A half-typed time stays in the box with a
 * message; an emptied one is saved as no time.
 */
export function TimeField(
  props: FieldProps & {
    value: string | null;
    commit: (value: string | null) => boolean;
  },
) {
  const id = useId();
  const { value, commit, disabled, error, hint } = props;
  const { draft, setDraft, saving } = useDraft(value ?? '');
  const [entryError, setEntryError] = useState<string | null>(null);
  // A key is down in the box: the change it makes is typing, not a time picked.

  const send = (next: string | null) => {
    setEntryError(null);
    if (next === (value ?? null)) return;
    saving();
    commit(next);
  };
  const settle = (input: HTMLInputElement) => {
    // Chromium reads a half-typed time as "" with `validity.badInput`.
    if (input.value !== '') send(input.value);
    else if (input.validity.badInput) {
      setEntryError(`Finish the time, like ${exampleTime()}, or empty the box for all day.`);
    } else send(null);
  };
  const { keyDown, handlers } = useSettleOnLeave(settle);
  const shown = entryError ?? error;
  return (
    <Field {...props} id={id} error={shown ?? undefined}>
      <input
        id={id}
        type="time"
        className="input"
        value={draft}
        disabled={disabled}
        aria-invalid={shown ? true : undefined}
        aria-describedby={messageId(id, shown, hint)}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          setEntryError(null);
          if (!keyDown.current && next !== '') send(next);
        }}
        {...handlers}
      />
    </Field>
  );
}
