import { useEffect, useRef, useState } from 'react';
import { addDays, format, parseISO } from 'date-fns';
import {
  CHANNEL_LABELS,
  CHANNELS,
  DROP_COLORS,
  validateDropPatch,
  type Channel,
  type CreatorId,
  type Drop,
  type DropFields,
  type DropId,
  type FieldErrors,
  type StageId,
} from '../../../shared/model';
import { useBoardActions, useWorkspace } from '../state';
import { ChannelIcon } from '../ui/ChannelIcon';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { countdown, SHOOT_TO_PUBLISH_DAYS } from '../ui/dates';
import { turnaroundWarning } from '../board/DropCard';
import { Field, useDraft, useFocusOnChange } from './fields';
import { BriefButton } from '../briefs/BriefsLayer';

type Errors = FieldErrors<DropFields> & { stage?: string };

/** The side panel with every field of one drop; each change is validated, then saved. */
export function DropPanel(props: { dropId: string; today: string; onClose: () => void }) {
  const { dropId, today, onClose } = props;
  const drop = useWorkspace((s) => s.drops.get(dropId as DropId));
  const readOnly = useWorkspace((s) => s.readOnly);
  // Closed when the drop disappears (deleted here, by undo, or by a peer).
  useEffect(() => {
    if (!drop) onClose();
  }, [drop, onClose]);
  if (!drop) return null;
  return (
    <PanelBody key={drop.id} drop={drop} today={today} readOnly={readOnly} onClose={onClose} />
  );
}

