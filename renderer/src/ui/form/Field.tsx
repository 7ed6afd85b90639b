import type { ReactNode } from 'react';

/** What every field of the kit takes besides its value. */
export interface FieldProps {
  label: string;
  /** A message from the form (validation on save); shown in place of the hint. */
  error?: string | undefined;
  hint?: ReactNode;
  /** Spans the whole row of the form's grid. */
  wide?: boolean;
  disabled?: boolean;
}

/** The id of a field's message, or undefined when it shows none (for aria-describedby). */
export function messageId(id: string, error: unknown, hint: unknown): string | undefined {
  return error || hint ? `${id}-msg` : undefined;
}

/** A field's frame: its label, the control, and its message or hint under it. */
export function Field(props: Omit<FieldProps, 'disabled'> & { id: string; children: ReactNode }) {
  const { label, error, hint, wide, id, children } = props;
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-msg`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={`${id}-msg`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
