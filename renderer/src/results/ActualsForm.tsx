import { useState, type KeyboardEvent } from 'react';
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
import { useOpenWorkspace, useResults, useWorkspace } from '../state';
import { fromLocalInput, money, when } from '../ui/format';
import { MomentField, NumberFact, TextFact, messageOf } from './factFields';
import { useByName, useRecorder } from './useRecorder';

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
  const by = useRecorder();
  const byName = useByName();
  const a = readActuals(doc, dropId);
  // Each recording is its own undo step, however quickly the next follows.
  const step = <T,>(fn: () => T): T => asOwnUndoStep(ws.undoManager, fn);
  const [spendError, setSpendError] = useState<string | null>(null);
  const [spendAmount, setSpendAmount] = useState('');
  const [spendAt, setSpendAt] = useState('');
  // The four numbers recorded by hand: each written, or removed, as its own undo step.
  const amount = (key: Parameters<typeof recordAmount>[2]) => ({
    record: (n: number) => step(() => recordAmount(doc, dropId, key, n, by)),
    clear: () => step(() => recordAmount(doc, dropId, key, null, by)),
  });
  const addPayment = () => {
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
  };
  // Enter in either box adds the payment, as the button does (once both are filled in).
  const addOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || !spendAmount || !spendAt) return;
    e.preventDefault();
    addPayment();
  };
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
        {...amount('stock')}
      />
      <TextFact
        id="skus"
        label="Product SKUs (comma separated)"
        // Shops export each variant's SKU: a prefix ending in * takes every size and colour.
        placeholder="HL-SHIRT*, HL-BELT"
        value={a.skus.join(', ')}
        recorded={a.skusRecorded}
        tz={tz}
        // Commas (or semicolons, new lines) separate SKUs; a SKU itself may contain spaces.
        save={(v) => step(() => setDropSkus(doc, dropId, v.split(/[,;\n]+/), by))}
        clear={() => step(() => setDropSkus(doc, dropId, [], by))}
      />
      <TextFact
        id="posLocation"
        label="Pop-up POS location"
        value={a.posLocation}
        recorded={a.posLocationRecorded}
        tz={tz}
        save={(v) => step(() => setDropPosLocation(doc, dropId, v, by))}
        clear={() => step(() => setDropPosLocation(doc, dropId, '', by))}
      />
      <div className="results-field results-spend">
        <span>Retargeting payments ({currency})</span>
        <ul>
          {a.retargeting.map((s) => (
            <li key={s.id}>
              {money(s.amount, currency)} on {when(s.at, tz)}{' '}
              <small>
                by {byName(s)} · {when(s.recordedAt, tz)}
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
            onKeyDown={addOnEnter}
          />
          <input
            type="datetime-local"
            className="input"
            aria-label="When it was spent"
            value={spendAt}
            onChange={(e) => setSpendAt(e.target.value)}
            onKeyDown={addOnEnter}
          />
          <button
            type="button"
            className="button"
            disabled={!spendAmount || !spendAt}
            onClick={addPayment}
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
        {...amount('adSpend')}
      />
      <NumberFact
        id="shootCost"
        label={`Shoot cost (${currency})`}
        kind="money"
        value={a.shootCost}
        tz={tz}
        {...amount('shootCost')}
      />
      <NumberFact
        id="repurchase"
        label="Repurchase interest typed by hand (customers)"
        kind="units"
        value={a.repurchaseManual}
        tz={tz}
        {...amount('repurchase')}
      />
    </fieldset>
  );
}