function PanelBody(props: { drop: Drop; today: string; readOnly: boolean; onClose: () => void }) {
  const { drop, today, readOnly, onClose } = props;
  const actions = useBoardActions();
  const stages = useWorkspace((s) => s.stages);
  const creators = useWorkspace((s) => s.creators);
  const [errors, setErrors] = useState<Errors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useFocusOnChange(drop.id, titleRef);

  const [title, setTitle, resetTitle] = useDraft(drop.title);
  const [narrative, setNarrative] = useDraft(drop.narrative);
  const [inventory, setInventory] = useDraft(String(drop.inventory));
  const [reserve, setReserve] = useDraft(String(drop.reservePct));
  const [budget, setBudget] = useDraft(String(drop.adBudget));

  /** Validates and saves; an invalid value shows its message and is not written. */
  const save = (patch: Partial<DropFields>, field: keyof DropFields) => {
    const checked = validateDropPatch(patch);
    if (!checked.ok) {
      setErrors((e) => ({ ...e, [field]: undefined, ...checked.errors }));
      return false;
    }
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as keyof DropFields];
      return next;
    });
    return actions.updateDrop(drop.id, checked.value);
  };
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  const setDate = (field: 'shootDate' | 'publishDate' | 'dropDate', value: string) => {
    const v = value === '' ? null : value;
    // Dates are checked together: publish comes after the shoot.
    const patch: Partial<DropFields> = {
      shootDate: drop.shootDate,
      publishDate: drop.publishDate,
      [field]: v,
    };
    if (field === 'dropDate') save({ dropDate: v }, field);
    else {
      setErrors((e) => ({ ...e, shootDate: undefined, publishDate: undefined }));
      save(patch, field);
    }
  };
  const toggleChannel = (c: Channel) => {
    const channels = drop.channels.includes(c)
      ? drop.channels.filter((x) => x !== c)
      : CHANNELS.filter((x) => x === c || drop.channels.includes(x));
    save({ channels }, 'channels');
  };
  const warning = turnaroundWarning(drop);
  const deadline = drop.shootDate
    ? format(addDays(parseISO(drop.shootDate), SHOOT_TO_PUBLISH_DAYS), 'EEE d MMM')
    : null;
  const reserved = Math.round((drop.inventory * drop.reservePct) / 100);

  return (
    <aside
      className="panel"
      aria-label="Drop details"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !confirmDelete) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="panel-header">
        <span className="panel-swatch" style={{ background: drop.color }} aria-hidden="true" />
        <h2 className="panel-heading">{drop.title}</h2>
        {drop.archived && <span className="badge">Archived</span>}
        <BriefButton dropId={drop.id} />
        <button
          type="button"
          className="icon-button"
          aria-label="Close drop details"
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="panel-body">
        <fieldset disabled={readOnly} className="panel-fields">
          <Field label="Title" error={errors.title} wide>
            {({ id, describedBy }) => (
              <input
                id={id}
                ref={titleRef}
                className="input"
                value={title}
                aria-invalid={errors.title ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setTitle(e.target.value)}
                onBlur={() => title !== drop.title && save({ title }, 'title')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') save({ title }, 'title');
                  if (e.key === 'Escape') resetTitle();
                }}
              />
            )}
          </Field>
          <Field
            label="Narrative"
            error={errors.narrative}
            hint="One story for the whole drop: what the three shots and every channel tell."
            wide
          >
            {({ id, describedBy }) => (
              <textarea
                id={id}
                className="input textarea"
                rows={4}
                value={narrative}
                aria-describedby={describedBy}
                onChange={(e) => setNarrative(e.target.value)}
                onBlur={() => narrative !== drop.narrative && save({ narrative }, 'narrative')}
              />
            )}
          </Field>
          <Field label="Stage" error={errors.stage}>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={drop.pos.stageId}
                onChange={(e) =>
                  actions.moveDrop(drop.id, e.target.value as StageId, Number.MAX_SAFE_INTEGER)
                }
              >
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Creator">
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={drop.creatorId ?? ''}
                onChange={(e) =>
                  actions.linkCreator(drop.id, (e.target.value || null) as CreatorId | null)
                }
              >
                <option value="">No creator yet</option>
                {creators.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Shoot" error={errors.shootDate}>
            {({ id, describedBy }) => (
              <input
                id={id}
                type="date"
                className="input"
                value={drop.shootDate ?? ''}
                aria-invalid={errors.shootDate ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setDate('shootDate', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Publish"
            error={errors.publishDate}
            hint={deadline ? `Seven days from the shoot: ${deadline}` : undefined}
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                type="date"
                className="input"
                value={drop.publishDate ?? ''}
                aria-invalid={errors.publishDate ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setDate('publishDate', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Drop"
            error={errors.dropDate}
            hint={drop.dropDate ? `Drops ${countdown(drop.dropDate, today)}` : undefined}
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                type="date"
                className="input"
                value={drop.dropDate ?? ''}
                aria-invalid={errors.dropDate ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setDate('dropDate', e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Launch time"
            error={errors.launchTime}
            hint={drop.launchTime ? 'In the workspace time zone' : 'Optional: all day when empty'}
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                type="time"
                className="input"
                value={drop.launchTime ?? ''}
                aria-invalid={errors.launchTime ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) =>
                  save({ launchTime: e.target.value === '' ? null : e.target.value }, 'launchTime')
                }
              />
            )}
          </Field>
          {warning && (
            <p className="callout callout-warning field-wide" role="note">
              <Icon name="warning" size={14} /> {warning}.
            </p>
          )}
          <div className="field field-wide">
            <span className="field-label" id="channels-label">
              Channels
            </span>
            <div className="chips" role="group" aria-labelledby="channels-label">
              {CHANNELS.map((c) => (
                <button
                  key={c}
                  type="button"
                  className="chip"
                  aria-pressed={drop.channels.includes(c)}
                  onClick={() => toggleChannel(c)}
                >
                  <ChannelIcon channel={c} size={13} />
                  {CHANNEL_LABELS[c]}
                </button>
              ))}
            </div>
            {errors.channels && <p className="field-error">{errors.channels}</p>}
          </div>
          <Field label="Inventory (units)" error={errors.inventory}>
            {({ id, describedBy }) => (
              <input
                id={id}
                className="input"
                inputMode="numeric"
                value={inventory}
                aria-invalid={errors.inventory ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setInventory(e.target.value)}
                onBlur={() => save({ inventory: num(inventory) }, 'inventory')}
                onKeyDown={(e) =>
                  e.key === 'Enter' && save({ inventory: num(inventory) }, 'inventory')
                }
              />
            )}
          </Field>
          <Field
            label="Reserve %"
            error={errors.reservePct}
            hint={`${reserved} units held for pop-ups and creator fans`}
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                className="input"
                inputMode="decimal"
                value={reserve}
                aria-invalid={errors.reservePct ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setReserve(e.target.value)}
                onBlur={() => save({ reservePct: num(reserve) }, 'reservePct')}
                onKeyDown={(e) =>
                  e.key === 'Enter' && save({ reservePct: num(reserve) }, 'reservePct')
                }
              />
            )}
          </Field>
          <Field
            label="Retargeting ad budget"
            error={errors.adBudget}
            hint="Spent in the 72 hours after the drop"
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                className="input"
                inputMode="decimal"
                value={budget}
                aria-invalid={errors.adBudget ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => setBudget(e.target.value)}
                onBlur={() => save({ adBudget: num(budget) }, 'adBudget')}
                onKeyDown={(e) => e.key === 'Enter' && save({ adBudget: num(budget) }, 'adBudget')}
              />
            )}
          </Field>
          <div className="field">
            <span className="field-label" id="colour-label">
              Colour
            </span>
            <div className="swatches" role="radiogroup" aria-labelledby="colour-label">
              {DROP_COLORS.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="radio"
                  aria-checked={drop.color === c}
                  aria-label={`Colour ${c}`}
                  className="swatch"
                  style={{ background: c }}
                  onClick={() => save({ color: c }, 'color')}
                />
              ))}
            </div>
          </div>
        </fieldset>
      </div>
      <footer className="panel-footer">
        <button
          type="button"
          className="button"
          disabled={readOnly}
          onClick={() => actions.setArchived(drop.id, !drop.archived)}
        >
          <Icon name="archive" size={14} /> {drop.archived ? 'Unarchive' : 'Archive'}
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={readOnly}
          onClick={() => setConfirmDelete(true)}
        >
          <Icon name="trash" size={14} /> Delete
        </button>
      </footer>
      {confirmDelete && (
        <Dialog
          title={`Delete “${drop.title}”?`}
          onClose={() => setConfirmDelete(false)}
          onSubmit={() => {
            setConfirmDelete(false);
            actions.deleteDrop(drop.id);
          }}
          actions={
            <>
              <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                Cancel
              </button>
              <button type="submit" className="button button-danger" autoFocus>
                Delete drop
              </button>
            </>
          }
        >
          <p>The drop and its brief are removed from this workspace. You can undo with Ctrl+Z.</p>
        </Dialog>
      )}
    </aside>
  );
}
