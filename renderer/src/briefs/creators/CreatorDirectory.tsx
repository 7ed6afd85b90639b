import { useMemo, useState } from 'react';
import {
  CREATOR_PLATFORM_LABELS,
  CREATOR_PLATFORMS,
  defaultCreatorFields,
  duplicateDiscountCodes,
  HANDLE_PLATFORMS,
  handleProblems,
  type Creator,
  type CreatorFields,
  type CreatorId,
  type HandlePlatform,
  type HandleProblem,
  twinCreatorIds,
} from '../../../../shared/model';
import { useOpenWorkspace, useWorkspace } from '../../state';
import { Dialog } from '../../ui/Dialog';
import { briefActions } from '../actions';
import { Field, readNumber } from '../../ui/form';
import { creatorSummary } from './creatorSummary';
import { deleteCreatorMessage } from './deleteCreatorMessage';
import '../briefs.css';

const PROBLEM_WORDS: Record<HandleProblem['kind'], string> = {
  long: 'too long',
  short: 'too short',
  characters: 'not possible',
};

/** The workspace's creator directory: list, add, edit (with field messages), delete. */
export function CreatorDirectory(props: { onClose: () => void; onMessage: (m: string) => void }) {
  const { onClose, onMessage } = props;
  const ws = useOpenWorkspace();
  const { doc } = ws.store;
  const creators = useWorkspace((s) => s.creators);
  const drops = useWorkspace((s) => s.drops);
  const actions = useMemo(() => briefActions(doc, ws.undoManager), [doc, ws.undoManager]);
  const readOnly = useWorkspace((s) => s.readOnly);
  const [editing, setEditing] = useState<Creator | 'new' | null>(null);
  const [confirm, setConfirm] = useState<Creator | null>(null);
  const duplicates = useMemo(() => duplicateDiscountCodes(creators), [creators]);
  const twins = useMemo(() => twinCreatorIds(creators), [creators]);
  // Every drop deleteCreator unlinks, archived ones included.
  const linkedDrops = (id: CreatorId) => [...drops.values()].filter((d) => d.creatorId === id);

  // The form and the confirmation are siblings of the list dialog (no form inside a form).
  return (
    <>
      <Dialog
        title="Creators"
        onClose={onClose}
        actions={
          <>
            <button type="button" className="button" onClick={onClose}>
              Done
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={readOnly}
              onClick={() => setEditing('new')}
            >
              Add a creator
            </button>
          </>
        }
      >
        {creators.length === 0 ? (
          <p className="hint">
            No creators yet. Add the partners you brief: their handles, revenue share and the
            discount code that attributes their sales.
          </p>
        ) : (
          <ul className="creator-list" aria-label="Creator directory">
            {creators.map((c) => (
              <li key={c.id} className="creator-row">
                <div className="creator-main">
                  <strong>{c.name}</strong>
                  <span className="creator-sub">{creatorSummary(c)}</span>
                </div>
                <div className="creator-money">
                  <span>{c.revenueSharePct} %</span>
                  {c.discountCode && (
                    <code
                      className={
                        duplicates.has(c.discountCode.toLowerCase())
                          ? 'creator-code creator-code-dup'
                          : 'creator-code'
                      }
                    >
                      {c.discountCode}
                    </code>
                  )}
                  {duplicates.has(c.discountCode.toLowerCase()) && (
                    <span
                      className="badge badge-warning"
                      title="Two creators have this code: sales cannot be attributed. Change one."
                    >
                      Code used twice
                    </span>
                  )}
                  {/* Two people offline each added this creator: one should go. */}
                  {twins.has(c.id) && (
                    <span
                      className="badge badge-warning"
                      title="Another creator has this name: delete the one added twice, or tell the two apart in the name."
                    >
                      Name used twice
                    </span>
                  )}
                  {/* A handle saved before its platform's rules were checked: kept, and said. */}
                  {Object.entries(handleProblems(c.handles)).map(([p, problem]) => (
                    <span key={p} className="badge badge-warning" title={problem.message}>
                      {CREATOR_PLATFORM_LABELS[p as HandlePlatform]} handle{' '}
                      {PROBLEM_WORDS[problem.kind]}
                    </span>
                  ))}
                </div>
                <div className="creator-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={readOnly}
                    onClick={() => setEditing(c)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-danger-quiet"
                    disabled={readOnly}
                    onClick={() => setConfirm(c)}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Dialog>
      {editing && (
        <CreatorForm
          creator={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSave={(fields) => {
            const r =
              editing === 'new'
                ? actions.createCreator(fields)
                : actions.updateCreator(editing.id, fields);
            if (r.ok) setEditing(null);
            else if (Object.keys(r.errors).length === 0) onMessage(r.message);
            return r.ok ? {} : r.errors;
          }}
        />
      )}
      {confirm && (
        <Dialog
          title={`Delete ${confirm.name}?`}
          onClose={() => setConfirm(null)}
          onSubmit={() => {
            const r = actions.deleteCreator(confirm.id);
            if (!r.ok) onMessage(r.message);
            setConfirm(null);
          }}
          actions={
            <>
              <button type="button" className="button" onClick={() => setConfirm(null)}>
                Keep
              </button>
              <button type="submit" className="button button-danger">
                Delete creator
              </button>
            </>
          }
        >
          <p>{deleteCreatorMessage(confirm.name, linkedDrops(confirm.id))}</p>
        </Dialog>
      )}
    </>
  );
}

type Draft = Omit<CreatorFields, 'revenueSharePct'> & { revenueSharePct: string };

function CreatorForm(props: {
  creator: Creator | null;
  onCancel: () => void;
  onSave: (fields: CreatorFields) => Record<string, string>;
}) {
  const { creator, onCancel, onSave } = props;
  const start = creator ?? { ...defaultCreatorFields() };
  const [draft, setDraft] = useState<Draft>({
    ...start,
    handles: { ...start.handles },
    revenueSharePct: String(start.revenueSharePct),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Handles saved before their platform's rules were checked: said at the field from the start.
  const [savedProblems] = useState(() => (creator ? handleProblems(creator.handles) : {}));
  // Typing in a field takes its message away: it was about the value that is no longer there.
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => {
      if (!(k in e)) return e;
      const { [k]: _gone, ...rest } = e;
      void _gone;
      return rest;
    });
  };
  const submit = () => {
    // Read as the brief's revenue share is: `12,5` is 12.5 %, not a mistake.
    const pct = readNumber(draft.revenueSharePct);
    // Bad input keeps the dialog open with everything typed, and a message at each field.
    setErrors(onSave({ ...draft, revenueSharePct: pct }));
  };
  const field = (key: string, label: string, input: React.ReactNode, wide = false) => (
    <Field id={`cf-${key}`} label={label} error={errors[key]} wide={wide}>
      {input}
    </Field>
  );
  const text = (key: keyof Draft & string, type = 'text', placeholder = '') => (
    <input
      id={`cf-${key}`}
      className="input"
      type={type}
      placeholder={placeholder}
      value={draft[key] as string}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `cf-${key}-msg` : undefined}
      onChange={(e) => set(key, e.target.value as never)}
    />
  );
  return (
    <Dialog
      title={creator ? `Edit ${creator.name}` : 'Add a creator'}
      onClose={onCancel}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            {creator ? 'Save' : 'Add creator'}
          </button>
        </>
      }
    >
      <div className="brief-grid creator-form">
        {field('name', 'Name', text('name', 'text', 'Mara Lin'), true)}
        {field(
          'platform',
          'Main platform',
          <select
            id="cf-platform"
            className="input"
            value={draft.platform}
            onChange={(e) => set('platform', e.target.value as Draft['platform'])}
          >
            {CREATOR_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {CREATOR_PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>,
        )}
        {field('region', 'Region', text('region', 'text', 'Lisbon'))}
        {HANDLE_PLATFORMS.map((p) => {
          const key = `handles.${p}`;
          // Kept as saved until changed; a change is checked on save like any other.
          const saved = draft.handles[p] === creator?.handles[p] ? savedProblems[p] : undefined;
          const message =
            errors[key] ?? (saved && `${saved.message} Kept as saved until you change it.`);
          return (
            <Field
              key={key}
              id={`cf-${key}`}
              label={`${CREATOR_PLATFORM_LABELS[p]} handle`}
              error={message}
            >
              <input
                id={`cf-${key}`}
                className="input"
                placeholder="@handle"
                value={draft.handles[p]}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `cf-${key}-msg` : undefined}
                onChange={(e) => {
                  const value = e.target.value;
                  setDraft((d) => ({ ...d, handles: { ...d.handles, [p]: value } }));
                  // Typing in it takes its message away, as in the other fields.
                  setErrors((all) => {
                    if (!(key in all)) return all;
                    const { [key]: _gone, ...rest } = all;
                    void _gone;
                    return rest;
                  });
                }}
              />
            </Field>
          );
        })}
        {field('email', 'Email', text('email', 'email', 'name@studio.com'))}
        {field(
          'revenueSharePct',
          'Revenue share %',
          <input
            id="cf-revenueSharePct"
            className="input"
            inputMode="decimal"
            value={draft.revenueSharePct}
            aria-invalid={errors.revenueSharePct ? true : undefined}
            onChange={(e) => set('revenueSharePct', e.target.value)}
          />,
        )}
        {field('discountCode', 'Discount code', text('discountCode', 'text', 'MARA15'))}
        {field('trackingLink', 'Tracking link', text('trackingLink', 'url', 'https://…?ref=mara'))}
        {field(
          'notes',
          'Notes',
          <textarea
            id="cf-notes"
            className="input"
            rows={3}
            value={draft.notes}
            onChange={(e) => set('notes', e.target.value)}
          />,
          true,
        )}
      </div>
    </Dialog>
  );
}
