import { useState } from 'react';
import { SHOT_LABELS, SHOTS, type Shot } from '../../../shared/brief';
import { CHANNEL_LABELS, type DropId } from '../../../shared/model';
import {
  addRetargetingSpend,
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
import { fromLocalInput, money, toLocalInput, when } from '../ui/format';
import { requestImport } from './importRequests';
import { MetricList } from './MetricList';
import './results.css';
import { HowCounted } from './HowCounted';

/** The drop panel's Results section: the drop's numbers, and what actually happened. */
export function ResultsSection(props: { dropId: string; readOnly: boolean }) {
  const { dropId, readOnly } = props;
  const snap = useResults();
  const r = snap.results.get(dropId);
  const [open, setOpen] = useState(false);
  if (!r) return null;
  return (
    <section className="panel-section results-section" aria-label="Results">
      <h3 className="panel-section-title">Results</h3>
      {snap.orderCount === 0 && (
        <p className="results-hint">
          No orders imported yet.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => requestImport({ kind: 'orders', file: null })}
          >
            Import the shop&apos;s orders
          </button>{' '}
          (or drop a CSV on the window).
        </p>
      )}
      <MetricList r={r} />
      <HowCounted settings={snap.settings} />
      <button
        type="button"
        className="button results-record-toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide what happened' : 'Record what happened'}
      </button>
      {open && (
        <ActualsForm
          dropId={dropId as DropId}
          readOnly={readOnly}
          tz={snap.timeZone}
          currency={r.currency}
        />
      )}
    </section>
  );
}

function ActualsForm(props: { dropId: DropId; readOnly: boolean; tz: string; currency: string }) {
  const { dropId, readOnly, tz, currency } = props;
  const ws = useOpenWorkspace();
  const drop = useWorkspace((s) => s.drops.get(dropId));
  useResults(); // re-render when actuals change
  const sync = useOptionalSync();
  const by = sync?.displayUser.name ?? 'Someone';
  const a = readActuals(ws.doc, dropId);
  const [error, setError] = useState<string | null>(null);
  const [spendAmount, setSpendAmount] = useState('');
  const [spendAt, setSpendAt] = useState('');
  const run = (fn: () => void) => {
    try {
      fn();
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const moment = (
    label: string,
    value: { at: number; by: string } | null,
    set: (t: number | null) => void,
    id: string,
  ) => (
    <label className="results-field" key={id}>
      <span>{label}</span>
      <input
        key={value?.at ?? 'none'}
        type="datetime-local"
        className="input"
        data-field={id}
        defaultValue={value ? toLocalInput(value.at, tz) : ''}
        onBlur={(e) => run(() => set(fromLocalInput(e.target.value, tz)))}
      />
      {value && <small>by {value.by}</small>}
    </label>
  );
  const amount = (
    label: string,
    key: 'stock' | 'adSpend' | 'shootCost' | 'repurchase',
    value: { value: number; by: string } | null,
  ) => (
    <label className="results-field" key={key}>
      <span>{label}</span>
      <input
        key={value?.value ?? 'none'}
        type="number"
        min={0}
        className="input"
        data-field={key}
        defaultValue={value ? String(value.value) : ''}
        onBlur={(e) =>
          run(() =>
            recordAmount(
              ws.doc,
              dropId,
              key,
              e.target.value.trim() === '' ? null : Number(e.target.value),
              by,
            ),
          )
        }
      />
      {value && <small>by {value.by}</small>}
    </label>
  );
  return (
    <fieldset className="results-actuals" disabled={readOnly}>
      <legend className="sr-only">What actually happened</legend>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {moment('Shoot happened', a.shoot, (t) => recordShoot(ws.doc, dropId, t, by), 'shoot')}
      {SHOTS.map((s: Shot) =>
        moment(
          `${SHOT_LABELS[s]} delivered`,
          a.shots[s],
          (t) => recordShotDelivered(ws.doc, dropId, s, t, by),
          `shot-${s}`,
        ),
      )}
      {moment(
        'Published',
        a.published,
        (t) =>
          recordPublished(ws.doc, dropId, t, a.published?.channels ?? drop?.channels ?? [], by),
        'published',
      )}
      {a.published && (
        <p className="results-hint">
          On {a.published.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || 'no channels'} (the
          drop&apos;s channels when recorded).
        </p>
      )}
      {amount('Stock allocated (units)', 'stock', a.stockAllocated)}
      <label className="results-field">
        <span>Product SKUs (comma separated)</span>
        <input
          className="input"
          data-field="skus"
          defaultValue={a.skus.join(', ')}
          onBlur={(e) => run(() => setDropSkus(ws.doc, dropId, e.target.value.split(/[\s,;]+/)))}
        />
      </label>
      <label className="results-field">
        <span>Pop-up POS location</span>
        <input
          className="input"
          data-field="posLocation"
          defaultValue={a.posLocation}
          onBlur={(e) => run(() => setDropPosLocation(ws.doc, dropId, e.target.value))}
        />
      </label>
      <div className="results-field results-spend">
        <span>Retargeting payments ({currency})</span>
        <ul>
          {a.retargeting.map((s) => (
            <li key={s.id}>
              {money(s.amount, currency)} on {when(s.at, tz)} <small>by {s.by}</small>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Remove the ${money(s.amount, currency)} payment`}
                onClick={() => run(() => removeRetargetingSpend(ws.doc, dropId, s.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div className="results-spend-add">
          <input
            type="number"
            min={0}
            className="input"
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
            onClick={() =>
              run(() => {
                const t = fromLocalInput(spendAt, tz);
                if (t === null) throw new Error('Enter when it was spent.');
                addRetargetingSpend(ws.doc, dropId, Number(spendAmount), t, by);
                setSpendAmount('');
                setSpendAt('');
              })
            }
          >
            Add payment
          </button>
        </div>
      </div>
      {amount(`Other ad spend (${currency})`, 'adSpend', a.adSpend)}
      {amount(`Shoot cost (${currency})`, 'shootCost', a.shootCost)}
      {amount('Repurchase interest typed by hand (customers)', 'repurchase', a.repurchaseManual)}
    </fieldset>
  );
}
