import { useState } from 'react';
import { stageNameSchema } from '../../../shared/model';
import { Icon } from '../ui/Icon';

/** The last column slot: add a stage at the end of the board. */
export function AddStage(props: { onAdd: (name: string) => boolean }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setName('');
    setError(null);
  };
  const submit = () => {
    const checked = stageNameSchema().safeParse(name);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Check the name.');
    if (props.onAdd(checked.data)) close();
  };
  if (!open) {
    return (
      <button type="button" className="add-stage-button" onClick={() => setOpen(true)}>
        <Icon name="plus" size={14} /> Add stage
      </button>
    );
  }
  return (
    <div className="add-stage">
      <input
        className="input"
        autoFocus
        placeholder="Stage name"
        aria-label="New stage name"
        aria-invalid={error ? true : undefined}
        value={name}
        maxLength={40}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
        onBlur={() => !name.trim() && close()}
      />
      {error && <p className="field-error">{error}</p>}
      <div className="row-actions">
        <button type="button" className="button button-primary" onClick={submit}>
          Add stage
        </button>
        <button
          type="button"
          className="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={close}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
