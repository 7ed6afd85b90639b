/** A labelled field of one entry per line (addresses, servers), with its message under it. */
export function LinesField(props: {
  label: string;
  value: string;
  placeholder: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { label, value, placeholder, error, onChange } = props;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <textarea
        className="input sync-code"
        rows={2}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? 'true' : 'false'}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
