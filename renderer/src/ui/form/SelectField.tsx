import { useId } from 'react';
import { Field, messageId, type FieldProps } from './Field';

/** A choice among a few values, saved as soon as it is picked. */
export function SelectField<T extends string>(
  props: FieldProps & {
    value: T;
    options: readonly T[];
    labels?: Partial<Record<T, string>>;
    commit: (value: T) => unknown;
  },
) {
  const id = useId();
  const { value, options, labels, commit, disabled, error, hint } = props;
  return (
    <Field {...props} id={id}>
      <select
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={messageId(id, error, hint)}
        onChange={(e) => commit(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </Field>
  );
}
