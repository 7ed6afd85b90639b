import { useId, useState, type ReactNode } from 'react';

/** A draft that follows the stored value until the person starts typing. */
function useDraft<T>(value: T): [T, (v: T) => void] {
  const [draft, setDraft] = useState(value);
  const [source, setSource] = useState(value);
  // A new stored value (undo, a peer's edit) replaces the draft.
  if (source !== value) {
    setSource(value);
    setDraft(value);
  }
  return [draft, setDraft];
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  wide?: boolean;
  disabled?: boolean;
}

/** A form field's frame: its label, the control, and its message or hint under it. */
export function Shell(props: FieldProps & { id: string; children: ReactNode }) {
  const { label, error, hint, wide, id, children } = props;
  return (
    <div className={wide ? 'bf bf-wide' : 'bf'}>
      <label className="bf-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="bf-error" id={`${id}-msg`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="bf-hint" id={`${id}-msg`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A text field saved when it loses focus (or on Enter). `commit` returns false when the value
 * was refused: the draft stays so nothing typed is lost, and the message shows at the field.
 */
export function TextInput(
  props: FieldProps & {
    value: string;
    commit: (value: string) => boolean;
    placeholder?: string;
    multiline?: boolean;
    rows?: number;
    type?: 'text' | 'email' | 'url';
  },
) {
  const id = useId();
  const {
    value,
    commit,
    placeholder,
    multiline,
    rows = 3,
    disabled,
    error,
    hint,
    type = 'text',
  } = props;
  const [draft, setDraft] = useDraft(value);
  const save = () => {
    if (draft !== value) commit(draft);
  };
  const common = {
    id,
    className: 'input',
    value: draft,
    placeholder,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? `${id}-msg` : undefined,
    onBlur: save,
  };
  return (
    <Shell {...props} id={id}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
      )}
    </Shell>
  );
}

/** A number field; empty or non-numeric input is sent as NaN so validation can say why. */
export function NumberInput(
  props: FieldProps & {
    value: number | null;
    commit: (value: number | null) => boolean;
    placeholder?: string;
    step?: string;
    suffix?: string;
    allowEmpty?: boolean;
  },
) {
  const id = useId();
  const {
    value,
    commit,
    placeholder,
    step = 'any',
    suffix,
    disabled,
    error,
    hint,
    allowEmpty,
  } = props;
  const [draft, setDraft] = useDraft(value === null ? '' : String(value));
  const save = () => {
    const current = value === null ? '' : String(value);
    if (draft === current) return;
    if (draft.trim() === '' && allowEmpty) commit(null);
    else commit(draft.trim() === '' ? Number.NaN : Number(draft));
  };
  return (
    <Shell {...props} id={id}>
      <div className="input-with-suffix">
        <input
          id={id}
          className="input"
          inputMode="decimal"
          step={step}
          value={draft}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? `${id}-msg` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
        {suffix && <span className="suffix">{suffix}</span>}
      </div>
    </Shell>
  );
}

export function DateInput(
  props: FieldProps & {
    value: string | null;
    commit: (value: string | null) => boolean;
  },
) {
  const id = useId();
  const { value, commit, disabled, error, hint } = props;
  return (
    <Shell {...props} id={id}>
      <input
        id={id}
        type="date"
        className="input"
        value={value ?? ''}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        onChange={(e) => commit(e.target.value || null)}
      />
    </Shell>
  );
}

export function SelectInput<T extends string>(
  props: FieldProps & {
    value: T;
    options: readonly T[];
    labels?: Partial<Record<T, string>>;
    commit: (value: T) => boolean;
  },
) {
  const id = useId();
  const { value, options, labels, commit, disabled, error } = props;
  return (
    <Shell {...props} id={id}>
      <select
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        onChange={(e) => commit(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </Shell>
  );
}
