import { useState } from 'react';

/** A compact select in a table cell; `pick` saves the choice at once. */
export function CellSelect<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  labels?: Readonly<Record<T, string>>;
  disabled: boolean;
  pick: (value: T) => void;
}) {
  const { label, value, options, labels, disabled, pick } = props;
  return (
    <select
      className="input input-compact"
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => pick(e.target.value as T)}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {labels ? labels[o] : o}
        </option>
      ))}
    </select>
  );
}

/** A compact text cell saved when it loses focus or on Enter; a new stored value replaces the draft. */
export function CellText(props: {
  label: string;
  value: string;
  disabled: boolean;
  commit: (v: string) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  const [source, setSource] = useState(props.value);
  if (source !== props.value) {
    setSource(props.value);
    setDraft(props.value);
  }
  const save = () => draft !== props.value && props.commit(draft);
  return (
    <input
      className="input input-compact"
      aria-label={props.label}
      value={draft}
      disabled={props.disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
    />
  );
}
