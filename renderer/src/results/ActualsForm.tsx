import { useId, useState, type KeyboardEvent } from 'react';
import { SHOT_LABELS, SHOTS } from '../../../shared/brief';
import {
  asOwnUndoStep,
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type DropId,
} from '../../../shared/model';
import {
  addRetargetingSpend,
  parseAmount,
  readActuals,
  recordAmount,
  recordPublished,
  recordShoot,
  recordShotDelivered,
  removeRetargetingSpend,
  setDropPosLocation,
  setDropSkus,
} from '../../../shared/results';
import { useOptionalSync } from '../state/SyncContext';
import { useOpenWorkspace, useResults, useWorkspace } from '../state';
import { useDraft } from '../ui/form/useDraft';
import { fromLocalInput, money, toLocalInput, when } from '../ui/format';

interface Recorded {
  by: string;
  recordedAt: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Saves a field's draft on blur, Enter and Escape. Escape saves too (the drop panel closes on
 * it): what was typed is kept, and when it cannot be, the panel stays open to say why.
 */
function savingKeys(save: () => boolean) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') save();
    else if (e.key === 'Escape' && !save()) e.preventDefault();
  };
}

/**
 * What an emptied box does: it removes the recorded fact (one undo step) and says so, so that a
 * removal is never silent. Text that is not a value never gets here: it is refused first.
 */
function useRemoval(
  recorded: boolean,
  clear: () => void,
  setError: (e: string | null) => void,
  setNote: (n: string | null) => void,
) {
  return (): boolean => {
    setError(null);
    if (!recorded) return true;
    clear();
    setNote('Removed. Ctrl/⌘+Z brings it back.');
    return true;
  };
}

/** Who recorded a fact and when, and Clear to remove it. */
function RecordedLine(props: { label: string; value: Recorded; tz: string; onClear: () => void }) {
  const { label, value, tz, onClear } = props;
  return (
    <small className="results-recorded">
      by {value.by} · {when(value.recordedAt, tz)}{' '}
      <button type="button" className="link-button" aria-label={`Clear ${label}`} onClick={onClear}>
        Clear
      </button>
    </small>
  );
}

/**
 * A recorded moment (the shoot, a delivery, publishing) in the workspace's zone. A box left
 * half-filled changes nothing and says so; an emptied one removes the time and says so.
 */
function MomentField(props: {
  id: string;
  label: string;
  value: ({ at: number } & Recorded) | null;
  tz: string;
  record: (t: number) => void;
  clear: () => void;
}) {
  const { id, label, value, tz, record, clear } = props;
  const inputId = useId();
  const stored = value ? toLocalInput(value.at, tz) : '';
  const [draft, setDraft] = useDraft(stored);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const removed = useRemoval(value !== null, clear, setError, setNote);
  const save = (input: HTMLInputElement): boolean => {
    setNote(null);
    if (input.validity.badInput) {
      setError('Finish the date and time: nothing was changed.');
      return false;
    }
    if (draft === stored) return (setError(null), true);
    if (draft === '') return removed();
    const t = fromLocalInput(draft, tz);
    try {
      if (t === null) throw new Error('Enter a date and time.');
      record(t);
      setError(null);
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };
  return (
    <div className="results-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="datetime-local"
        className="input"
        data-field={id}
        value={draft}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => save(e.currentTarget)}
        onKeyDown={(e) => savingKeys(() => save(e.currentTarget))(e)}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {note && (
        <p className="field-hint" role="status">
          {note}
        </p>
      )}
      {value && (
        <RecordedLine
          label={label}
          value={value}
          tz={tz}
          onClear={() => {
            clear();
            setError(null);
          }}
        />
      )}
    </div>
  );
}

/**
 * A recorded number: units (stock, customers) or money. Text that is not one is refused in
 * words and kept in the box; an emptied box removes the number and says so.
 */
