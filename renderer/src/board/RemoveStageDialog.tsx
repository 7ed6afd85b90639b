import { useMemo, useState } from 'react';
import type { StageId } from '../../../shared/model';
import { useBoardActions, useWorkspace } from '../state';
import { Dialog } from '../ui/Dialog';

function neighbourOf(stages: readonly { id: string }[], stageId: string): string | undefined {
  const i = stages.findIndex((s) => s.id === stageId);
  return (stages[i - 1] ?? stages[i + 1])?.id;
}

/**
 * Removing a stage: an empty one goes at once (after a confirm); one with drops asks which
 * stage receives them, so nothing is lost.
 */
export function RemoveStageDialog(props: {
  stageId: string;
  onClose: () => void;
  onMessage: (m: string) => void;
}) {
  const { stageId, onClose } = props;
  const stages = useWorkspace((s) => s.stages);
  const drops = useWorkspace((s) => s.drops);
  const actions = useBoardActions();
  const stage = stages.find((s) => s.id === stageId);
  const others = stages.filter((s) => s.id !== stageId);
  const count = useMemo(() => {
    let n = 0;
    for (const d of drops.values()) if (d.pos.stageId === stageId) n++;
    return n;
  }, [drops, stageId]);
  // The stage just before it takes its drops by default (the next one for the first stage):
  // a drop stays near where it was in the flow, never sent back to the very start.
  const [target, setTarget] = useState<string>(() => neighbourOf(stages, stageId) ?? '');
  if (!stage) return null;
  const remove = () => {
    if (others.length === 0) return;
    const to = target || others[0]!.id;
    actions.removeStage(stageId as StageId, to as StageId);
    // Focus goes to the stage that took the drops (the menu that opened this is gone with its
    // stage): a keyboard user carries on beside it, not from the top of the window.
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(
          `[data-stage-id="${CSS.escape(to)}"] button[aria-label^="Stage "][aria-label$=" options"]`,
        )
        ?.focus(),
    );
    props.onMessage(
      count > 0
        ? `Removed ${stage.name}; its drops moved to ${others.find((s) => s.id === (target || others[0]!.id))?.name ?? 'another stage'}.`
        : `Removed ${stage.name}.`,
    );
    onClose();
  };
  return (
    <Dialog
      title={`Remove “${stage.name}”?`}
      onClose={onClose}
      onSubmit={remove}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-danger" disabled={others.length === 0}>
            Remove stage
          </button>
        </>
      }
    >
      {others.length === 0 ? (
        <p>A board needs at least one stage.</p>
      ) : count === 0 ? (
        <p>This stage has no drops. You can undo with Ctrl+Z.</p>
      ) : (
        <>
          <p>
            {count === 1 ? 'One drop is' : `${count} drops are`} in this stage. Where should{' '}
            {count === 1 ? 'it' : 'they'} go?
          </p>
          <label className="field">
            <span className="field-label">Move its drops to</span>
            <select
              className="input"
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              autoFocus
            >
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </Dialog>
  );
}
