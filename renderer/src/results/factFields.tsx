import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { parseAmount, type Recorded } from '../../../shared/results';
import { useDraft } from '../ui/form/useDraft';
import { fromLocalInput, toLocalInput, when } from '../ui/format';
import { useByName } from './useRecorder';

// The boxes of the drop panel's "Record what happened": each saved on blur, Enter or Escape,
// its own message under it, and who recorded it and when.

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Saves a box's draft on Enter and Escape (blur saves too). Escape also closes the drop panel:
 * what was typed is kept, and when it cannot be, the panel stays open to say why.
 */
function savingKeys(save: () => boolean) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') save();
    else if (e.key === 'Escape' && !save()) e.preventDefault();
  };
}

/**
 * What saving a box did, as the message under it. An emptied box removes the recorded fact and
 * says so (a removal is never silent); text that is not a value is refused before that.
 */
function useFactState(recorded: boolean, clear: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // "Removed" holds only while the fact is: undo, redo or a teammate bringing it back ends it.
  const [noteWhileRemoved, setNoteWhileRemoved] = useState(recorded);
  if (noteWhileRemoved !== recorded) {
    setNoteWhileRemoved(recorded);
    if (recorded) setNote(null);
  }
  const show = (e: string | null, n: string | null) => {
    setError(e);
    setNote(n);
  };
  return {
    /** True while the fact is recorded (Clear is offered). */
    recorded,
    error,
    note,
    unchanged: () => (show(null, null), true),
    refuse: (message: string) => (show(message, null), false),
    /** Runs the write; false, with its message shown, when it refuses the value. */
    attempt(write: () => void): boolean {
      try {
        write();
        show(null, null);
        return true;
      } catch (e) {
        show(messageOf(e), null);
        return false;
      }
    },
    remove(): boolean {
      if (recorded) clear();
      show(null, recorded ? 'Removed. Ctrl/⌘+Z brings it back.' : null);
      return true;
    },
    clearNow() {
      clear();
      show(null, 'Removed. Ctrl/⌘+Z brings it back.');
    },
  };
}
type FactState = ReturnType<typeof useFactState>;

/** A box's label, the box, its message, and who recorded the fact and when (with Clear). */
function FactFrame(props: {
  inputId: string;
  label: string;
  state: FactState;
  /** Who recorded the fact and when (in `tz`); null when it is not known. */
  recorded: Recorded | null;
  tz: string;
  children: ReactNode;
}) {
  const { inputId, label, state, recorded, tz, children } = props;
  const byName = useByName();
  return (
    <div className="results-field">
      <label htmlFor={inputId}>{label}</label>
      {children}
      {state.error && (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      )}
      {state.note && (
        <p className="field-hint" role="status">
          {state.note}
        </p>
      )}
      {state.recorded && (
        <small className="results-recorded">
          {/* A fact an earlier version recorded may not say who: it can still be cleared. */}
          {recorded && `by ${byName(recorded)} · ${when(recorded.recordedAt, tz)} `}
          <button
            type="button"
            className="link-button"
            aria-label={`Clear ${label}`}
            onClick={state.clearNow}
          >
            Clear
          </button>
        </small>
      )}
    </div>
  );
}

/** A recorded moment (the shoot, a delivery, publishing) in the workspace's zone. */
export function MomentField(props: {
  id: string;
  label: string;
  value: ({ at: number } & Recorded) | null;
  tz: string;
  record: (t: number) => void;
  clear: () => void;
}) {
  const { id, label, value, tz, record, clear } = props;
  const inputId = useId();
  const stored = value ? toLocalInput(value.at, tz) : '';
  const { draft, setDraft, saving } = useDraft(stored);
  const state = useFactState(value !== null, clear);
  const save = (input: HTMLInputElement): boolean => {
    // A date-time box with a part cleared reads as empty: it is not a removal.
    if (input.validity.badInput)
      return state.refuse('Finish the date and time: nothing was changed.');
    if (draft === stored) return state.unchanged();
    saving();
    if (draft === '') return state.remove();
    const t = fromLocalInput(draft, tz);
    return t === null ? state.refuse('Enter a date and time.') : state.attempt(() => record(t));
  };
  return (
    <FactFrame inputId={inputId} label={label} state={state} recorded={value} tz={tz}>
      <input
        id={inputId}
        type="datetime-local"
        className="input"
        data-field={id}
        value={draft}
        aria-invalid={state.error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => save(e.currentTarget)}
        onKeyDown={(e) => savingKeys(() => save(e.currentTarget))(e)}
      />
    </FactFrame>
  );
}

/** A recorded number: units (stock, customers) or money, read as amounts are (12,5 is 12.5). */
export function NumberFact(props: {
  id: string;
  label: string;
  kind: 'units' | 'money';
  value: ({ value: number } & Recorded) | null;
  tz: string;
  record: (n: number) => void;
  clear: () => void;
}) {
  const { id, label, kind, value, tz, record, clear } = props;
  const inputId = useId();
  const stored = value ? String(value.value) : '';
  const { draft, setDraft, saving } = useDraft(stored);
  const state = useFactState(value !== null, clear);
  const save = (): boolean => {
    const text = draft.trim();
    if (text === stored) return state.unchanged();
    saving();
    if (text === '') return state.remove();
    const n =
      kind === 'units' ? (/^\d+$/.test(text) ? Number(text) : Number.NaN) : parseAmount(text);
    if (n === null || Number.isNaN(n))
      return state.refuse(
        kind === 'units'
          ? `“${text}” is not a whole number of units: nothing was changed.`
          : `“${text}” is not an amount: nothing was changed.`,
      );
    return state.attempt(() => record(n));
  };
  return (
    <FactFrame inputId={inputId} label={label} state={state} recorded={value} tz={tz}>
      <input
        id={inputId}
        className="input"
        inputMode={kind === 'units' ? 'numeric' : 'decimal'}
        data-field={id}
        value={draft}
        aria-invalid={state.error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={savingKeys(save)}
      />
    </FactFrame>
  );
}

/** A fact written as text (the SKUs, the POS location). */
export function TextFact(props: {
  id: string;
  label: string;
  value: string;
  recorded: Recorded | null;
  tz: string;
  save: (v: string) => void;
  clear: () => void;
  /** An example of what to type, shown while the box is empty. */
  placeholder?: string;
}) {
  const { id, label, value, recorded, tz, save, clear, placeholder } = props;
  const inputId = useId();
  const { draft, setDraft, saving } = useDraft(value);
  const state = useFactState(value !== '', clear);
  const commit = (): boolean => {
    if (draft === value) return state.unchanged();
    saving();
    if (draft.trim() === '') return state.remove();
    return state.attempt(() => save(draft));
  };
  return (
    <FactFrame inputId={inputId} label={label} state={state} recorded={recorded} tz={tz}>
      <input
        id={inputId}
        className="input"
        data-field={id}
        value={draft}
        placeholder={placeholder}
        aria-invalid={state.error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={savingKeys(commit)}
      />
    </FactFrame>
  );
}
