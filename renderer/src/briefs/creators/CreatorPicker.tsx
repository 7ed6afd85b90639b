import { useId, useMemo } from 'react';
import { creatorChoiceLabels, formatHandle, type CreatorId } from '../../../../shared/model';
import { useWorkspace } from '../../state';

/** Picks the drop's one creator from the workspace's directory. */
export function CreatorPicker(props: {
  value: CreatorId | null;
  onPick: (id: CreatorId | null) => void;
  error?: string | undefined;
  disabled?: boolean;
  label?: string;
  onOpenDirectory?: (() => void) | undefined;
}) {
  const { value, onPick, error, disabled, label = 'Creator', onOpenDirectory } = props;
  const creators = useWorkspace((s) => s.creators);
  const labels = useMemo(() => creatorChoiceLabels(creators), [creators]);
  const id = useId();
  // A creator deleted by a peer while linked: say so instead of showing an empty choice.
  const missing = value !== null && !creators.some((c) => c.id === value);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="creator-pick">
        <select
          id={id}
          className="input"
          value={missing ? '' : (value ?? '')}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-msg` : undefined}
          onChange={(e) => onPick(e.target.value ? (e.target.value as CreatorId) : null)}
        >
          <option value="">
            {missing ? 'Creator removed from the directory' : 'No creator yet'}
          </option>
          {creators.map((c) => {
            const handle = c.handles[c.platform as keyof typeof c.handles];
            const label = labels.get(c.id) ?? c.name;
            // Two creators of one name: their label already says what tells them apart.
            return (
              <option key={c.id} value={c.id}>
                {label}
                {handle && label === c.name ? ` · ${formatHandle(handle)}` : ''}
              </option>
            );
          })}
        </select>
        {onOpenDirectory && (
          <button type="button" className="button button-quiet" onClick={onOpenDirectory}>
            Directory…
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" id={`${id}-msg`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
