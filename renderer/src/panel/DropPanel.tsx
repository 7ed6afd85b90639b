import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { addDays, parseISO } from 'date-fns';
import {
  CHANNEL_LABELS,
  CHANNELS,
  creatorChoiceLabels,
  DROP_COLORS,
  validateDropPatch,
  type Channel,
  type CreatorId,
  type Drop,
  type DropFields,
  type DropId,
  type FieldErrors,
} from '../../../shared/model';
import { useBoardActions, useWorkspace } from '../state';
import { useDropCurrency } from '../state/currency';
import { useOptionalSync, type UnsavedField } from '../state/SyncContext';
import { ChannelIcon } from '../ui/ChannelIcon';
import { focusAfterRemoving } from '../ui/focusAfterRemoving';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { RETARGETING_HOURS, SHOOT_TO_PUBLISH_DAYS } from '../../../shared/playbook';
import { isPlannedDropTitle } from '../../../shared/cadence';
import { countdown, turnaroundWarning, weekdayDate } from '../ui/dates';
import { money } from '../ui/format';
import { launchHint } from './launchHint';
import { enterShootOrPublish, type WaitingDate } from './shootPublishEntry';
import { DateField, NumberField, SelectField, TextField, TimeField } from '../ui/form';

type Errors = FieldErrors<DropFields> & { stage?: string };

/**
 * What other features show inside the panel. The app passes them in, since feature folders
 * don't import each other (docs/architecture.md).
 */
export interface DropPanelSlots {
  /** Beside the heading (the brief button). */
  headerActions?: (dropId: DropId) => ReactNode;
  /** After the drop's fields (the results section). */
  sections?: (dropId: DropId, readOnly: boolean) => ReactNode;
}

/** The side panel with every field of one drop; each change is validated, then saved. */
export function DropPanel(props: {
  dropId: string;
  today: string;
  /** Closes the panel; `refocus` moves the focus instead of the drop's own card (deleted). */
  onClose: (refocus?: () => void) => void;
  slots?: DropPanelSlots;
}) {
  const { dropId, today, onClose, slots = {} } = props;
  const drop = useWorkspace((s) => s.drops.get(dropId as DropId));
  const readOnly = useWorkspace((s) => s.readOnly);
  // Closed when the drop disappears (deleted here, by undo, or by a peer).
  useEffect(() => {
    if (!drop) onClose();
  }, [drop, onClose]);
  if (!drop) return null;
  return (
    <PanelBody
      key={drop.id}
      drop={drop}
      today={today}
      readOnly={readOnly}
      onClose={onClose}
      slots={slots}
    />
  );
}

