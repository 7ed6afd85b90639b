import type { KeyboardEvent } from 'react';
import type { ChangeKind, NamedChange, WorkspaceDiff } from '../../../shared/history/diff';

const CHANGE_LABELS: Record<ChangeKind, string> = {
  removed: 'Deleted',
  changed: 'Changed',
  added: 'New',
};

/** What changed since a snapshot: drops to choose from, then creators, stages and settings. */
export function DiffList(props: {
  diff: WorkspaceDiff;
  chosen: ReadonlySet<string>;
  onChosen: (next: ReadonlySet<string>) => void;
  readOnly: boolean;
}) {
  const { diff, chosen, onChosen, readOnly } = props;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChosen(next);
  };
  const all = diff.drops.length > 0 && diff.drops.every((d) => chosen.has(d.id));
  return (
    <div className="history-diff" onKeyDown={enterDoesNotSubmit}>
      {diff.drops.length > 0 && (
        <section aria-label="Drops">
          <div className="history-diff-head">
            <h4>
              Drops and briefs{' '}
              <span className="sync-muted">
                ({diff.dropCount.then} then, {diff.dropCount.now} now)
              </span>
            </h4>
            <label className="sync-check">
              <input
                type="checkbox"
                checked={all}
                disabled={readOnly}
                onChange={(e) =>
                  onChosen(new Set(e.target.checked ? diff.drops.map((d) => d.id) : []))
                }
              />
              Choose all
            </label>
          </div>
          <ul className="history-changes">
            {diff.drops.map((d) => (
              <li key={d.id} className={`history-change history-change-${d.kind}`}>
                <label className="history-change-pick">
                  <input
                    type="checkbox"
                    checked={chosen.has(d.id)}
                    disabled={readOnly}
                    aria-label={`Choose “${d.title}”`}
                    onChange={(e) => toggle(d.id, e.target.checked)}
                  />
                  <span className="history-change-title">{d.title}</span>
                  <span className={`badge history-change-kind`}>{CHANGE_LABELS[d.kind]}</span>
                </label>
                <ul className="history-lines">
                  {d.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p className="sync-muted">
            Restoring a chosen drop puts it back as it was in the snapshot, brief and recorded
            results included; a drop added since is removed.
          </p>
        </section>
      )}
      <Named title="Creators" changes={diff.creators} />
      <Named title="Stages" changes={diff.stages} />
      {diff.workspace.length > 0 && (
        <section aria-label="Workspace">
          <h4>Workspace</h4>
          <ul className="history-lines">
            {diff.workspace.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {diff.results.length > 0 && (
        <section aria-label="Results data">
          <h4>Results data</h4>
          <ul className="history-lines">
            {diff.results.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="sync-muted">
            Imported orders and events belong to the whole workspace: restoring chosen drops leaves
            them as they are now.
          </p>
        </section>
      )}
      {(diff.creators.length > 0 ||
        diff.stages.length > 0 ||
        diff.workspace.length > 0 ||
        diff.results.length > 0) && (
        <p className="sync-muted">
          To get these back as they were, restore the snapshot as a new workspace.
        </p>
      )}
    </div>
  );
}

/**
 * The History dialog is one form, whose submit takes a named snapshot: Enter on a checkbox
 * submitted it (a snapshot under whatever was in the name box, or "Give the snapshot a
 * name"). A checkbox answers Space; Enter on one does nothing here.
 */
function enterDoesNotSubmit(e: KeyboardEvent<HTMLElement>): void {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'checkbox')
    e.preventDefault();
}

function Named(props: { title: string; changes: NamedChange[] }) {
  if (props.changes.length === 0) return null;
  return (
    <section aria-label={props.title}>
      <h4>{props.title}</h4>
      <ul className="history-changes">
        {props.changes.map((c) => (
          <li key={`${c.id}:${c.name}`} className={`history-change history-change-${c.kind}`}>
            <span className="history-change-title">{c.name}</span>{' '}
            <span className="sync-muted">{c.lines.join(' · ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
