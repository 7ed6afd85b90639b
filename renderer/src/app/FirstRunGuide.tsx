import { useEffect, useRef, useState } from 'react';
import { NEXT_DROPS_TO_PLAN } from '../../../shared/brief';
import { PLAYBOOK_SUMMARY } from '../../../shared/playbook';
import { useCommands, useOpenWorkspace, useWorkspace } from '../state';
import { useOptionalSync } from '../state/SyncContext';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { readStartState, sameStartState, watchStartProgress, type StartState } from '../workspace';

/**
 * The first-run guide: a strip under the view tabs (never over the board) with the playbook's
 * first steps, ticked from the document as the person does them. On the sample it offers to
 * start a real workspace or remove the sample instead.
 */
export function FirstRunGuide(props: {
  /** The open workspace is the bundled sample. */
  isSample: boolean;
  /** Opens the New workspace dialog (empty board or a copy of the sample). */
  onStartWorkspace: () => void;
  /** Removes the sample from this computer (the same path as Delete). */
  onRemoveSample: () => void;
  onDismiss: () => void;
  /** Every step is done: later launches open without the guide. */
  onCompleted: () => void;
  /** The person asked for the guide (Help): it shows steps done before the workspace opened. */
  asked?: boolean;
}) {
  const { isSample, onCompleted, asked = false } = props;
  const ws = useOpenWorkspace();
  // A joined copy waiting for its team's board: its steps would only lead to empty places.
  const awaitingBoard = useOptionalSync()?.awaitingFirstSync === true;
  const readOnly = useWorkspace((s) => s.readOnly);
  const commands = useCommands();
  // Read during the first render, so the guide paints with the board: read in an effect, it
  // appeared a frame later and pushed the board down.
  const [start, setStart] = useState<StartState | null>(() =>
    isSample ? null : readStartState(ws),
  );
  const [confirmRemove, setConfirmRemove] = useState(false);

  useEffect(() => {
    if (isSample) return;
    return watchStartProgress(ws, (progress, complete) => {
      const next = { progress, complete };
      setStart((now) => (sameStartState(now, next) ? now : next));
    });
  }, [ws, isSample]);
  const progress = start?.progress ?? null;
  const complete = start?.complete ?? false;
  // The steps are this person's first steps: a workspace whose steps were done before it
  // opened (a copy of the sample, one restored or imported from a file) or by a teammate (a
  // joined board arriving) neither shows them as done by them nor ends the guide for the
  // workspaces still to come (unless the person asked for the guide from Help).
  const doneElsewhere = useRef(!asked && (complete || awaitingBoard));
  if (awaitingBoard && !asked) doneElsewhere.current = true;
  useEffect(() => {
    if (complete && !doneElsewhere.current) onCompleted();
  }, [complete, onCompleted]);

  const dismiss = (
    <button
      type="button"
      className="icon-button guide-dismiss"
      aria-label="Dismiss the getting started guide"
      title="Dismiss (reopen it from Help)"
      onClick={props.onDismiss}
    >
      <Icon name="close" size={14} />
    </button>
  );

  if (isSample) {
    return (
      <section className="guide" aria-label="Getting started">
        <span className="guide-mark" aria-hidden="true">
          <Icon name="help" size={18} />
        </span>
        <p className="guide-text">
          <strong>This is a sample workspace.</strong> It shows a label planning micro-drops with{' '}
          {PLAYBOOK_SUMMARY}. Start your own to plan your first drop.
        </p>
        <div className="guide-actions">
          <button type="button" className="button button-primary" onClick={props.onStartWorkspace}>
            Start your own workspace
          </button>
          <button type="button" className="button" onClick={() => setConfirmRemove(true)}>
            Remove sample…
          </button>
          {dismiss}
        </div>
        {confirmRemove && (
          <Dialog
            title="Remove the sample workspace?"
            onClose={() => setConfirmRemove(false)}
            onSubmit={() => {
              setConfirmRemove(false);
              props.onRemoveSample();
            }}
            actions={
              <>
                <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
                  Keep it
                </button>
                <button type="submit" className="button button-danger" autoFocus>
                  Remove sample
                </button>
              </>
            }
          >
            <p>
              The sample’s drops, briefs and creators are removed from this computer for good. Your
              own workspaces stay as they are. To see it again later, choose{' '}
              <em>A copy of the sample</em> in New workspace.
            </p>
          </Dialog>
        )}
      </section>
    );
  }

  if (!progress || awaitingBoard || doneElsewhere.current) return null;
  const steps: Step[] = [
    {
      label: 'Make your first drop',
      done: progress.firstDropId !== null,
      action: 'Add a drop',
      run: () => {
        commands.run('view-board');
        // The board mounts first when another view was open; then its quick-add opens.
        requestAnimationFrame(() => commands.run('new-drop'));
      },
    },
    {
      label: 'Write its brief',
      done: progress.briefWritten,
      action: 'Open its brief',
      run: () => {
        const dropId = progress.firstDropId;
        if (dropId) ws.store.briefView.set({ kind: 'brief', dropId });
      },
    },
    {
      label: 'Plan the next three',
      done: progress.planned >= NEXT_DROPS_TO_PLAN,
      note: `${progress.planned} of ${NEXT_DROPS_TO_PLAN}`,
      action: 'Plan on the calendar',
      run: () => commands.run('view-calendar'),
    },
  ];
  // Only the first open step offers its action (a brief needs its drop first).
  const next = steps.findIndex((s) => !s.done);
  return (
    <section className="guide" aria-label="Getting started">
      <span className="guide-mark" aria-hidden="true">
        <Icon name={complete ? 'check' : 'help'} size={18} />
      </span>
      <p className="guide-text guide-text-short">
        {complete ? (
          <>
            <strong>You’re set.</strong> Keep the rhythm: {PLAYBOOK_SUMMARY}.
          </>
        ) : (
          <strong>Getting started</strong>
        )}
      </p>
      <ol className="guide-steps" aria-label="First steps">
        {steps.map((s, i) => (
          <li
            key={s.label}
            className={s.done ? 'guide-step is-done' : 'guide-step'}
            aria-label={`${s.label}: ${s.done ? 'done' : 'to do'}`}
          >
            <span className="guide-tick" aria-hidden="true">
              {s.done ? <Icon name="check" size={12} /> : i + 1}
            </span>
            <span className="guide-step-label">
              {s.label}
              {s.note && !s.done && <span className="guide-step-note"> · {s.note}</span>}
            </span>
            {i === next && !readOnly && (
              <button type="button" className="link-button guide-step-action" onClick={s.run}>
                {s.action}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="guide-actions">
        {complete ? (
          <button type="button" className="button" onClick={props.onDismiss}>
            Close guide
          </button>
        ) : (
          dismiss
        )}
      </div>
    </section>
  );
}

interface Step {
  label: string;
  done: boolean;
  note?: string;
  action: string;
  run: () => void;
}