function PanelBody(props: {
  drop: Drop;
  today: string;
  readOnly: boolean;
  onClose: (refocus?: () => void) => void;
  slots: DropPanelSlots;
}) {
  const { drop, today, readOnly, onClose, slots } = props;
  const actions = useBoardActions();
  const stages = useWorkspace((s) => s.stages);
  const creators = useWorkspace((s) => s.creators);
  const timeZone = useWorkspace((s) => s.meta.timezone);
  const currency = useDropCurrency(drop.id);
  const [errors, setErrors] = useState<Errors>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  // Typed and not yet saved: kept by the sync so a teammate's deletion can be undone with it.
  const noteUnsaved = useOptionalSync()?.noteUnsaved;
  const unsavedTitle = useUnsavedNote(noteUnsaved, drop.id, 'title');
  const unsavedNarrative = useUnsavedNote(noteUnsaved, drop.id, 'narrative');
  // The title takes focus when the panel opens on a drop; a planned drop's placeholder title
  // ("Drop · Tue 12 Jan") is selected, so typing its name replaces it.
  useEffect(() => {
    const el = titleRef.current;
    el?.focus();
    if (el && isPlannedDropTitle(el.value)) el.select();
  }, [drop.id]);

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
  // A shoot or publish date refused for its order, still in its box (shootPublishEntry.ts).
  const waiting = useRef<WaitingDate | null>(null);
  const setDate = (field: 'shootDate' | 'publishDate' | 'dropDate', v: string | null) => {
    if (field === 'dropDate') return save({ dropDate: v }, field);
    const entry = enterShootOrPublish(drop, field, v, waiting.current, (day) =>
      weekdayDate(parseISO(day)),
    );
    if (entry.kind === 'refuse') {
      // Only a date can be out of order (an emptied box never is).
      waiting.current = { field, value: v! };
      setErrors((e) => ({ ...e, [field]: entry.message }));
      return false;
    }
    if (entry.both || waiting.current?.field === field) waiting.current = null;
    return save(entry.patch, field);
  };
  /** The props every numeric field of the drop shares. */
  const number = (field: 'inventory' | 'reservePct' | 'adBudget', label: string) => ({
    label,
    value: drop[field],
    error: errors[field],
    commit: (v: number | null) => save({ [field]: v ?? Number.NaN }, field),
  });
  const toggleChannel = (c: Channel) => {
    const channels = drop.channels.includes(c)
      ? drop.channels.filter((x) => x !== c)
      : CHANNELS.filter((x) => x === c || drop.channels.includes(x));
    save({ channels }, 'channels');
  };
  const warning = turnaroundWarning(drop);
  const deadline = drop.shootDate
    ? weekdayDate(addDays(parseISO(drop.shootDate), SHOOT_TO_PUBLISH_DAYS))
    : null;
  const reserved = Math.round((drop.inventory * drop.reservePct) / 100);

  return (
    <aside
      className="panel"
      aria-label="Drop details"
      onKeyDown={(e) => {
        // An Escape something inside has taken (a fact box that could not save its text, a
        // brief's Escape) is not the panel's to close on.
        if (e.key === 'Escape' && !confirmDelete && !e.defaultPrevented) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="panel-header">
        <span className="panel-swatch" style={{ background: drop.color }} aria-hidden="true" />
        <h2 className="panel-heading">{drop.title}</h2>
        {drop.archived && <span className="badge">Archived</span>}
        {slots.headerActions?.(drop.id)}
        <button
          type="button"
          className="icon-button"
          aria-label="Close drop details"
          onClick={() => onClose()}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="panel-body">
        <fieldset disabled={readOnly} className="panel-fields">
          <TextField
            label="Title"
            wide
            inputRef={titleRef}
            value={drop.title}
            error={errors.title}
            commit={(title) => save({ title }, 'title')}
            onUnsaved={unsavedTitle}
          />
          <TextField
            label="Narrative"
            wide
            multiline
            rows={4}
            value={drop.narrative}
            error={errors.narrative}
            hint="One story for the whole drop: what the three shots and every channel tell."
            commit={(narrative) => save({ narrative }, 'narrative')}
            onUnsaved={unsavedNarrative}
          />
          <SelectField
            label="Stage"
            error={errors.stage}
            value={drop.pos.stageId}
            options={stages.map((st) => st.id)}
            labels={Object.fromEntries(stages.map((st) => [st.id, st.name]))}
            commit={(stageId) => actions.moveDrop(drop.id, stageId, Number.MAX_SAFE_INTEGER)}
          />
          <SelectField
            label="Creator"
            value={drop.creatorId ?? ''}
            options={['', ...creators.map((c) => c.id)]}
            labels={{
              '': 'No creator yet',
              // Two creators of one name (added by two people offline) are told apart.
              ...Object.fromEntries(creatorChoiceLabels(creators)),
            }}
            commit={(v) => actions.linkCreator(drop.id, (v || null) as CreatorId | null)}
          />
          <DateField
            label="Shoot"
            value={drop.shootDate}
            error={errors.shootDate}
            commit={(v) => setDate('shootDate', v)}
          />
          <DateField
            label="Publish"
            value={drop.publishDate}
            error={errors.publishDate}
            hint={deadline ? `Seven days from the shoot: ${deadline}` : undefined}
            commit={(v) => setDate('publishDate', v)}
          />
          <DateField
            label="Drop"
            value={drop.dropDate}
            error={errors.dropDate}
            hint={drop.dropDate ? `Drops ${countdown(drop.dropDate, today)}` : undefined}
            commit={(v) => setDate('dropDate', v)}
          />
          <TimeField
            label="Launch time"
            value={drop.launchTime ?? null}
            error={errors.launchTime}
            hint={launchHint(drop.dropDate, drop.launchTime, timeZone)}
            commit={(v) => save({ launchTime: v }, 'launchTime')}
          />
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
                  <ChannelIcon channel={c} size={13} decorative />
                  {CHANNEL_LABELS[c]}
                </button>
              ))}
            </div>
            {errors.channels && <p className="field-error">{errors.channels}</p>}
          </div>
          <NumberField {...number('inventory', 'Inventory (units)')} whole />
          <NumberField
            {...number('reservePct', 'Reserve %')}
            hint={`${reserved} units held for pop-ups and creator fans`}
          />
          <NumberField
            {...number('adBudget', 'Retargeting ad budget')}
            suffix={currency}
            hint={
              drop.adBudget > 0
                ? `${money(drop.adBudget, currency)} to spend in the ${RETARGETING_HOURS} hours after the drop`
                : `Spent in the ${RETARGETING_HOURS} hours after the drop`
            }
          />
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
        {slots.sections?.(drop.id, readOnly)}
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
            // Worked out while the card is still in the page.
            const refocus = focusAfterRemoving(drop.id);
            setConfirmDelete(false);
            actions.deleteDrop(drop.id);
            onClose(refocus);
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

/** A field's `onUnsaved`, the same function while the panel shows one drop. */
function useUnsavedNote(
  note: ((dropId: string, field: UnsavedField, draft: string | null) => void) | undefined,
  dropId: string,
  field: UnsavedField,
) {
  return useCallback((draft: string | null) => note?.(dropId, field, draft), [note, dropId, field]);
}