function NumberFact(props: {
  id: string;
  label: string;
  kind: 'units' | 'money';
  value: ({ value: number } & Recorded) | null;
  tz: string;
  record: (n: number) => void;
  clear: () => void;
}) {
  const { id, label, kind, value, tz, record, clear } = props;
  const inputId = useId();
  const stored = value ? String(value.value) : '';
  const [draft, setDraft] = useDraft(stored);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const removed = useRemoval(value !== null, clear, setError, setNote);
  const save = (): boolean => {
    setNote(null);
    const text = draft.trim();
    if (text === stored) return (setError(null), true);
    if (text === '') return removed();
    const n =
      kind === 'units' ? (/^\d+$/.test(text) ? Number(text) : Number.NaN) : parseAmount(text);
    try {
      if (n === null || Number.isNaN(n))
        throw new Error(
          kind === 'units'
            ? `“${text}” is not a whole number of units: nothing was changed.`
            : `“${text}” is not an amount: nothing was changed.`,
        );
      record(n);
      setError(null);
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };
  return (
    <div className="results-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="input"
        inputMode={kind === 'units' ? 'numeric' : 'decimal'}
        data-field={id}
        value={draft}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={savingKeys(save)}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {note && (
        <p className="field-hint" role="status">
          {note}
        </p>
      )}
      {value && (
        <RecordedLine
          label={label}
          value={value}
          tz={tz}
          onClear={() => {
            clear();
            setError(null);
          }}
        />
      )}
    </div>
  );
}

/** A list-like fact written as text (SKUs, the POS location), saved on blur, Enter or Escape. */
function TextFact(props: { id: string; label: string; value: string; save: (v: string) => void }) {
  const { id, label, value, save } = props;
  const inputId = useId();
  const [draft, setDraft] = useDraft(value);
  const [error, setError] = useState<string | null>(null);
  const commit = (): boolean => {
    if (draft === value) return true;
    try {
      save(draft);
      setError(null);
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };
  return (
    <div className="results-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="input"
        data-field={id}
        value={draft}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={savingKeys(commit)}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What actually happened to a drop, each fact with who recorded it and when. */
export function ActualsForm(props: {
  dropId: DropId;
  readOnly: boolean;
  tz: string;
  currency: string;
}) {
  const { dropId, readOnly, tz, currency } = props;
  const ws = useOpenWorkspace();
  const doc = ws.doc;
  const planned = useWorkspace((s) => s.drops.get(dropId)?.channels) ?? [];
  useResults(); // re-render when actuals change
  const sync = useOptionalSync();
  const by = sync?.displayUser.name ?? 'Someone';
  const a = readActuals(doc, dropId);
  // Each recording is its own undo step, however quickly the next follows.
  const step = <T,>(fn: () => T): T => asOwnUndoStep(ws.undoManager, fn);
  const [spendError, setSpendError] = useState<string | null>(null);
  const [spendAmount, setSpendAmount] = useState('');
  const [spendAt, setSpendAt] = useState('');
  const published = a.published;
  const setChannels = (channels: Channel[]) => {
    if (published) step(() => recordPublished(doc, dropId, published.at, channels, by));
  };

  return (
    <fieldset className="results-actuals" disabled={readOnly}>
      <legend className="sr-only">What actually happened</legend>
      <MomentField
        id="shoot"
        label="Shoot happened"
        value={a.shoot}
        tz={tz}
        record={(t) => step(() => recordShoot(doc, dropId, t, by))}
        clear={() => step(() => recordShoot(doc, dropId, null, by))}
      />
      {SHOTS.map((s) => (
        <MomentField
          key={s}
          id={`shot-${s}`}
          label={`${SHOT_LABELS[s]} delivered`}
          value={a.shots[s]}
          tz={tz}
          record={(t) => step(() => recordShotDelivered(doc, dropId, s, t, by))}
          clear={() => step(() => recordShotDelivered(doc, dropId, s, null, by))}
        />
      ))}
      <MomentField
        id="published"
        label="Published"
        value={published}
        tz={tz}
        // First recorded on the channels the drop planned; ticked below as it really went out.
        record={(t) =>
          step(() => recordPublished(doc, dropId, t, published?.channels ?? planned, by))
        }
        clear={() => step(() => recordPublished(doc, dropId, null, [], by))}
      />
      {published && (
        <fieldset className="results-channels" data-field="published-channels">
          <legend>Published on</legend>
          {CHANNELS.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={published.channels.includes(c)}
                onChange={(e) =>
                  setChannels(
                    e.target.checked
                      ? [...published.channels, c]
                      : published.channels.filter((x) => x !== c),
                  )
                }
              />{' '}
              {CHANNEL_LABELS[c]}
            </label>
          ))}
        </fieldset>
      )}
      <NumberFact
        id="stock"
        label="Stock allocated (units)"
        kind="units"
        value={a.stockAllocated}
        tz={tz}
        record={(n) => step(() => recordAmount(doc, dropId, 'stock', n, by))}
        clear={() => step(() => recordAmount(doc, dropId, 'stock', null, by))}
      />
      <TextFact
        id="skus"
        label="Product SKUs (comma separated)"
        value={a.skus.join(', ')}
        save={(v) => step(() => setDropSkus(doc, dropId, v.split(/[\s,;]+/)))}
      />
      <TextFact
        id="posLocation"
        label="Pop-up POS location"
        value={a.posLocation}
        save={(v) => step(() => setDropPosLocation(doc, dropId, v))}
      />
      <div className="results-field results-spend">
        <span>Retargeting payments ({currency})</span>
        <ul>
          {a.retargeting.map((s) => (
            <li key={s.id}>
              {money(s.amount, currency)} on {when(s.at, tz)}{' '}
              <small>
                by {s.by} · {when(s.recordedAt, tz)}
              </small>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Remove the ${money(s.amount, currency)} payment`}
                onClick={() => step(() => removeRetargetingSpend(doc, dropId, s.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div className="results-spend-add">
          <input
            className="input"
            inputMode="decimal"
            placeholder={`Amount (${currency})`}
            aria-label={`Retargeting amount in ${currency}`}
            value={spendAmount}
            onChange={(e) => setSpendAmount(e.target.value)}
          />
          <input
            type="datetime-local"
            className="input"
            aria-label="When it was spent"
            value={spendAt}
            onChange={(e) => setSpendAt(e.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={!spendAmount || !spendAt}
            onClick={() => {
              try {
                const amount = parseAmount(spendAmount);
                if (amount === null || Number.isNaN(amount))
                  throw new Error(`“${spendAmount}” is not an amount.`);
                const t = fromLocalInput(spendAt, tz);
                if (t === null) throw new Error('Enter when it was spent.');
                step(() => addRetargetingSpend(doc, dropId, amount, t, by));
                setSpendAmount('');
                setSpendAt('');
                setSpendError(null);
              } catch (e) {
                setSpendError(messageOf(e));
              }
            }}
          >
            Add payment
          </button>
        </div>
        {spendError && (
          <p className="field-error" role="alert">
            {spendError}
          </p>
        )}
      </div>
      <NumberFact
        id="adSpend"
        label={`Other ad spend (${currency})`}
        kind="money"
        value={a.adSpend}
        tz={tz}
        record={(n) => step(() => recordAmount(doc, dropId, 'adSpend', n, by))}
        clear={() => step(() => recordAmount(doc, dropId, 'adSpend', null, by))}
      />
      <NumberFact
        id="shootCost"
        label={`Shoot cost (${currency})`}
        kind="money"
        value={a.shootCost}
        tz={tz}
        record={(n) => step(() => recordAmount(doc, dropId, 'shootCost', n, by))}
        clear={() => step(() => recordAmount(doc, dropId, 'shootCost', null, by))}
      />
      <NumberFact
        id="repurchase"
        label="Repurchase interest typed by hand (customers)"
        kind="units"
        value={a.repurchaseManual}
        tz={tz}
        record={(n) => step(() => recordAmount(doc, dropId, 'repurchase', n, by))}
        clear={() => step(() => recordAmount(doc, dropId, 'repurchase', null, by))}
      />
    </fieldset>
  );
}
